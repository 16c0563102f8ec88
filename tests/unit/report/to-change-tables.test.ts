import { describe, expect, it } from 'vitest';
import { toKeynessTable, toTermShiftTable } from '../../../src/report/to-change-tables.ts';
import type { EvolutionStep, KeynessTerm, SeriesEvolution, TermShift } from '../../../src/types.ts';

const shift = (term: string, count: number, previousCount: number): TermShift => ({ theme: 't', code: 'c', term, count, previousCount });
const key = (term: string, g2: number): KeynessTerm => ({ ...shift(term, 2, 0), g2, p: 0.5, logRatio: null });
const first: EvolutionStep = { document: { id: 'a', title: 'A', year: 2012 }, words: 100, themes: [] };

function series(step: Partial<EvolutionStep>): SeriesEvolution {
  return { series: 's', steps: [first, { document: { id: 'b', title: 'B', year: 2014 }, words: 100, themes: [], previous: 'a', ...step }] };
}

describe('term lists cut to TERM_LIST_LIMIT', () => {
  const nine = Array.from({ length: 9 }, (_, k) => shift(`w${k}`, 9 - k, 0));

  it('says how many more terms there are from termTotals, not from the cut list', () => {
    // 9 listed of 150 that appeared: the cell shows 8 and "142 more" (150 - 8).
    const [row] = [...toTermShiftTable(series({ appeared: nine, vanished: [], termTotals: { appeared: 150, vanished: 0, tested: 150, key: 150 } }))].slice(2);
    expect(row).toContain('c: w7 (2); ... (142 more)');
    expect(row).not.toContain('w8');
  });

  it('counts the key terms (G2 > 0) left out of the keyness cell', () => {
    const keyness = Array.from({ length: 9 }, (_, k) => key(`k${k}`, 10 - k));
    const [row] = [...toKeynessTable(series({ keyness, termTotals: { appeared: 0, vanished: 0, tested: 40, key: 30 } }))].slice(2);
    expect(row).toContain('... (22 more)');
  });

  it('falls back to the list length for steps without totals', () => {
    const [row] = [...toTermShiftTable(series({ appeared: nine, vanished: [] }))].slice(2);
    expect(row).toContain('... (1 more)');
  });
});
