import { describe, it, expect } from 'vitest';
import { buildEvolution, topTermsOf } from '../../../src/analyze/build-evolution.ts';
import { compareMilestones } from '../../../src/analyze/compare-milestones.ts';
import type { DocumentMeta } from '../../../src/types.ts';
import { allResults, makeResult, misc, nat2012, nat2014, natUndated, sz2010, themeOrder } from './evolution-fixture.ts';

describe('buildEvolution: grouping and order', () => {
  it('groups by series sorted by name, with (no series) last', () => {
    const evolution = buildEvolution(allResults, themeOrder);
    // '(' sorts before letters, so '(no series)' would come first if it were sorted by name
    expect(evolution.map((s) => s.series)).toEqual(['national', 'shenzhen', '(no series)']);
    expect(evolution[2]!.steps.map((s) => s.document.id)).toEqual(['misc']);
  });

  it('orders a series by date with the undated document last', () => {
    const scrambled = [natUndated, nat2014, nat2012];
    const [national] = buildEvolution(scrambled, themeOrder);
    expect(national!.steps.map((s) => s.document.id)).toEqual(['nat-2012', 'nat-2014', 'nat-undated']);
    expect(scrambled.map((r) => r.meta.id)).toEqual(['nat-undated', 'nat-2014', 'nat-2012']); // input untouched
  });

  it('uses the year when there is no date, and breaks ties by id', () => {
    const meta = (id: string, extra: Partial<DocumentMeta>): DocumentMeta => ({ id, title: id, series: 's', ...extra });
    const docs = [
      makeResult(meta('z-2014', { date: '2014-08-01' }), 10, {}),
      makeResult(meta('b-2013', { year: 2013 }), 10, {}),
      makeResult(meta('a-2013', { year: 2013 }), 10, {}),
      makeResult(meta('none', {}), 10, {}),
      makeResult(meta('c-2012', { date: '2012-11', year: 2099 }), 10, {}), // date wins over year
    ];
    const [series] = buildEvolution(docs, themeOrder);
    expect(series!.steps.map((s) => s.document.id)).toEqual(['c-2012', 'a-2013', 'b-2013', 'z-2014', 'none']);
  });

  it('compareMilestones puts a year before a full date in that year', () => {
    const a: DocumentMeta = { id: 'b', title: '', year: 2014 };
    const b: DocumentMeta = { id: 'a', title: '', date: '2014-08' };
    expect(compareMilestones(a, b)).toBeLessThan(0);
    expect(compareMilestones(b, a)).toBeGreaterThan(0);
  });
});

describe('buildEvolution: rates and changes', () => {
  const [national, shenzhen, noSeries] = buildEvolution(allResults, themeOrder);

  it('gives the first milestone no change', () => {
    const first = national!.steps[0]!;
    expect(first.words).toBe(1500);
    expect(first.themes.map((t) => [t.theme, t.count, t.per1000, t.changePer1000, t.changeRelative])).toEqual([
      ['tech', 6, 4, null, null],
      ['sust', 3, 2, null, null],
    ]);
  });

  it('computes the change from the previous milestone in the same series', () => {
    const [tech, sust] = national!.steps[1]!.themes;
    // tech: 3 in 500 = 6.000; 6.000 - 4.000 = +2.000; 2 / 4 = 0.5
    expect(tech!.per1000).toBeCloseTo(6, 10);
    expect(tech!.changePer1000).toBeCloseTo(2, 10);
    expect(tech!.changeRelative).toBeCloseTo(0.5, 10);
    // sust: 0 in 500 = 0; 0 - 2 = -2; -2 / 2 = -1
    expect(sust!.changePer1000).toBeCloseTo(-2, 10);
    expect(sust!.changeRelative).toBeCloseTo(-1, 10);
  });

  it('has no relative change when the previous rate was 0', () => {
    const [tech, sust] = national!.steps[2]!.themes; // 0 words after 6.000 and 0.000
    expect(tech!.per1000).toBe(0);
    expect(tech!.changePer1000).toBeCloseTo(-6, 10);
    expect(tech!.changeRelative).toBeCloseTo(-1, 10);
    expect(sust!.changePer1000).toBe(0);
    expect(sust!.changeRelative).toBeNull();
  });

  it('does not carry changes across series', () => {
    expect(shenzhen!.steps[0]!.themes.map((t) => [t.per1000, t.changePer1000])).toEqual([
      [0.5, null],
      [2.5, null],
    ]);
    expect(noSeries!.steps[0]!.themes[0]!.changePer1000).toBeNull();
  });
});

describe('buildEvolution: top terms', () => {
  it("aggregates terms across a theme's codes, most frequent first", () => {
    const [national] = buildEvolution([nat2012, nat2014], themeOrder);
    // nat-2012 tech: ict 3 (ict code), big data 2 (data code), internet of things 1
    expect(national!.steps[0]!.themes[0]!.topTerms).toEqual([
      { term: 'ict', count: 3 },
      { term: 'big data', count: 2 },
      { term: 'internet of things', count: 1 },
    ]);
    // nat-2014 tech: cloud 1 in ict + cloud 1 in data = 2; ict 1. sust: only a zero count -> none
    expect(national!.steps[1]!.themes[0]!.topTerms).toEqual([
      { term: 'cloud', count: 2 },
      { term: 'ict', count: 1 },
    ]);
    expect(national!.steps[1]!.themes[1]!.topTerms).toEqual([]);
  });

  it('breaks ties by term in code-unit order (uppercase before lowercase)', () => {
    const [national] = buildEvolution([nat2012], themeOrder);
    expect(national!.steps[0]!.themes[1]!.topTerms.map((t) => t.term)).toEqual(['Green', 'eco', 'low-carbon']);
  });

  it('keeps at most topTerms terms', () => {
    const [national] = buildEvolution([nat2012], themeOrder, { topTerms: 2 });
    expect(national!.steps[0]!.themes[0]!.topTerms.map((t) => t.term)).toEqual(['ict', 'big data']);
    const [none] = buildEvolution([nat2012], themeOrder, { topTerms: 0 });
    expect(none!.steps[0]!.themes[0]!.topTerms).toEqual([]);
  });

  it('topTermsOf sums over codes', () => {
    expect(
      topTermsOf(
        sz2010.codes.filter((c) => c.theme === 'sust'),
        5,
      ),
    ).toEqual([
      { term: 'green', count: 3 },
      { term: 'low-carbon', count: 2 },
    ]);
    expect(topTermsOf(misc.codes, 1)).toEqual([{ term: '5G', count: 2 }]);
  });
});
