/**
 * Issue 14, item 20: report.html of a codebook of 100 themes x 100 codes on 2 documents was tens
 * of megabytes. Its size now follows what a reader can use, and every cut names where the rest is.
 */
import { describe, expect, it } from 'vitest';
import { buildCooccurrence } from '../../../../src/analyze/build-cooccurrence.ts';
import { buildEvolution } from '../../../../src/analyze/build-evolution.ts';
import { buildRunStatistics } from '../../../../src/analyze/build-run-statistics.ts';
import { buildReportModel } from '../../../../src/analyze/build-report-model.ts';
import { toReportHtml } from '../../../../src/report/html/to-report-html.ts';
import type { Codebook, DocumentResult, EvidenceRow, ReportModel } from '../../../../src/types.ts';
import { makeModel } from './html-fixture.ts';

const THEMES = 100;
const CODES = 100;
const themeId = (t: number) => `theme${String(t).padStart(3, '0')}`;
const codeId = (t: number, c: number) => `code${String(t).padStart(3, '0')}-${String(c).padStart(3, '0')}`;

/** Every code has 1 or 2 mentions per document, in its own sentence and paragraph; code000-007 of theme000 has 40 in the second. */
function bigModel(): ReportModel {
  const codebook: Codebook = {
    name: 'big',
    format: 'native',
    path: 'codebooks/big.yaml',
    sha256: 'f',
    themes: Array.from({ length: THEMES }, (_, t) => ({
      id: themeId(t),
      label: `Theme ${t}`,
      codes: Array.from({ length: CODES }, (_, c) => ({
        id: codeId(t, c),
        label: `Code ${c}`,
        definition: `Code ${c} of theme ${t}.`,
        terms: [{ value: `w${t}x${c}`, kind: 'glob' as const, caseSensitive: false }],
      })),
    })),
  };
  const results = ['d-2012', 'd-2018'].map((id, d): DocumentResult => {
    const evidence: EvidenceRow[] = [];
    const codes = codebook.themes.flatMap((theme, t) =>
      theme.codes.map((code, c) => {
        const count = t === 0 && c === 7 && d === 1 ? 40 : 1 + ((t + c + d) % 2);
        for (let k = 0; k < count; k++) {
          const line = evidence.length + 1;
          evidence.push({
            document: id,
            theme: theme.id,
            code: code.id,
            term: `w${t}x${c}`,
            matched: `w${t}x${c}`,
            start: line * 10,
            end: line * 10 + 5,
            page: null,
            line,
            column: 1,
            sentence: line,
            paragraph: line,
            left: 'before',
            right: 'after',
          });
        }
        return { theme: theme.id, code: code.id, count, terms: [{ term: `w${t}x${c}`, count }] };
      }),
    );
    return {
      meta: { id, title: id, date: id.slice(2), year: Number(id.slice(2)), series: 's', language: 'en' },
      source: { path: `/c/${id}.txt`, relPath: `${id}.txt`, format: 'txt', bytes: 1, sha256: 'f' },
      words: 40_000,
      cjkCharacters: 0,
      pages: 0,
      codes,
      evidence,
      units: { sentences: evidence.length, paragraphs: evidence.length },
    };
  });
  const themeOrder = codebook.themes.map((theme) => theme.id);
  const evolution = buildEvolution(results, themeOrder);
  // Trends per theme and code, as the report stage adds them.
  buildRunStatistics({ results, evolution, themeOrder, alpha: 0.05 });
  const cooccurrence = buildCooccurrence(results, evolution, themeOrder);
  return buildReportModel({ codebook, results, evolution, cooccurrence, inputs: [], diagnostics: [], cjkWords: 'icu' });
}

describe('report.html of a codebook of 100 themes x 100 codes on 2 documents', () => {
  const html = toReportHtml(bigModel());

  it('stays under 6 MB (it was 37 MB) and says what it cut, and where the full data is', () => {
    expect(html.length).toBeLessThan(6_000_000);
    expect(html).toContain('Showing the 500 most mentioned of 10,000 codes in this series; every code is in <code>evolution.csv</code>');
    expect(html).toContain('The codebook has 10,000 codes; the first 1,000 are listed');
    expect(html).toContain('Showing the 1,000 most mentioned of 10,000 codes; every trend is in <code>trends.csv</code>');
    expect(html).toContain('Showing the 30 themes found in the most paragraphs, of 100; every pair of themes is in <code>cooccurrence.csv</code>');
    expect(html).toContain('Showing 45 of 4,950 pairs of themes');
    expect(html).toContain('The page embeds at most 10,000 passages in all');
    expect(html).toContain('the 12 most mentioned codes are listed');
  });

  it('keeps the most mentioned code in the per-code table, with its count linked', () => {
    // theme000 / code000-007 has 1 + 40 mentions: the most of all.
    expect(html).toMatch(/<td>theme000 \/ code000-007<\/td><td class="num"><a class="ev" href="#evidence-d-2018-code000-007"[^>]*>40<\/a>/);
  });

  it('embeds the same number of passages of every count, within the limit', () => {
    const island = JSON.parse(/<script type="application\/json" id="evidence-data">(.*?)<\/script>/s.exec(html)![1]!) as {
      documents: Array<{ codes: Array<{ count: number; rows: unknown[] }> }>;
    };
    const codes = island.documents.flatMap((document) => document.codes);
    expect(codes).toHaveLength(20_000);
    expect(codes.reduce((sum, code) => sum + code.rows.length, 0)).toBeLessThanOrEqual(10_000);
    expect(new Set(codes.map((code) => Math.min(code.rows.length, code.count) === code.rows.length))).toEqual(new Set([true]));
  });
});

describe('a small report is not cut', () => {
  it('has no cut notes', () => {
    expect(toReportHtml(makeModel())).not.toContain('class="note cut"');
  });
});
