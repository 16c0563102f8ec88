import { describe, expect, it } from 'vitest';
import { buildSeriesFindings } from '../../../src/analyze/build-series-findings.ts';
import { toFindingsLines } from '../../../src/report/to-findings-lines.ts';
import type { Codebook, EvolutionStep, SeriesEvolution } from '../../../src/types.ts';

/** Two milestones of 1,000 words: theme a 10 -> 30 mentions, theme b 30 -> 10 (mirror image). */
function step(id: string, date: string, a: number, b: number, test?: { p: number; significant: boolean }): EvolutionStep {
  const theme = (name: string, count: number, other: number) => ({
    theme: name,
    count,
    words: 1000,
    per1000: count,
    share: count / (count + other),
    changePer1000: test ? (name === 'a' ? 20 : -20) : null,
    changeRelative: null,
    topTerms: [],
    test: test ? { g2: 10.669, p: test.p, logRatio: null, significant: test.significant } : null,
  });
  return { document: { id, title: id, date }, words: 1000, themes: [theme('a', a, b), theme('b', b, a)] };
}

const codebook: Codebook = {
  name: 'c',
  format: 'native',
  path: 'c.yaml',
  sha256: '',
  themes: [
    { id: 'a', label: 'Alpha', codes: [] },
    { id: 'b', label: 'Beta', codes: [] },
  ],
};

describe('buildSeriesFindings', () => {
  const evolution: SeriesEvolution[] = [
    { series: 's', steps: [step('d1', '2012', 10, 30), step('d2', '2018', 30, 10, { p: 0.00109, significant: true })] },
    { series: 'single', steps: [step('d3', '2015', 1, 1)] },
  ];
  const findings = buildSeriesFindings(evolution);

  it('compares first and last milestone with G2 (10 vs 30 in 1,000 words each: G2 10.669, p 0.00109)', () => {
    expect(findings).toHaveLength(1); // a series with one milestone has no change
    const [a, b] = findings[0]!.themes;
    expect(a).toMatchObject({ theme: 'a', fromRate: 10, toRate: 30, fromShare: 0.25, toShare: 0.75 });
    expect(a!.span!.g2).toBeCloseTo(10.669, 3);
    expect(a!.span!.p).toBeCloseTo(0.00109, 5);
    expect(b!.span!.g2).toBeCloseTo(10.669, 3);
    expect(a!.significantSteps.map((s) => [s.document.id, s.change])).toEqual([['d2', 20]]);
  });

  it('says it in words, with labels, rates, shares, the span test and the significant steps', () => {
    const [paragraph] = toFindingsLines(findings, codebook);
    expect(paragraph!.lead).toBe(
      // Both milestones are single documents (not pooled periods): the lead says the change compares two texts.
      's: 2 milestones from 2012 (d1) to 2018 (d2). First and last are single documents: the change compares two texts, not a trend. ' +
        'Rates are mentions per 1,000 words; shares are parts of all coded mentions in the document.',
    );
    expect(paragraph!.themes).toEqual([
      'Alpha rose from 10.000 to 30.000 (share 25% to 75%): a significant change from first to last (G2 10.67, p 0.0011); significant steps: 2018 (d2) +20.000 (p 0.0011).',
      'Beta fell from 30.000 to 10.000 (share 75% to 25%): a significant change from first to last (G2 10.67, p 0.0011); significant steps: 2018 (d2) -20.000 (p 0.0011).',
    ]);
  });
});
