import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/run.ts';
import { kwicCommand } from '../../src/commands/kwic-command.ts';
import type { CommandIo } from '../../src/commands/command.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const basic = path.join(repoRoot, 'tests/e2e/cases/basic');
const folders: string[] = [];

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

/** RFC 4180 CSV into records keyed by the header (quoted fields may hold commas, quotes, line breaks). */
function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
}

async function analyse(corpusDir: string, codebookPath: string, cjkWords: 'icu' | 'characters') {
  const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-evidence-'));
  folders.push(folder);
  const outDir = path.join(folder, 'out');
  const outcome = await runAnalyze({ corpusDir, codebookPath, outDir, cjkWords, cacheDir: null, topTerms: 3 });
  const read = (name: string) => readFile(path.join(outDir, name), 'utf8');
  return { outcome, read };
}

/** document/code -> number of evidence rows. */
function tally(evidence: Array<Record<string, string>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of evidence) counts.set(`${row.document}/${row.code}`, (counts.get(`${row.document}/${row.code}`) ?? 0) + 1);
  return counts;
}

describe('evidence on the hand-counted fixture corpus (tests/e2e/cases/basic)', () => {
  let evidence: Array<Record<string, string>>;
  let read: (name: string) => Promise<string>;

  beforeAll(async () => {
    ({ read } = await analyse(path.join(basic, 'corpus'), path.join(basic, 'codebook.yaml'), 'characters'));
    evidence = parseCsv(await read('evidence.csv'));
  });

  it('has as many rows per document x code as the hand counts in expected/frequencies.csv', async () => {
    const expected = parseCsv(await readFile(path.join(basic, 'expected/frequencies.csv'), 'utf8'));
    const rows = tally(evidence);
    for (const row of expected) expect(rows.get(`${row.document}/${row.code}`) ?? 0, `${row.document}/${row.code}`).toBe(Number(row.count));
    expect(evidence).toHaveLength(expected.reduce((sum, row) => sum + Number(row.count), 0)); // 7 + 8 + 7 = 22
  });

  it('locates each match of a-2012.txt by line, column, sentence and paragraph', () => {
    // Line 1 "The city will use big", line 2 "data and sensors. Data-sharing helps; big, data does not.",
    // line 3 "Green, low-carbon and ecological goals: low carbon." One paragraph, three sentences.
    const rows = evidence.filter((row) => row.document === 'a2012');
    expect(rows.map((r) => [r.code, r.term, r.matched, r.page, r.line, r.column, r.sentence, r.paragraph])).toEqual([
      ['data', 'big data', 'big\ndata', '', '1', '19', '1', '1'],
      ['devices', 'sensor*', 'sensors', '', '2', '10', '1', '1'],
      ['data', 'data-shar*', 'Data-sharing', '', '2', '19', '2', '1'],
      ['data', 'data', 'data', '', '2', '44', '2', '1'],
      ['environment', 'green', 'Green', '', '3', '1', '3', '1'],
      ['environment', 'low-carbon', 'low-carbon', '', '3', '8', '3', '1'],
      ['environment', 'ecolog*', 'ecological', '', '3', '23', '3', '1'],
    ]);
    // Context stays inside the sentence, line breaks collapsed.
    expect([rows[0]!.left, rows[0]!.right]).toEqual(['The city will use', 'and sensors.']);
    expect([rows[3]!.left, rows[3]!.right]).toEqual(['Data-sharing helps; big,', 'does not.']);
  });

  it('locates the Chinese matches, the wrapped 传感\\n器 included, by sentence', () => {
    const rows = evidence.filter((row) => row.document === 'c2017');
    expect(rows.map((r) => [r.matched, r.line, r.column, r.sentence])).toEqual([
      ['大数据', '1', '3', '1'],
      ['物联网', '1', '7', '1'],
      ['绿色', '1', '15', '1'],
      ['低碳', '1', '17', '1'],
      ['5G', '2', '3', '2'],
      ['传感\n器', '2', '8', '2'],
      ['生态', '3', '5', '2'],
    ]);
    expect([rows[5]!.left, rows[5]!.right]).toEqual(['建设5G网络和', '，保护生态。']);
  });

  it('writes co-occurrence, evolution statistics and report.md', async () => {
    const cooccurrence = parseCsv(await read('cooccurrence.csv'));
    // a2012 has one paragraph holding tech and green: both 1 of 1, jaccard 1, obs/exp 1.
    expect(cooccurrence.find((r) => r.document === 'a2012' && r.unit === 'paragraph')).toEqual({
      series: 'demo',
      document: 'a2012',
      unit: 'paragraph',
      theme_a: 'tech',
      theme_b: 'green',
      both: '1',
      a_units: '1',
      b_units: '1',
      units: '1',
      jaccard: '1.000',
      obs_exp: '1.000',
    });
    // Sentences: tech in s1, s2; green in s3 -> never together.
    expect(cooccurrence.find((r) => r.document === 'a2012' && r.unit === 'sentence')).toMatchObject({
      both: '0',
      a_units: '2',
      b_units: '1',
      units: '3',
      jaccard: '0.000',
      obs_exp: '0.000',
    });
    const evolution = parseCsv(await read('evolution.csv'));
    // b2018 after a2012: green 0/22 against 3/21 -> log ratio log2((0.5/22)/(3/21)) = -2.652
    const green = evolution.find((r) => r.document === 'b2018' && r.level === 'theme' && r.theme === 'green')!;
    expect([green.previous, green.log_ratio]).toEqual(['a2012', '-2.652']);
    const report = await read('report.md');
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
    expect(report).toContain('evidence.csv: document=a2012, theme=green');
    expect(JSON.parse(await read('evolution.json')).series.map((s: { series: string }) => s.series)).toEqual(['demo', 'zh']);
  });

  it('kwic prints the same rows for a code, a term and theme/code', async () => {
    const run = async (...args: string[]) => {
      let stdout = '';
      let stderr = '';
      const io: CommandIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false };
      const values = {
        corpus: path.join(basic, 'corpus'),
        codebook: path.join(basic, 'codebook.yaml'),
        width: '20',
        'cjk-words': 'characters',
        'no-cache': true,
        cache: '',
      };
      const code = await kwicCommand.run(values, args, io);
      return { code, lines: stdout.split('\n').filter(Boolean), stderr };
    };
    const devices = await run('devices');
    expect(devices.code).toBe(0);
    expect(devices.lines).toHaveLength(1 + 4 + 3);
    // Width 20: the last 20 characters of "The city will use big data and" are "ill use big data and"; the
    // cut inside "will" moves to the next space.
    expect(devices.lines[0]).toMatch(/^a2012 +-:2 +…use big data and \[sensors\] \.$/);
    expect(devices.stderr).toContain('8 mentions of code "devices" in 3 documents');
    expect((await run('tech/devices')).lines).toEqual(devices.lines);
    const term = await run('big data');
    // "big data" term: a2012 line 1, b2018 three times (Big Data, big data, big data).
    expect(term.lines.map((line) => line.split(/ +/)[0])).toEqual(['a2012', 'b2018', 'b2018', 'b2018']);
    const missing = await run('big dta');
    expect(missing.lines).toEqual([]);
    expect(missing.stderr).toContain('did you mean "big data"?');
  });
});

/** Every evidence row of a run matches the frequencies.csv count of its document x code. */
async function expectEvidenceMatchesCounts(read: (name: string) => Promise<string>): Promise<Array<Record<string, string>>> {
  const evidence = parseCsv(await read('evidence.csv'));
  const rows = tally(evidence);
  const frequencies = parseCsv(await read('frequencies.csv'));
  expect(frequencies.length).toBeGreaterThan(0);
  for (const row of frequencies) expect(rows.get(`${row.document}/${row.code}`) ?? 0, `${row.document}/${row.code}`).toBe(Number(row.count));
  return evidence;
}

describe('evidence on the bundled corpus (real Chinese documents: .txt and .docx)', () => {
  it('has as many rows per document x code as frequencies.csv counts, for the text and the Word files alike', { timeout: 60_000 }, async () => {
    const { outcome, read } = await analyse(path.join(repoRoot, 'corpus'), path.join(repoRoot, 'codebooks/smart-city.yaml'), 'icu');
    expect(outcome.exitCode).toBe(0);
    const evidence = await expectEvidenceMatchesCounts(read);
    const docxRows = evidence.filter((row) => row.document === 'shenzhen-2024-work-report');
    expect(docxRows.length).toBeGreaterThan(0);
    // No page numbers outside PDFs.
    expect(evidence.every((row) => row.page === '')).toBe(true);
  });
});

describe('evidence on the demo corpus (tests/fixtures/demo-corpus: invented texts, one of them a PDF)', () => {
  it('has as many rows per document x code as frequencies.csv counts, and a page number on every row of the PDF', async () => {
    const { outcome, read } = await analyse(path.join(repoRoot, 'tests/fixtures/demo-corpus'), path.join(repoRoot, 'codebooks/smart-city.yaml'), 'icu');
    expect(outcome.exitCode).toBe(0);
    const evidence = await expectEvidenceMatchesCounts(read);
    const pdfRows = evidence.filter((row) => row.document === 'sz-2018-smart-city-plan');
    expect(pdfRows.length).toBeGreaterThan(0);
    expect(pdfRows.every((row) => Number(row.page) >= 1)).toBe(true);
  });
});
