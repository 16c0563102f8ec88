import type { Codebook, Diagnostic } from '../types.ts';
import { toDiagnostic } from './create-reporter.ts';

/**
 * An error for each theme or code id containing `/`: reports, evidence, gold files and `kwic`
 * name a code `theme/code`, so theme `a/b` with code `c` and theme `a` with code `b/c` would both
 * be `a/b/c`. None of the shipped dictionaries (LIWC MFD, MFD 2.0, Laver & Garry, newsmap) uses
 * `/` in a category name, so the character is refused outright rather than only on a collision.
 */
export function checkIdSlashes(codebook: Codebook, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (position: { line: number; column: number } | undefined) => position ?? { line: 1, column: 1 };
  for (const theme of codebook.themes) {
    if (theme.id.includes('/')) diagnostics.push(slashError(file, at(theme.position), 'theme', theme.id));
    for (const code of theme.codes) {
      if (code.id.includes('/') && code.id !== theme.id) diagnostics.push(slashError(file, at(code.position), 'code', code.id));
    }
  }
  return diagnostics;
}

function slashError(file: string, position: { line: number; column: number }, kind: 'theme' | 'code', id: string): Diagnostic {
  const suggestion = id.replaceAll('/', '-');
  return toDiagnostic(
    'error',
    'codebook/slash-in-id',
    file,
    position,
    `The ${kind} id \`${id}\` contains \`/\`, which separates theme and code in every report (\`theme/code\`), so it could name two different codes.`,
    `Rename it without \`/\`, e.g. \`${suggestion}\` (the label can keep the slash).`,
  );
}
