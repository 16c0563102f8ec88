import { describe, it, expect } from 'vitest';
import { buildEvolution } from '../../../src/analyze/build-evolution.ts';
import { toEvolutionCsv } from '../../../src/report/to-evolution-csv.ts';
import { toEvolutionMarkdown } from '../../../src/report/to-evolution-markdown.ts';
import type { SeriesEvolution } from '../../../src/types.ts';
import { allResults, codebook, themeOrder } from '../analyze/evolution-fixture.ts';

const evolution = buildEvolution(allResults, themeOrder);

describe('toEvolutionCsv', () => {
  const csv = toEvolutionCsv(evolution).split('\n');
  const themeRows = csv.filter((line) => line.includes(',theme,,') || line.startsWith('series,'));

  it('writes one row per series x milestone x theme with changes worked out by hand', () => {
    expect(themeRows.map((line) => line.split(',').slice(0, 11).join(','))).toEqual([
      'series,document,date,year,theme,count,words,per_1000,change_per_1000,change_relative,top_terms',
      'national,nat-2012,2012-11,,tech,6,1500,4.000,,,ict (3); big data (2); internet of things (1)',
      'national,nat-2012,2012-11,,sust,3,1500,2.000,,,Green (1); eco (1); low-carbon (1)',
      'national,nat-2014,2014-08,2014,tech,3,500,6.000,2.000,0.500,cloud (2); ict (1)',
      'national,nat-2014,2014-08,2014,sust,0,500,0.000,-2.000,-1.000,',
      'national,nat-undated,,,tech,0,0,0.000,-6.000,-1.000,',
      'national,nat-undated,,,sust,0,0,0.000,0.000,,',
      'shenzhen,sz-2010,,2010,tech,1,2000,0.500,,,ict (1)',
      'shenzhen,sz-2010,,2010,sust,5,2000,2.500,,,green (3); low-carbon (2)',
      '(no series),misc,2018-07-30,,tech,2,1000,2.000,,,5G (2)',
      '(no series),misc,2018-07-30,,sust,0,1000,0.000,,,',
    ]);
  });

  it('adds the statistics columns at the end: share, G2, p, log ratio, significance, previous', () => {
    expect(csv[0]).toBe(
      'series,document,date,year,theme,count,words,per_1000,change_per_1000,change_relative,top_terms,' +
        'level,code,share,g2,p_value,log_ratio,significant,previous,per_1000_low,per_1000_high,q_value,significant_q',
    );
    const tail = (line: string) => line.split(',').slice(11, 19).join(',');
    // nat-2012: shares 6/9 and 3/9, no test (first milestone).
    expect(tail(themeRows[1]!)).toBe('theme,,0.667,,,,,');
    expect(tail(themeRows[2]!)).toBe('theme,,0.333,,,,,');
    // nat-2014 tech 3/500 vs 6/1500: G2 0.314 (worked out in evolution-stats.test.ts),
    // p = erfc(sqrt(0.314203 / 2)) = 0.5751, log2(1.5) = 0.585.
    expect(tail(themeRows[3]!)).toBe('theme,,1.000,0.314,0.5751,0.585,false,nat-2012');
    // sust 0/500 vs 3/1500: G2 1.728, p = 0.1887, log ratio -1.
    expect(tail(themeRows[4]!)).toBe('theme,,0.000,1.728,0.1887,-1.000,false,nat-2012');
    // nat-undated has no words: no test.
    expect(tail(themeRows[5]!)).toBe('theme,,0.000,,,,,nat-2014');
  });

  it('ends with the rate interval, q and q < 0.05 when the statistics were added; empty without them', () => {
    expect(themeRows[3]!.split(',').slice(19).join(',')).toBe(',,,');
    const step = structuredClone(evolution[0]!.steps[1]!);
    // Intervals from R: poisson.test(3, 500)$conf.int * 1000 = 1.2373 17.5345; poisson.test(2, 500): 0.4844 14.4494.
    Object.assign(step.themes[0]!, { per1000Low: 1.23734424579, per1000High: 17.5345461395 });
    Object.assign(step.codes![0]!, { per1000Low: 0.484418557088, per1000High: 14.4493753354 });
    step.themes[0]!.test!.q = 0.0123;
    step.codes![0]!.test!.q = 0.2;
    const lines = toEvolutionCsv([{ series: 's', steps: [step] }]).split('\n');
    expect(lines[1]!.split(',').slice(19).join(',')).toBe('1.237,17.535,0.0123,true');
    expect(lines[3]!.split(',').slice(19).join(',')).toBe('0.484,14.449,0.2000,false');
  });

  it("follows each milestone's theme rows with its code rows", () => {
    const nat2014 = csv.filter((line) => line.startsWith('national,nat-2014,'));
    expect(nat2014.map((line) => line.split(',').slice(11, 13).join('/'))).toEqual(['theme/', 'theme/', 'code/ict', 'code/data', 'code/green']);
    // ict: 2 in 500 words = 4.000, before 4 in 1500 = 2.667; change 1.333, relative 0.500; share 2/3.
    expect(nat2014[2]).toBe(
      'national,nat-2014,2014-08,2014,tech,2,500,4.000,1.333,0.500,cloud (1); ict (1),code,ict,0.667,0.209,0.6474,0.585,false,nat-2012,,,,',
    );
    expect(csv).toHaveLength(1 + 5 * (2 + 3) + 1); // header, 5 milestones x (2 themes + 3 codes), final newline
  });

  it('prints a change that is negative zero as 0.000', () => {
    const step = evolution[0]!.steps[1]!;
    const tiny: SeriesEvolution[] = [
      {
        series: 's',
        steps: [{ ...step, themes: [{ ...step.themes[0]!, changePer1000: -0, changeRelative: -0.0001, topTerms: [] }] }],
      },
    ];
    expect(toEvolutionCsv(tiny).split('\n')[1]!.split(',').slice(0, 11).join(',')).toBe('s,nat-2014,2014-08,2014,tech,3,500,6.000,0.000,0.000,');
  });
});

describe('toEvolutionMarkdown', () => {
  const markdown = toEvolutionMarkdown(evolution, codebook);
  const lines = markdown.split('\n');

  it('starts with a title, the codebook and a how-to-read paragraph', () => {
    expect(lines[0]).toBe('# Theme evolution across milestones');
    expect(markdown).toContain('Codebook: demo codebook (sha256 `abc123`).');
    const howTo = lines.find((line) => line.startsWith('**How to read.**'))!;
    expect(howTo).toContain('per 1,000 words');
    expect(howTo).toContain('previous milestone in the same series');
    expect(howTo).toContain('sum of the counts of its codes');
    expect(markdown).toContain('- `tech`: Technology (codes: `ict`, `data`)');
  });

  it('lists series in order with (no series) last', () => {
    const headings = lines.filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## Series: national', '## Series: shenzhen', '## (no series)']);
  });

  it('writes a rate table with changes in brackets, in date order', () => {
    const start = lines.indexOf('## Series: national');
    expect(lines.slice(start + 4, start + 9)).toEqual([
      '| Date | Document | Title | Words | tech | sust |',
      '| --- | --- | --- | ---: | ---: | ---: |',
      '| 2012-11 | nat-2012 | Notice on "smart city" pilots, 2012 | 1,500 | 4.000 | 2.000 |',
      '| 2014-08 | nat-2014 | Guiding opinions | 500 | 6.000 (+2.000) | 0.000 (-2.000) |',
      '| n.d. | nat-undated | Undated notice | 0 | 0.000 (-6.000) | 0.000 (0.000) |',
    ]);
    expect(markdown).toContain('| 2010 | sz-2010 | Shenzhen master plan | 2,000 | 0.500 | 2.500 |');
  });

  it('writes a table of top terms per theme per document', () => {
    const start = lines.indexOf('## Series: national');
    const tableStart = lines.indexOf('Top terms per theme (mentions in brackets):', start);
    expect(lines.slice(tableStart + 2, tableStart + 7)).toEqual([
      '| Date | Document | tech | sust |',
      '| --- | --- | --- | --- |',
      '| 2012-11 | nat-2012 | ict (3); big data (2); internet of things (1) | Green (1); eco (1); low-carbon (1) |',
      '| 2014-08 | nat-2014 | cloud (2); ict (1) | (none) |',
      '| n.d. | nat-undated | (none) | (none) |',
    ]);
  });

  it('escapes | in cells', () => {
    expect(markdown).toContain('| 2018-07-30 | misc | Plan \\| annex | 1,000 | 2.000 | 0.000 |');
  });

  it('is deterministic and ends with one newline', () => {
    expect(toEvolutionMarkdown(evolution, codebook)).toBe(markdown);
    expect(markdown.endsWith('|\n')).toBe(true);
    expect(markdown).not.toMatch(/\d{2}:\d{2}/); // no clock times
  });

  it('says so when there are no documents', () => {
    expect(toEvolutionMarkdown([], codebook)).toContain('No documents were analysed.');
  });
});
