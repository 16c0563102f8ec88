import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/run.ts';
import { runCorpus } from '../../src/run/run-corpus.ts';
import { runValidate } from '../../src/run/run-validate.ts';
import { runExport } from '../../src/run/run-export.ts';
import { textToPdf } from '../support/text-to-pdf.ts';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const basic = path.join(repoRoot, 'tests/e2e/cases/basic');
const folders: string[] = [];

async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-workflow-'));
  folders.push(folder);
  return folder;
}

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

function cli(args: string[]) {
  return run(process.execPath, [path.join(repoRoot, 'bin/policycoder.js'), ...args], { cwd: repoRoot }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

// Written for this test. Words counted by hand: 15 in the first sentence, 6 in the second = 21.
// Terms of the fixture codebook: "sensors" (tech/devices), "data" (tech/data), "Green" (green/environment).
const PDF_TEXT = 'The district will lay sensors along every new road and publish the data they collect.\nGreen corridors will link the parks.\n';

describe("researchers' workflow: add a PDF, see it in the corpus, analyse it", () => {
  it("adds the PDF without touching corpus.yaml's existing text, lists it and codes it in the next report", async () => {
    const work = await temporaryFolder();
    const corpus = path.join(work, 'corpus');
    await cp(path.join(basic, 'corpus'), corpus, { recursive: true });
    const before = await readFile(path.join(corpus, 'corpus.yaml'), 'utf8');
    const pdf = path.join(work, '2019-district-plan.pdf');
    await writeFile(pdf, textToPdf(PDF_TEXT));

    const added = await cli(['add', pdf, '--corpus', corpus, '--id', 'd2019', '--date', '2019-05-01', '--series', 'demo', '--level', 'local', '--no-cache']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('copied and registered 2019-district-plan.pdf as "d2019": 21 words, 1 page, language en (guessed), date 2019-05-01');
    const after = await readFile(path.join(corpus, 'corpus.yaml'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(
      '  - file: 2019-district-plan.pdf\n    id: d2019\n    date: 2019-05-01\n    level: local\n    series: demo\n    language: en # guessed from the text (franc-min); check\n',
    );

    const again = await cli(['add', pdf, '--corpus', corpus, '--no-cache']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[add/duplicate-content]');
    expect(await readFile(path.join(corpus, 'corpus.yaml'), 'utf8')).toBe(after);

    const listing = await runCorpus({ corpusDir: corpus, cacheDir: null, cjkWords: 'characters' });
    const row = listing.rows.find((candidate) => candidate.id === 'd2019');
    expect(row).toMatchObject({ file: '2019-district-plan.pdf', date: '2019-05-01', series: 'demo', words: 21, pages: 1, listed: true, language: 'en' });
    expect(listing.failing).toBe(0);

    const out = path.join(work, 'out');
    const outcome = await runAnalyze({
      corpusDir: corpus,
      codebookPath: path.join(basic, 'codebook.yaml'),
      outDir: out,
      cjkWords: 'characters',
      cacheDir: null,
      topTerms: 3,
    });
    expect(outcome.exitCode).toBe(0);
    const [header, ...lines] = (await readFile(path.join(out, 'frequencies.csv'), 'utf8')).trim().split('\n');
    const columns = header!.split(',');
    const counts = lines
      .map((line) => line.split(','))
      .filter((cells) => cells[columns.indexOf('document')] === 'd2019')
      .map((cells) => [cells[columns.indexOf('code')], cells[columns.indexOf('count')], cells[columns.indexOf('words')]]);
    expect(counts).toEqual([
      ['data', '1', '21'],
      ['devices', '1', '21'],
      ['environment', '1', '21'],
    ]);
  }, 30_000);

  it('--check fails on a file missing from corpus.yaml and names it', async () => {
    const work = await temporaryFolder();
    const corpus = path.join(work, 'corpus');
    await cp(path.join(basic, 'corpus'), corpus, { recursive: true });
    await writeFile(path.join(corpus, 'stray.txt'), 'A stray note about green data.\n');
    const checked = await cli(['corpus', '--corpus', corpus, '--check', '--no-cache']);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain('stray.txt: error: stray.txt is not described in corpus.yaml');
    // Too short (23 letters) for a language guess: lang stays "-".
    expect(checked.stdout).toMatch(/^stray\s+-\s+-\s+-\s+-\s+6\s+-\s+-\s+not-listed\s+stray\.txt$/m);
  }, 30_000);
});

describe('validation of the default codebook against the hand-coded sample of the demo corpus (invented texts)', () => {
  it('reports the figures worked out by hand for environmental sustainability', async () => {
    const out = await temporaryFolder();
    const demo = path.join(repoRoot, 'tests/fixtures/demo-corpus');
    const outcome = await runValidate({
      corpusDir: demo,
      codebookPath: path.join(repoRoot, 'codebooks/smart-city.yaml'),
      goldPath: path.join(demo, 'gold/smart-city-sample.csv'),
      outDir: out,
      unit: 'sentence',
      cacheDir: null,
    });
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.exitCode).toBe(0);
    const csv = await readFile(path.join(out, 'validation.csv'), 'utf8');
    // 43 hand-coded sentences. The coder gave "environment" to 4 of them (cn-2012 #13, sz-2018 #16,
    // cn-zh-2014 #15 and #16); the dictionary also codes sz-2018 #22 ("environmental sensors").
    // tp 4, fn 0, fp 1, tn 38: precision 4/5, recall 1, F1 8/9;
    // kappa: po = 42/43, pe = (4*5 + 39*38)/43^2 = 1502/1849, kappa = (1806-1502)/(1849-1502) = 304/347 = 0.876;
    // alpha: n = 86, n_yes = 9, n_no = 77, alpha = 1 - 85*1/(9*77) = 1 - 85/693 = 0.877.
    // 95% Wilson intervals (python3: z = NormalDist().inv_cdf(0.975); centre ± half, see
    // tests/unit/validate/agreement.test.ts): precision 4 of 5 -> [0.3755, 0.9638], recall 4 of 4 -> [0.5101, 1].
    expect(csv).toContain('\nsustainability,environment,43,4,5,4,0,1,38,0.800,1.000,0.889,0.977,0.876,0.877,0.376,0.964,0.510,1.000\n');
    // The terminal table shows the same intervals.
    expect(outcome.summary).toMatch(/^sustainability\/environment\s+4\s+5\s+4\s+0\.800 \[0\.376, 0\.964\]\s+1\.000 \[0\.510, 1\.000\]$/m);
    const markdown = await readFile(path.join(out, 'validation.md'), 'utf8');
    expect(markdown).toContain('43 units in 3 documents');
    expect(markdown).toContain('"Multi-function smart poles shall carry cameras, lighting, 5G base stations and environmental sensors."');
  }, 30_000);
});

describe('export for the QDA suites', () => {
  it('writes the same codebook.qdc and .qdpx bytes on every run', async () => {
    const first = await temporaryFolder();
    const second = await temporaryFolder();
    const options = { codebookPath: path.join(basic, 'codebook.yaml'), project: true, corpusDir: path.join(basic, 'corpus'), cacheDir: null };
    expect((await runExport({ ...options, outDir: first })).exitCode).toBe(0);
    expect((await runExport({ ...options, outDir: second })).exitCode).toBe(0);
    for (const name of ['codebook.qdc', 'policycoder.qdpx']) {
      expect((await readFile(path.join(first, name))).equals(await readFile(path.join(second, name)))).toBe(true);
    }
    expect(await readFile(path.join(first, 'codebook.qdc'), 'utf8')).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
  }, 30_000);
});
