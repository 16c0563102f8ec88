import type { CodeCoverage } from './check-corpus-coverage.ts';
import { RULE_NAMES } from './tally-matches.ts';
import { toTextTable } from './to-text-table.ts';

/** The terms that carry each code: one row per code with its count, documents, rule exclusions and top terms. */
export function toCoverageTable(coverage: readonly CodeCoverage[], topTerms: number): string {
  const rows = coverage.map((code) => {
    const excluded = RULE_NAMES.filter((rule) => code.excluded[rule] > 0).map((rule) => `${rule} ${code.excluded[rule]}`);
    const top = code.terms.filter((term) => term.count > 0).slice(0, topTerms);
    return [
      `${code.theme}/${code.code}`,
      String(code.count),
      String(code.documents),
      excluded.length > 0 ? excluded.join(', ') : '-',
      top.length > 0 ? top.map((term) => `${term.term} (${term.count})`).join(', ') : '-',
    ];
  });
  return toTextTable(['code', 'count', 'docs', 'excluded', `top terms`], rows, [false, true, true, false, false]);
}
