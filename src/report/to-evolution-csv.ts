import type { SeriesEvolution } from '../types.ts';
import { toCsv, type CsvCell } from './to-csv.ts';
import { formatRate } from './format-number.ts';
import { formatTerms } from './format-terms.ts';

export const EVOLUTION_COLUMNS = [
  'series', 'document', 'date', 'year', 'theme', 'count', 'words', 'per_1000',
  'change_per_1000', 'change_relative', 'top_terms',
] as const;

/**
 * `evolution.csv`, the machine-readable twin of `evolution.md`: one row per series x milestone
 * x theme, in the order of `evolution`. Changes are plain signed decimals (`-2.000`, no `+`) and
 * empty for the first milestone; `change_relative` is a fraction (0.500 = +50%) or empty.
 */
export function toEvolutionCsv(evolution: readonly SeriesEvolution[]): string {
  const rows: CsvCell[][] = [];
  for (const { series, steps } of evolution) {
    for (const { document, words, themes } of steps) {
      for (const t of themes) {
        rows.push([
          series, document.id, document.date, document.year, t.theme, t.count, words,
          formatRate(t.per1000),
          t.changePer1000 === null ? '' : formatRate(t.changePer1000),
          t.changeRelative === null ? '' : formatRate(t.changeRelative),
          formatTerms(t.topTerms),
        ]);
      }
    }
  }
  return toCsv(EVOLUTION_COLUMNS, rows);
}
