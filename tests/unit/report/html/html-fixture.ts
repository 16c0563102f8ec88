import { buildCooccurrence } from '../../../../src/analyze/build-cooccurrence.ts';
import { buildEvolution } from '../../../../src/analyze/build-evolution.ts';
import { buildReportModel } from '../../../../src/analyze/build-report-model.ts';
import type { Codebook, DocumentResult, EvidenceRow, ReportModel } from '../../../../src/types.ts';

/**
 * A two-milestone series for the report.html tests, counts matching the evidence rows:
 *   a-2012  1000 words  tech: ict 3                -> 3.000 per 1,000   sust: green 1 -> 1.000
 *   a-2016   500 words  tech: ict 10 + data 2 = 12 -> 24.000            sust: 0       -> 0.000
 * Corpus: 16 mentions in 1,500 words; tech 15 (93.8%), sust 1 (6.3%).
 * tech 3 -> 12: G2 = 13.94 by hand (significant); sust 1 -> 0: G2 = 0.81 (not).
 * The title and one context carry markup that must come out escaped.
 */
export const HOSTILE = '<script>alert(1)</script>';

export const codebook: Codebook = {
  name: 'Test <codebook>',
  format: 'native',
  path: 'codebooks/test.yaml',
  sha256: 'abc',
  themes: [
    {
      id: 'tech',
      label: 'Technology',
      codes: [
        { id: 'ict', label: 'ICT', definition: 'Networks & "devices"', terms: [{ value: 'ict', kind: 'glob', caseSensitive: false }] },
        { id: 'data', label: 'Data', terms: [{ value: 'data*', kind: 'glob', caseSensitive: false }] },
      ],
    },
    { id: 'sust', label: 'Sustainability', codes: [{ id: 'green', label: 'Green', terms: [{ value: 'green', kind: 'glob', caseSensitive: false }] }] },
  ],
};

function row(
  document: string,
  theme: string,
  code: string,
  matched: string,
  line: number,
  sentence: number,
  paragraph: number,
  left = 'before',
  right = 'after',
): EvidenceRow {
  return {
    document,
    theme,
    code,
    term: code === 'data' ? 'data*' : matched.toLowerCase(),
    matched,
    start: line * 100,
    end: line * 100 + matched.length,
    page: null,
    line,
    column: 1,
    sentence,
    paragraph,
    left,
    right,
  };
}

function result(id: string, title: string, date: string, words: number, evidence: EvidenceRow[]): DocumentResult {
  const count = (code: string) => evidence.filter((e) => e.code === code).length;
  const terms = (code: string) => {
    const n = count(code);
    return n === 0 ? [] : [{ term: evidence.find((e) => e.code === code)!.term, count: n }];
  };
  return {
    meta: { id, title, date, year: Number(date.slice(0, 4)), series: 's', language: 'en' },
    source: { path: `/c/${id}.txt`, relPath: `${id}.txt`, format: 'txt', bytes: 1, sha256: 'f' },
    words,
    cjkCharacters: 0,
    pages: 0,
    codes: [
      { theme: 'tech', code: 'ict', count: count('ict'), terms: terms('ict') },
      { theme: 'tech', code: 'data', count: count('data'), terms: terms('data') },
      { theme: 'sust', code: 'green', count: count('green'), terms: terms('green') },
    ],
    evidence,
    units: { sentences: 12, paragraphs: 6 },
  };
}

// a-2012: ict in sentences 1, 2, 3 (paragraph 1, 1, 2); green in sentence 2 (paragraph 1).
export const a2012 = result('a-2012', 'Plan <b>"A"</b> & co', '2012-05', 1000, [
  row('a-2012', 'tech', 'ict', 'ICT', 1, 1, 1, HOSTILE),
  row('a-2012', 'tech', 'ict', 'ICT', 2, 2, 1),
  row('a-2012', 'sust', 'green', 'green', 2, 2, 1),
  row('a-2012', 'tech', 'ict', 'ict', 4, 3, 2),
]);

export const a2016 = result('a-2016', 'Plan B', '2016-03', 500, [
  ...Array.from({ length: 10 }, (_, i) => row('a-2016', 'tech', 'ict', `ICT${i + 1}`, i + 1, i + 1, 1)),
  row('a-2016', 'tech', 'data', 'data', 11, 11, 2),
  row('a-2016', 'tech', 'data', 'database', 12, 12, 2),
]);

export function makeModel(): ReportModel {
  const results = [a2012, a2016];
  const themeOrder = ['tech', 'sust'];
  const evolution = buildEvolution(results, themeOrder);
  const cooccurrence = buildCooccurrence(results, evolution, themeOrder);
  return buildReportModel({ codebook, results, evolution, cooccurrence, inputs: [], diagnostics: [], cjkWords: 'icu' });
}
