import { describe, expect, it } from 'vitest';
import { buildEvolution } from '../../../src/analyze/build-evolution.ts';
import { toKeynessTable, toTermShiftTable } from '../../../src/report/to-change-tables.ts';
import { toTermShiftsHtml } from '../../../src/report/html/to-term-shifts-html.ts';
import { CELL_TERM_LIMIT, type DocumentResult } from '../../../src/types.ts';

/** A document of one code whose terms t0..t(n-1) are counted `count(k)` times each. */
function documentOf(id: string, year: number, terms: Array<[string, number]>): DocumentResult {
  return {
    meta: { id, title: id, year, series: 's' },
    source: { path: `/${id}.txt`, relPath: `${id}.txt`, format: 'txt', bytes: 1, sha256: 'x' },
    words: 10_000,
    cjkCharacters: 0,
    pages: 0,
    codes: [{ theme: 'tech', code: 'data', count: terms.reduce((sum, [, n]) => sum + n, 0), terms: terms.map(([term, count]) => ({ term, count })) }],
  };
}

// 30 terms only before, 30 only after, 30 in both with different counts: every list has 30+ entries.
const only = (prefix: string) => Array.from({ length: 30 }, (_, k): [string, number] => [`${prefix}${k}`, k + 1]);
const before = documentOf('before', 2012, [...only('old'), ...only('both').map(([t, n]): [string, number] => [t, n])]);
const after = documentOf('after', 2014, [...only('new'), ...only('both').map(([t, n]): [string, number] => [t, 31 - n])]);

describe('report cells need no more of each term list than CELL_TERM_LIMIT', () => {
  const full = buildEvolution([before, after], ['tech']);
  const cut = buildEvolution([before, after], ['tech'], { listLimit: CELL_TERM_LIMIT });

  it('the full lists are longer than the limit, so the comparison means something', () => {
    const step = full[0]!.steps[1]!;
    expect([step.appeared!.length, step.vanished!.length, step.keyness!.length]).toEqual([30, 30, 90]);
    expect(cut[0]!.steps[1]!.keyness).toHaveLength(CELL_TERM_LIMIT);
  });

  it('report.md and evolution.md tables are the same from the cut lists', () => {
    expect([...toTermShiftTable(cut[0]!)]).toEqual([...toTermShiftTable(full[0]!)]);
    expect([...toKeynessTable(cut[0]!)]).toEqual([...toKeynessTable(full[0]!)]);
  });

  it('report.html tables are the same from the cut lists', () => {
    expect(toTermShiftsHtml(cut[0]!)).toBe(toTermShiftsHtml(full[0]!));
  });
});
