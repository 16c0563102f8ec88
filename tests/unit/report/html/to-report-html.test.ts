import { describe, it, expect } from 'vitest';
import { toReportHtml } from '../../../../src/report/html/to-report-html.ts';
import type { EvidenceIsland } from '../../../../src/report/html/to-evidence-island.ts';
import { HOSTILE, makeModel } from './html-fixture.ts';

const model = makeModel();
const html = toReportHtml(model);

function island(page: string): EvidenceIsland {
  const json = page.match(/<script type="application\/json" id="evidence-data">([^<]*)<\/script>/)?.[1];
  expect(json).toBeDefined();
  return JSON.parse(json!) as EvidenceIsland;
}

/** The text of the first `<a>` to an anchor. */
function linkText(page: string, id: string): string | undefined {
  return page.match(new RegExp(`<a class="ev" href="#${id}"[^>]*>([^<]*)</a>`))?.[1];
}

describe('toReportHtml: one self-contained, deterministic page', () => {
  it('is the same for the same model', () => {
    expect(toReportHtml(makeModel())).toBe(html);
  });

  it('loads nothing: no external resources, a CSP that forbids requests, inline style and script only', () => {
    expect(html).not.toMatch(/<link\b|\bsrc=|url\(|@import|https:/i);
    // the only http: URL is the SVG namespace
    expect(html.match(/http:\/\/[^"]*/g)?.every((url) => url === 'http://www.w3.org/2000/svg')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toContain('innerHTML');
  });

  it('escapes document text: titles and contexts never become markup', () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('<b>"A"</b>');
    expect(html).toContain('Plan &lt;b&gt;&quot;A&quot;&lt;/b&gt; &amp; co');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; <mark>ICT</mark> after');
    expect(html).toContain('<title>Policy coding report: Test &lt;codebook&gt;</title>');
    // the data island holds the raw text, which the script only ever sets as textContent
    expect(island(html).documents[0]!.codes[0]!.rows[0]![7]).toBe(`${HOSTILE} `);
  });

  it('has every section and a chart of each kind', () => {
    for (const id of ['overview', 'evolution', 'heat-map', 'cooccurrence', 'codebook', 'methods', 'problems', 'evidence']) {
      expect(html).toContain(`<section id="${id}">`);
    }
    for (const kind of ['line-chart', 'share-bars', 'heat-map', 'matrix']) expect(html.match(new RegExp(`<svg class="chart ${kind}"`, 'g'))).toHaveLength(1);
    expect(html).toContain('<aside id="evidence-panel" hidden');
  });
});

describe('toReportHtml: the numbers and their evidence', () => {
  it('overview: 16 mentions in 1,500 words; tech 15 (93.8%, 10.000 per 1,000), sust 1 (6.3%)', () => {
    expect(html).toContain('2 documents analysed; 1,500 words; 16 coded mentions.');
    expect(linkText(html, 'evidence-theme-tech')).toBe('15');
    expect(linkText(html, 'evidence-theme-sust')).toBe('1');
    expect(html).toContain('<td class="num">93.8%</td><td class="num">10.000</td>');
  });

  it('lists the significant change: tech 3.000 -> 24.000 per 1,000, log2 ratio +3 ((12/500)/(3/1000) = 8)', () => {
    const glance = html.slice(html.indexOf('Significant changes between milestones'), html.indexOf('<p class="note">Listed: changes with q below 0.05'));
    // The list holds q < 0.05 changes: its heading says so (it said "p < 0.05, uncorrected" while listing by q).
    expect(glance).toContain('Significant changes between milestones (q &lt; 0.05)</h3>');
    expect(glance.match(/<li>/g)).toHaveLength(1);
    expect(glance).toContain('<span class="theme-name">tech</span> rose from');
    expect(linkText(glance, 'evidence-a-2012-theme-tech')).toBe('3.000');
    expect(linkText(glance, 'evidence-a-2016-theme-tech')).toBe('24.000');
    expect(glance).toContain('+21.000');
    expect(glance).toContain('log2 ratio +3.000');
    // G2 worked out by hand: 2 (12 ln 2.4 + 3 ln 0.3 + 488 ln(488/495) + 997 ln(997/990)) = 13.936
    expect(Number(glance.match(/G2 ([\d.]+)/)?.[1])).toBeCloseTo(13.936, 2);
    // 5 tests in the series (2 themes + 3 codes at the second milestone): Bonferroni 0.05 / 5 = 0.01 > p = 0.0002
    expect(glance).toContain('Holds under Bonferroni (p &lt; 0.01, 5 tests).');
  });

  it('co-occurrence: paragraphs tech 4, sust 1, both 1 of 12 -> Jaccard 0.250, obs/exp 3.000; sentences both 1 of 24 -> 1.600', () => {
    expect(linkText(html, 'evidence-s-paragraph-tech-sust')).toBe('1');
    expect(html).toContain('<td class="num">4 / 1 / 12</td><td class="num">0.250</td><td class="num">3.000</td>');
    expect(html).toContain('<td class="num">15 / 1 / 24</td><td class="num">0.067</td><td class="num">1.600</td>');
  });

  it('every link points at a filter in the data island, and the island holds each document x code with its count', () => {
    const data = island(html);
    const targets = new Set([...html.matchAll(/href="#(evidence-[^"]+)"/g)].map((m) => m[1]!));
    expect([...targets].sort()).toEqual(Object.keys(data.links).sort());
    expect(data.links['evidence-a-2016-ict']).toEqual({ documents: ['a-2016'], theme: 'tech', code: 'ict', label: 'a-2016: code tech / ict' });
    expect(data.documents.map((d) => [d.id, d.codes.map((c) => [c.code, c.count, c.rows.length])])).toEqual([
      [
        'a-2012',
        [
          ['ict', 3, 3],
          ['green', 1, 1],
        ],
      ],
      [
        'a-2016',
        [
          ['ict', 10, 10],
          ['data', 2, 2],
        ],
      ],
    ]);
    // a row: term, matched, page, line, column, sentence, paragraph, left, right
    expect(data.documents[1]!.codes[1]!.rows[1]).toEqual(['data*', 'database', null, 12, 1, 12, 2, 'before ', ' after']);
  });

  it('cuts the embedded rows per document x code at the cap and says so, with the evidence.csv filter', () => {
    const capped = toReportHtml(model, 5);
    const ict = island(capped).documents[1]!.codes[0]!;
    expect([ict.count, ict.rows.length, ict.rows[4]![1]]).toEqual([10, 5, 'ICT5']);
    expect(capped).toContain('The page embeds the first 5 mentions (in text order) of each document x code; 1 of them has more.');
    expect(capped).toContain('<td>a-2016</td><td>tech / ict</td><td class="num">10</td><td class="num">5</td><td>document=a-2016, code=ict</td>');
    expect(html).toContain('Every mention is embedded in this page');
  });
});
