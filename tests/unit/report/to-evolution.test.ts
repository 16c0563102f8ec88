import { describe, it, expect } from 'vitest';
import { buildEvolution } from '../../../src/analyze/build-evolution.ts';
import { toEvolutionCsv } from '../../../src/report/to-evolution-csv.ts';
import { toEvolutionMarkdown } from '../../../src/report/to-evolution-markdown.ts';
import type { SeriesEvolution } from '../../../src/types.ts';
import { allResults, codebook, themeOrder } from '../analyze/evolution-fixture.ts';

const evolution = buildEvolution(allResults, themeOrder);

describe('toEvolutionCsv', () => {
  it('writes one row per series x milestone x theme with changes worked out by hand', () => {
    expect(toEvolutionCsv(evolution)).toBe(
      [
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
        '',
      ].join('\n'),
    );
  });

  it('prints a change that is negative zero as 0.000', () => {
    const step = evolution[0]!.steps[1]!;
    const tiny: SeriesEvolution[] = [
      {
        series: 's',
        steps: [{ ...step, themes: [{ ...step.themes[0]!, changePer1000: -0, changeRelative: -0.0001, topTerms: [] }] }],
      },
    ];
    expect(toEvolutionCsv(tiny).split('\n')[1]).toBe('s,nat-2014,2014-08,2014,tech,3,500,6.000,0.000,0.000,');
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
