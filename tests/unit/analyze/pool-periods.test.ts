import { describe, expect, it } from 'vitest';
import { periodFor, periodLabel, poolPeriods, PERIOD_MIN_DOCUMENTS } from '../../../src/analyze/pool-periods.ts';
import { buildEvolution } from '../../../src/analyze/build-evolution.ts';
import type { DocumentMeta, DocumentResult } from '../../../src/types.ts';

function result(meta: DocumentMeta, words: number, counts: Record<string, number>): DocumentResult {
  return {
    meta,
    source: { path: `/c/${meta.id}.txt`, relPath: `${meta.id}.txt`, format: 'txt', bytes: 1, sha256: '' },
    words,
    cjkCharacters: 0,
    pages: 0,
    codes: [
      { theme: 'tech', code: 'data', count: (counts.data ?? 0) + (counts.info ?? 0), terms: termCounts({ data: counts.data ?? 0, info: counts.info ?? 0 }) },
      { theme: 'green', code: 'air', count: counts.air ?? 0, terms: termCounts({ air: counts.air ?? 0 }) },
    ],
    units: { sentences: 2, paragraphs: 1 },
  };
}

function termCounts(counts: Record<string, number>) {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([term, count]) => ({ term, count }))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1));
}

describe('periodLabel', () => {
  it('names the year, quarter or month of a date, the year alone of a year, and "undated" of neither', () => {
    expect(periodLabel({ id: 'a', title: 'a', date: '2015-05-20', year: 2015 }, 'year')).toBe('2015');
    expect(periodLabel({ id: 'a', title: 'a', date: '2015-05-20', year: 2015 }, 'quarter')).toBe('2015-Q2');
    expect(periodLabel({ id: 'a', title: 'a', date: '2015-12', year: 2015 }, 'quarter')).toBe('2015-Q4');
    expect(periodLabel({ id: 'a', title: 'a', date: '2015-01-01', year: 2015 }, 'month')).toBe('2015-01');
    // Only a year known: the year's own period, even by quarter or month.
    expect(periodLabel({ id: 'a', title: 'a', year: 2015 }, 'month')).toBe('2015');
    expect(periodLabel({ id: 'a', title: 'a' }, 'year')).toBe('undated');
  });
});

describe('periodFor', () => {
  it('is year above PERIOD_MIN_DOCUMENTS documents, else document, unless one is asked for', () => {
    expect(PERIOD_MIN_DOCUMENTS).toBe(50);
    expect(periodFor(50)).toBe('document');
    expect(periodFor(51)).toBe('year');
    expect(periodFor(51, 'document')).toBe('document');
    expect(periodFor(3, 'quarter')).toBe('quarter');
  });
});

describe('poolPeriods', () => {
  it('sums counts, terms, words and units per period, in the order the periods come', () => {
    const members = [
      result({ id: 'a', title: 'a', year: 2010 }, 100, { data: 2, air: 1 }),
      result({ id: 'b', title: 'b', year: 2010 }, 300, { info: 3 }),
      result({ id: 'c', title: 'c', year: 2011 }, 50, {}),
    ];
    const periods = poolPeriods(members, 'year');
    expect(periods.map(({ pooled }) => pooled.meta)).toEqual([
      { id: '2010', title: '2 documents', year: 2010 },
      { id: '2011', title: '1 document', year: 2011 },
    ]);
    expect(periods.map(({ documents }) => documents.map((d) => d.meta.id))).toEqual([['a', 'b'], ['c']]);
    const [first] = periods;
    expect(first!.pooled.words).toBe(400);
    expect(first!.pooled.units).toEqual({ sentences: 4, paragraphs: 2 });
    // data 2 + info 3: info first (more mentions), then data.
    expect(first!.pooled.codes[0]).toEqual({
      theme: 'tech',
      code: 'data',
      count: 5,
      terms: [
        { term: 'info', count: 3 },
        { term: 'data', count: 2 },
      ],
    });
    expect(first!.pooled.codes[1]).toEqual({ theme: 'green', code: 'air', count: 1, terms: [{ term: 'air', count: 1 }] });
  });
});

describe('buildEvolution with periods', () => {
  it('makes a milestone per year of a series of more than 50 documents, its documents listed', () => {
    const results = Array.from({ length: 51 }, (_, k) =>
      result({ id: `d${String(k).padStart(2, '0')}`, title: '', year: k < 10 ? 2010 : 2012 }, 1000, { data: k < 10 ? 1 : 2 }),
    );
    const [series] = buildEvolution(results, ['tech', 'green']);
    expect(series!.period).toBe('year');
    expect(series!.steps.map((step) => step.document.id)).toEqual(['2010', '2012']);
    expect(series!.steps[1]!.members).toHaveLength(41);
    // 2010: 10 mentions in 10,000 words = 1 per 1,000; 2012: 82 in 41,000 = 2 per 1,000.
    expect(series!.steps.map((step) => step.themes[0]!.per1000)).toEqual([1, 2]);
    expect(series!.steps[1]!.previous).toBe('2010');
    const [byDocument] = buildEvolution(results.slice(0, 50), ['tech', 'green']);
    expect(byDocument!.period).toBeUndefined();
    expect(byDocument!.steps).toHaveLength(50);
  });
});
