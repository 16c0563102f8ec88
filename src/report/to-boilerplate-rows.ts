import type { InputRecord } from '../types.ts';
import { formatInteger } from './format-number.ts';

/** Rows shown in report.md and report.html; the manifest has them all. */
export const BOILERPLATE_ROWS_SHOWN = 50;

export const BOILERPLATE_COLUMNS = ['Document', 'Rule', 'Characters:', 'Lines:', 'Words:'];

/**
 * What the boilerplate rules removed before counting, one row per document and rule (rules that
 * removed nothing included: a rule that missed is worth seeing), at most BOILERPLATE_ROWS_SHOWN;
 * `more` says how many were left out. Cells are plain text.
 */
export function toBoilerplateRows(inputs: readonly InputRecord[]): { rows: string[][]; more: number } {
  const all = inputs.flatMap((input) =>
    (input.boilerplate ?? []).map((removal) => [
      input.documentId ?? input.relPath,
      removal.rule,
      formatInteger(removal.characters),
      formatInteger(removal.lines),
      formatInteger(removal.words),
    ]),
  );
  return { rows: all.slice(0, BOILERPLATE_ROWS_SHOWN), more: Math.max(0, all.length - BOILERPLATE_ROWS_SHOWN) };
}

/** The sentence before the table. */
export function boilerplateIntro(): string {
  return 'Boilerplate removed before counting (the rules in corpus.yaml): this text counts neither as matches nor as words, and is left out of the evidence and the text units.';
}

/** The note after it when rows were left out, or undefined. */
export function boilerplateMore(more: number): string | undefined {
  return more === 0 ? undefined : `${formatInteger(more)} more rows in manifest.json (\`inputs[].boilerplate\`).`;
}

/** The note about documents left out (by include/exclude patterns, or hidden files and READMEs corpus.yaml does not name), or undefined. */
export function excludedNote(inputs: readonly InputRecord[]): string | undefined {
  const excluded = inputs.filter((input) => input.status === 'excluded').length;
  if (excluded === 0) return undefined;
  return `${formatInteger(excluded)} ${excluded === 1 ? 'file was' : 'files were'} excluded and not read: left out by include/exclude patterns, or hidden files and READMEs that corpus.yaml does not name (listed in manifest.json with \`status: excluded\` and the reason).`;
}
