import { describe, expect, it } from 'vitest';
import { toChangeTable, toKeynessTable, toTermShiftTable } from '../../../src/report/to-change-tables.ts';
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

describe('toChangeTable escapes its text cells', () => {
  const test = { g2: 4, p: 0.0455, logRatio: 1, significant: true };
  const step: EvolutionStep = {
    document: { id: 'plan|2014', title: 'B', date: '2014\n-08' },
    words: 1000,
    previous: 'a',
    themes: [{ theme: 'tech', count: 1200, words: 1000, per1000: 1200, share: 0.5, changePer1000: 2, changeRelative: null, topTerms: [], test }],
    codes: [
      { theme: 'tech', code: 'big|data', count: 3, words: 1000, per1000: 3, share: 0.25, changePer1000: null, changeRelative: null, topTerms: [], test: null },
    ],
  };
  const one: SeriesEvolution = { series: 's', steps: [step] };

  it('theme rows: the date on one line, | escaped in the id and in the evidence filter; numbers as formatted', () => {
    // count 1,200; rate 1200.000; no interval computed; share 50.0%; change +2.000 (no relative); G2 4.000, p 0.0455,
    // no q (so the flag falls back to p < 0.05), log2 +1.000
    expect([...toChangeTable(one, 'theme')][2]).toBe(
      '| 2014 -08 | plan\\|2014 | tech | 1,200 | 1200.000 | - | 50.0% | +2.000 | 4.000 | 0.0455 | - | +1.000 | **yes** | document=plan\\|2014, theme=tech |',
    );
  });

  it('code rows: the code escaped too; a first milestone has no change or test', () => {
    expect([...toChangeTable(one, 'code')][2]).toBe(
      '| 2014 -08 | plan\\|2014 | tech | big\\|data | 3 | 3.000 | - | 25.0% | - | - | - | - | - |  | document=plan\\|2014, code=big\\|data |',
    );
  });

  it('flags by q once assigned (q 0.08: not flagged though p 0.0455), with the rate interval', () => {
    const flagged: SeriesEvolution = {
      series: 's',
      steps: [
        {
          ...step,
          themes: [{ ...step.themes[0]!, per1000Low: 1133.1, per1000High: 1269.6, test: { ...test, q: 0.08 } }],
        },
      ],
    };
    expect([...toChangeTable(flagged, 'theme')][2]).toBe(
      '| 2014 -08 | plan\\|2014 | tech | 1,200 | 1200.000 | 1133.100 to 1269.600 | 50.0% | +2.000 | 4.000 | 0.0455 | 0.0800 | +1.000 | no | document=plan\\|2014, theme=tech |',
    );
  });
});
