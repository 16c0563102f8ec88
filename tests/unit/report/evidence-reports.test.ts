import { describe, it, expect } from 'vitest';
import { buildEvolution } from '../../../src/analyze/build-evolution.ts';
import { buildCooccurrence } from '../../../src/analyze/build-cooccurrence.ts';
import { buildReportModel } from '../../../src/analyze/build-report-model.ts';
import { selectEvidence } from '../../../src/analyze/select-evidence.ts';
import { renderReports } from '../../../src/report/render-reports.ts';
import { toCooccurrenceCsv } from '../../../src/report/to-cooccurrence-csv.ts';
import { toEvidenceCsv } from '../../../src/report/to-evidence-csv.ts';
import { displayWidth, toKwicLines } from '../../../src/report/to-kwic-lines.ts';
import { formatP } from '../../../src/report/format-number.ts';
import type { DocumentResult, EvidenceRow } from '../../../src/types.ts';
import { allResults, codebook, themeOrder } from '../analyze/evolution-fixture.ts';

function evidence(document: string, theme: string, code: string, matched: string, extra: Partial<EvidenceRow> = {}): EvidenceRow {
  return {
    document,
    theme,
    code,
    term: matched.toLowerCase(),
    matched,
    start: 0,
    end: matched.length,
    page: null,
    line: 1,
    column: 1,
    sentence: 1,
    paragraph: 1,
    left: '',
    right: '',
    ...extra,
  };
}

// nat-2012 gets four evidence rows: ict twice, green twice; paragraph 1 holds tech and sust.
const withEvidence: DocumentResult[] = allResults.map((result) =>
  result.meta.id !== 'nat-2012'
    ? result
    : {
        ...result,
        units: { sentences: 3, paragraphs: 2 },
        evidence: [
          evidence('nat-2012', 'tech', 'ict', 'ICT', { line: 2, left: 'build', right: 'networks, "fast"' }),
          evidence('nat-2012', 'sust', 'green', 'green', { line: 2, start: 20, column: 21 }),
          evidence('nat-2012', 'tech', 'ict', 'big\ndata', { page: 3, line: 7, sentence: 2, paragraph: 2 }),
          evidence('nat-2012', 'sust', 'green', '低碳', { line: 9, sentence: 3, paragraph: 2, left: '发展', right: '经济。' }),
        ],
      },
);

describe('toEvidenceCsv', () => {
  it('one line per row; a line break in the matched text is quoted, page empty without pages', () => {
    const csv = toEvidenceCsv(withEvidence);
    expect(csv.split('\n')[0]).toBe('document,theme,code,term,matched,page,line,column,sentence,paragraph,start,end,left,right');
    expect(csv).toContain('nat-2012,tech,ict,ict,ICT,,2,1,1,1,0,3,build,"networks, ""fast"""\n');
    expect(csv).toContain('nat-2012,tech,ict,"big\ndata","big\ndata",3,7,1,2,2,0,8,,\n');
  });
});

describe('co-occurrence and the report', () => {
  const evolution = buildEvolution(withEvidence, themeOrder);
  const cooccurrence = buildCooccurrence(withEvidence, evolution, themeOrder);
  const model = buildReportModel({ codebook, results: withEvidence, evolution, cooccurrence, inputs: [], diagnostics: [], cjkWords: 'icu' });

  it('cooccurrence.csv: nat-2012 paragraphs: tech in 1 and 2, sust in 1 and 2 of 2 -> both 2, jaccard 1, obs/exp 1', () => {
    const lines = toCooccurrenceCsv(cooccurrence).split('\n');
    expect(lines[0]).toBe('series,document,unit,theme_a,theme_b,both,a_units,b_units,units,jaccard,obs_exp');
    expect(lines).toContain('national,nat-2012,paragraph,tech,sust,2,2,2,2,1.000,1.000');
    // sentences: tech in 1, 2; sust in 1, 3 of 3 -> both 1, jaccard 1/3, obs/exp 1*3/(2*2) = 0.75
    expect(lines).toContain('national,nat-2012,sentence,tech,sust,1,2,2,3,0.333,0.750');
    // the series total sums the documents; nat-2014 and nat-undated have no evidence and no units
    expect(lines).toContain('national,,paragraph,tech,sust,2,2,2,2,1.000,1.000');
  });

  it('overview: corpus totals and shares', () => {
    // tech 6+3+0+1+2 = 12, sust 3+0+0+5+0 = 8 -> 20 mentions in 1500+500+0+2000+1000 = 5000 words
    expect(model.overview).toMatchObject({ documents: 5, words: 5000, mentions: 20 });
    expect(model.overview.themes.map((t) => [t.theme, t.count, t.share, t.per1000])).toEqual([
      ['tech', 12, 0.6, 2.4],
      ['sust', 8, 0.4, 1.6],
    ]);
  });

  it('renders the four extra files only with a model; report.md has every section and names evidence filters', () => {
    expect(Object.keys(renderReports({ results: withEvidence, evolution, codebook })).sort()).not.toContain('report.md');
    const files = renderReports({ results: withEvidence, evolution, codebook, model });
    expect(Object.keys(files).sort()).toEqual([
      'cooccurrence.csv',
      'evidence.csv',
      'evolution.csv',
      'evolution.json',
      'evolution.md',
      'excluded.csv',
      'frequencies.csv',
      'frequencies.json',
      'report.html',
      'report.md',
      'terms.csv',
    ]);
    const report = files['report.md']!;
    for (const heading of [
      '## Overview',
      '## Evolution across milestones',
      '## Co-occurrence of themes',
      '## Codebook',
      '## Methods',
      '## Warnings and failed inputs',
    ]) {
      expect(report).toContain(`\n${heading}\n`);
    }
    expect(report).toContain('| tech | Technology | 12 | 60.0% | 2.400 | theme=tech |');
    expect(report).toContain('evidence.csv: document=nat-2012, theme=tech');
    expect(report).toContain('p. 3, l. 7, ict: **big data**');
    expect(report).toContain('5 change tests in this series');
    expect(renderReports({ results: withEvidence, evolution, codebook, model })['report.md']).toBe(report);
    const json = JSON.parse(files['evolution.json']!);
    expect(json.series[0].milestones[1].themes[0].test).toEqual({ g2: 0.314, p: 0.5751, logRatio: 0.585, significant: false });
  });

  it('lists failed inputs and diagnostics', () => {
    const failed = buildReportModel({
      codebook,
      results: withEvidence,
      evolution,
      cooccurrence,
      cjkWords: 'characters',
      inputs: [{ relPath: 'x.pdf', format: 'pdf', bytes: 1, sha256: 'a', status: 'failed', reason: 'no text layer' }],
      diagnostics: [{ severity: 'warning', rule: 'ingest/pdf-no-text', message: 'No text.', file: 'x.pdf', hint: 'OCR it' }],
    });
    const report = renderReports({ results: withEvidence, evolution, codebook, model: failed })['report.md']!;
    expect(report).toContain('| x.pdf | pdf | no text layer |');
    expect(report).toContain('| warning | ingest/pdf-no-text | x.pdf | No text. | OCR it |');
  });
});

describe('kwic', () => {
  it('selects by theme/code, code, theme or term, in that order', () => {
    expect(selectEvidence(withEvidence, 'tech/ict').kind).toBe('theme/code');
    expect(selectEvidence(withEvidence, 'ict').rows).toHaveLength(2);
    expect(selectEvidence(withEvidence, 'sust').rows.map((r) => r.matched)).toEqual(['green', '低碳']);
    expect(selectEvidence(withEvidence, 'BIG  data').rows.map((r) => r.matched)).toEqual(['big\ndata']);
    expect(selectEvidence(withEvidence, 'nothing').rows).toEqual([]);
  });

  it('aligns the matches; wide characters take two columns', () => {
    expect(displayWidth('低碳a')).toBe(5);
    const rows = selectEvidence(withEvidence, 'sust').rows;
    // left contexts '' and '发展' (width 4): the first is padded with 4 spaces.
    // -:2, two spaces, four of padding, the space before the match.
    expect(toKwicLines(rows)).toEqual(['nat-2012  -:2       [green]', 'nat-2012  -:9  发展 [低碳] 经济。']);
  });
});

describe('formatP', () => {
  it.each([
    [0.5751, '0.5751'],
    [0.00011, '0.0001'],
    [0.0000213, '2.13e-5'],
    [0, '0'],
    [1, '1.0000'],
  ])('%f -> %s', (p, text) => {
    expect(formatP(p)).toBe(text);
  });
});
