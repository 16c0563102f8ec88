import { describe, it, expect } from 'vitest';
import { toSummaryText } from '../../../src/report/to-summary-text.ts';
import { allResults, makeResult, nat2012, themeOrder } from '../analyze/evolution-fixture.ts';

describe('toSummaryText', () => {
  it('reports documents, words, theme shares and the output folder', () => {
    // tech: 6 + 3 + 0 + 1 + 2 = 12; sust: 3 + 0 + 0 + 5 + 0 = 8; 20 in all -> 60.0% / 40.0%
    // words: 1500 + 500 + 0 + 2000 + 1000 = 5000
    expect(toSummaryText(allResults, themeOrder, { outDir: 'outputs/', failedInputs: 1 })).toBe(
      [
        'Read 5 documents; 1 input failed.',
        'Total words: 5,000',
        'Coded mentions: 20',
        'Share of coded mentions by theme:',
        '  tech  60.0%  (12 mentions)',
        '  sust  40.0%  (8 mentions)',
        'No warnings.',
        'Reports written to outputs/',
        '',
      ].join('\n'),
    );
  });

  it('aligns theme names and shares, and uses singulars', () => {
    // technology: ict 1 of 3 = 33.3%; sust: green 2 of 3 = 66.7%
    const doc = makeResult({ id: 'd', title: 'd' }, 1234, {
      ict: [{ term: 'ict', count: 1 }],
      green: [{ term: 'green', count: 2 }],
    });
    const renamed = { ...doc, codes: doc.codes.map((c) => (c.theme === 'tech' ? { ...c, theme: 'technology-centrism' } : c)) };
    expect(toSummaryText([renamed], ['technology-centrism', 'sust'], { outDir: 'out', failedInputs: 0 })).toBe(
      [
        'Read 1 document.',
        'Total words: 1,234',
        'Coded mentions: 3',
        'Share of coded mentions by theme:',
        '  technology-centrism  33.3%  (1 mention)',
        '  sust                 66.7%  (2 mentions)',
        'No warnings.',
        'Reports written to out',
        '',
      ].join('\n'),
    );
  });

  it('shows 0.0% when nothing was coded and honours totalWords', () => {
    const empty = makeResult({ id: 'e', title: 'e' }, 10, {});
    const text = toSummaryText([empty], themeOrder, { outDir: 'o', failedInputs: 2, totalWords: 99999 });
    expect(text).toContain('Read 1 document; 2 inputs failed.');
    expect(text).toContain('Total words: 99,999');
    expect(text).toContain('  tech  0.0%  (0 mentions)');
  });

  it('lists the warnings about the results in full and counts the others; an info is no warning', () => {
    const diagnostics = [
      { severity: 'warning' as const, rule: 'results/one-paragraph', message: 'All 5 documents are a single paragraph.' },
      { severity: 'warning' as const, rule: 'ingest/suspect-characters', message: 'x' },
      { severity: 'error' as const, rule: 'ingest/empty', message: 'y' },
      { severity: 'info' as const, rule: 'ingest/decoded-gb18030', message: 'z' },
    ];
    const text = toSummaryText(allResults, themeOrder, { outDir: 'o', failedInputs: 0, diagnostics });
    expect(text).toContain(
      [
        'Read before quoting these numbers:',
        '  - All 5 documents are a single paragraph. [results/one-paragraph]',
        '2 other problems with the inputs or the codebook: see the messages above and report.md.',
        'Reports written to o',
      ].join('\n'),
    );
    expect(text).not.toContain('No warnings.');
    const infoOnly = toSummaryText(allResults, themeOrder, { outDir: 'o', failedInputs: 0, diagnostics: diagnostics.slice(3) });
    expect(infoOnly).toContain('No warnings.');
  });

  it('contains no terminal colour codes', () => {
    expect(toSummaryText([nat2012], themeOrder, { outDir: 'o', failedInputs: 0 })).not.toMatch(/\u001b/);
  });
});
