import type { ChangeTest, SeriesEvolution } from '../types.ts';
import { toCsvPieces, type CsvCell } from './to-csv.ts';
import { joinPieces } from './join-pieces.ts';
import { formatOptional, formatP, formatRate } from './format-number.ts';
import { formatTerms } from './format-terms.ts';

export const EVOLUTION_COLUMNS = [
  'series',
  'document',
  'date',
  'year',
  'theme',
  'count',
  'words',
  'per_1000',
  'change_per_1000',
  'change_relative',
  'top_terms',
  'level',
  'code',
  'share',
  'g2',
  'p_value',
  'log_ratio',
  'significant',
  'previous',
  'per_1000_low',
  'per_1000_high',
  'q_value',
  'significant_q',
] as const;

/**
 * `evolution.csv`, the machine-readable twin of `evolution.md`: per series x milestone, one row
 * per theme (`level` = `theme`, `code` empty) followed by one row per code (`level` = `code`), in
 * the order of `evolution`. Changes are plain signed decimals (`-2.000`, no `+`) and empty for
 * the first milestone; `change_relative` and `share` are fractions (0.500 = 50%). `g2`,
 * `p_value`, `log_ratio` and `significant` (`true`/`false`, p < 0.05) test the change from
 * `previous` (the previous milestone's id); all empty for the first milestone. `per_1000_low` and
 * `per_1000_high` bound the rate's exact 95% Poisson interval; `q_value` is the test's
 * Benjamini-Hochberg q across all the run's tests and `significant_q` whether q < 0.05 (empty when
 * the statistics were not computed).
 */
export function toEvolutionCsv(evolution: readonly SeriesEvolution[]): string {
  return joinPieces(toEvolutionCsvPieces(evolution));
}

/** `toEvolutionCsv` line by line, made as written. */
export function toEvolutionCsvPieces(evolution: readonly SeriesEvolution[]): Generator<string> {
  return toCsvPieces(EVOLUTION_COLUMNS, cellsOf(evolution));
}

function* cellsOf(evolution: readonly SeriesEvolution[]): Generator<CsvCell[]> {
  for (const { series, steps } of evolution) {
    for (const step of steps) {
      const { document, words } = step;
      const head = [series, document.id, document.date, document.year];
      for (const t of step.themes) {
        yield [
          ...head,
          t.theme,
          t.count,
          words,
          formatRate(t.per1000),
          formatOptional(t.changePer1000),
          formatOptional(t.changeRelative),
          formatTerms(t.topTerms),
          'theme',
          '',
          formatOptional(t.share),
          ...testCells(t.test),
          step.previous,
          ...addedCells(t),
        ];
      }
      for (const c of step.codes ?? []) {
        yield [
          ...head,
          c.theme,
          c.count,
          words,
          formatRate(c.per1000),
          formatOptional(c.changePer1000),
          formatOptional(c.changeRelative),
          formatTerms(c.topTerms),
          'code',
          c.code,
          formatRate(c.share),
          ...testCells(c.test),
          step.previous,
          ...addedCells(c),
        ];
      }
    }
  }
}

function testCells(test: ChangeTest | null | undefined): CsvCell[] {
  if (!test) return ['', '', '', ''];
  return [formatRate(test.g2), formatP(test.p), formatOptional(test.logRatio), String(test.significant)];
}

/** The columns added after `previous`: the rate's interval, the test's q and whether q < 0.05. */
function addedCells(m: { per1000Low?: number; per1000High?: number; test?: ChangeTest | null }): CsvCell[] {
  const q = m.test?.q;
  return [formatOptional(m.per1000Low), formatOptional(m.per1000High), q === undefined ? '' : formatP(q), q === undefined ? '' : String(q < 0.05)];
}
