import { describe, expect, it } from 'vitest';
import { toComparisonsHtml } from '../../../src/report/html/to-comparisons-html.ts';
import { toComparisonsSection } from '../../../src/report/to-comparisons-section.ts';
import type { Comparisons, GroupComparison, ReportModel } from '../../../src/types.ts';

/** A synthetic comparison row (numbers made up for the test, not from a run). */
function comparison(group: string, theme: string, code: string | null, documents: number, p: number): GroupComparison {
  return {
    field: 'id',
    group,
    theme,
    code,
    documents,
    count: 1,
    words: 10,
    restDocuments: 19_999,
    restCount: 100,
    restWords: 200_000,
    rateRatio: 200,
    low: 20,
    high: 900,
    p,
    q: p,
    test: 'exact-poisson',
    exactLow: 20,
    exactHigh: 900,
    exactP: p,
    dispersion: null,
    df: null,
    rank: 1,
    rankOf: 20_000,
  };
}

/** `--compare-by id` on 20,000 one-document groups, 2 themes x 2 codes each; g07777 alone is significant, g12345 has 2 documents. */
function manyGroups(): ReportModel {
  const rows: GroupComparison[] = [];
  for (let i = 0; i < 20_000; i++) {
    const group = `g${String(i).padStart(5, '0')}`;
    const p = group === 'g07777' ? 0.001 : 0.5;
    const documents = group === 'g12345' ? 2 : 1;
    for (const theme of ['data', 'green']) rows.push(comparison(group, theme, null, documents, p));
    for (const theme of ['data', 'green']) rows.push(comparison(group, theme, `${theme}-code`, documents, p));
  }
  const comparisons: Comparisons = { compareBy: { field: 'id' }, rows, leftOut: 0, groups: 20_000 };
  return { comparisons } as ReportModel;
}

describe('comparison tables are capped in report.md and report.html (issue 14, round three)', () => {
  const model = manyGroups();

  it('report.md: 50 group tables (the significant and the largest first), a note naming comparisons.csv, under 100 kB', () => {
    const markdown = toComparisonsSection(model).join('\n');
    // 20,000 tables of 4 rows were 15.7 MB in report.md; 50 tables of 4 rows of ~200 characters are ~50 kB.
    expect(markdown.length).toBeLessThan(100_000);
    expect(markdown.match(/^### id = /gm)).toHaveLength(50);
    expect(markdown).toContain('Showing 50 of 20,000 groups');
    expect(markdown).toContain('`comparisons.csv`');
    // g07777 (significant) and g12345 (largest) are kept; then the first groups in order: g00000 ... g00047.
    expect(markdown).toContain('### id = g07777');
    expect(markdown).toContain('### id = g12345');
    expect(markdown).toContain('### id = g00047');
    expect(markdown).not.toContain('### id = g00048');
  });

  it('report.html: the same 50 groups, a cut note naming comparisons.csv, under 150 kB', () => {
    const html = toComparisonsHtml(model);
    expect(html.length).toBeLessThan(150_000);
    expect(html.match(/<h3>id = /g)).toHaveLength(50);
    expect(html).toContain('<p class="note cut">Showing 50 of 20,000 groups');
    expect(html).toContain('<code>comparisons.csv</code>');
    expect(html).toContain('<h3>id = g07777</h3>');
  });

  it('a group with more rows than the cap shows the first 200, with a note', () => {
    const rows = Array.from({ length: 450 }, (_, index) => comparison('big', `theme${String(index).padStart(3, '0')}`, null, 3, 0.5));
    const section = toComparisonsSection({ comparisons: { compareBy: { field: 'series' }, rows, leftOut: 0, groups: 2 } } as ReportModel).join('\n');
    expect(section).toContain('Showing 200 of 450 rows; all are in `comparisons.csv`.');
    expect(section).toContain('| theme199 ');
    expect(section).not.toContain('| theme200 ');
  });
});
