import { createRequire } from 'node:module';
import type * as Scslre from 'scslre';
import type { Codebook, Diagnostic, Term } from '../types.ts';
import { toDiagnostic } from './create-reporter.ts';

/**
 * The only adapter around scslre (the analysis behind eslint-plugin-regexp's
 * no-super-linear-backtracking): `codebook/slow-regex` (warning) for a regex term that a
 * backtracking engine (JavaScript, quanteda's stringi/ICU, Python) runs in exponential or
 * polynomial time on a long word, e.g. `(a+)+$`, a quantifier inside a quantified group.
 * policycoder's own engine (RE2) is linear and cannot hang on it; the warning is for the
 * codebook's other users and for a pattern that says more than it means.
 */

// Loaded only for codebooks with regex terms (~0.6 s: scslre reasons over finite automata).
const load = createRequire(import.meta.url);

export function checkSlowRegexTerms(codebook: Codebook): Diagnostic[] {
  const regexTerms = codebook.themes.flatMap((theme) =>
    theme.codes.flatMap((code) => code.terms.filter((term) => term.kind === 'regex').map((term) => ({ term, where: `code \`${code.id}\`` }))),
  );
  if (regexTerms.length === 0) return [];
  const { analyse } = load('scslre') as typeof Scslre;
  const found: Diagnostic[] = [];
  for (const { term, where } of regexTerms) {
    for (const pattern of term.value.split(/\s+/)) {
      const report = slowest(analyse, pattern);
      if (report) found.push(toWarning(term, where, pattern, report, codebook.path));
    }
  }
  return found;
}

/** The worst report for one pattern, exponential first; none for a pattern JavaScript cannot parse (RE2-only syntax). */
function slowest(analyse: typeof Scslre.analyse, pattern: string): Scslre.Report | undefined {
  // Without `i`: letter case does not change how an engine backtracks, and the examples read better in lower case.
  for (const flags of ['u', '']) {
    try {
      // Move reports (an unanchored search retried at every position) are left out, as eslint-plugin-regexp does.
      const { reports } = analyse({ source: pattern, flags }, { reportTypes: { Move: false } });
      return reports.find((report) => report.exponential) ?? reports[0];
    } catch {
      // Not valid JavaScript with these flags: try the next, else give up.
    }
  }
  return undefined;
}

function toWarning(term: Term, where: string, pattern: string, report: Scslre.Report, file: string): Diagnostic {
  const cause =
    report.type === 'Self' ? `\`${report.quant.raw}\` repeats inside \`${report.parentQuant.raw}\`` : 'two quantifiers can take the same characters';
  const effect = report.exponential
    ? 'takes exponential time in a backtracking engine'
    : 'takes time growing with a power of the word length in a backtracking engine';
  const fixed = report.fix()?.source;
  return toDiagnostic(
    'warning',
    'codebook/slow-regex',
    file,
    term.position ?? { line: 1, column: 1 },
    `The regular expression \`${pattern}\` of ${where} ${effect} on a word of many \`${report.character.pick}\`s: ${cause}. ` +
      `policycoder matches it in linear time (RE2), but JavaScript, quanteda (stringi) or Python would ${report.exponential ? 'hang' : 'slow down'} on such a word.`,
    fixed && fixed !== pattern
      ? `An equivalent pattern without this backtracking: \`${fixed}\`.`
      : 'Remove the inner quantifier or the overlap between alternatives (`(a+)+` is `a+`; `(a|ab)*` is `(ab?)*`).',
  );
}
