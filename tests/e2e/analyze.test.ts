import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyze, type AnalyzeOptions } from '../../src/run.ts';
import { textToPdf } from '../support/text-to-pdf.ts';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const basic = path.join(repoRoot, 'tests/e2e/cases/basic');
const temporaryFolders: string[] = [];

async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-e2e-'));
  temporaryFolders.push(folder);
  return folder;
}

afterAll(async () => {
  await Promise.all(temporaryFolders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function analyse(overrides: Partial<AnalyzeOptions>) {
  const outDir = overrides.outDir ?? path.join(await temporaryFolder(), 'out');
  const outcome = await runAnalyze({
    corpusDir: path.join(basic, 'corpus'),
    codebookPath: path.join(basic, 'codebook.yaml'),
    cjkWords: 'characters',
    cacheDir: null,
    topTerms: 3,
    ...overrides,
    outDir,
  });
  const read = (name: string) => readFile(path.join(outDir, name), 'utf8');
  return { outcome, outDir, read };
}

describe('policycoder analyze (spawned CLI)', () => {
  it('codes the fixture corpus exactly as counted by hand', async () => {
    const out = path.join(await temporaryFolder(), 'reports');
    const { stdout, stderr } = await run(
      process.execPath,
      [
        path.join(repoRoot, 'bin/policycoder.js'),
        'analyze',
        '--corpus',
        path.join(basic, 'corpus'),
        '--codebook',
        path.join(basic, 'codebook.yaml'),
        '--out',
        out,
        '--cjk-words',
        'characters',
        '--no-cache',
      ],
      { cwd: repoRoot },
    );
    expect(stderr).toBe('');
    expect(stdout).toContain('3 documents');
    expect(await readFile(path.join(out, 'frequencies.csv'), 'utf8')).toBe(await readFile(path.join(basic, 'expected/frequencies.csv'), 'utf8'));
    expect(await readFile(path.join(out, 'terms.csv'), 'utf8')).toBe(await readFile(path.join(basic, 'expected/terms.csv'), 'utf8'));
    expect((await readdir(out)).sort()).toEqual([
      'cooccurrence.csv',
      'evidence.csv',
      'evolution.csv',
      'evolution.json',
      'evolution.md',
      'excluded.csv',
      'frequencies.csv',
      'frequencies.json',
      'manifest.json',
      'report.html',
      'report.md',
      'terms.csv',
      'trends.csv',
    ]);
  });

  it('refuses a malformed codebook with file:line:column, a hint and exit 2, writing nothing', async () => {
    const folder = await temporaryFolder();
    const codebook = path.join(folder, 'broken.yaml');
    await writeFile(codebook, 'policycoder: 1\nthemes:\n  tech:\n    codes: [unclosed\n');
    const out = path.join(folder, 'out');
    const failure = await run(
      process.execPath,
      [path.join(repoRoot, 'bin/policycoder.js'), 'analyze', '--corpus', path.join(basic, 'corpus'), '--codebook', codebook, '--out', out],
      { cwd: repoRoot },
    ).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failure && failure.code).toBe(2);
    expect((failure as { stderr: string }).stderr).toMatch(
      new RegExp(`${codebook.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: .*\\[codebook/yaml-syntax\\]\\n  hint: `),
    );
    await expect(readdir(out)).rejects.toThrow();
  });

  it('prints help for --help and exits 0', async () => {
    const { stdout } = await run(process.execPath, [path.join(repoRoot, 'bin/policycoder.js'), '--help'], { cwd: repoRoot });
    expect(stdout).toContain('--codebook FILE');
    expect(stdout).toContain('--cjk-words');
  });
});

describe('runAnalyze on fixture corpora', () => {
  it('a quanteda dictionary with the same terms gives the same counts as the native codebook', async () => {
    const native = await analyse({});
    const quanteda = await analyse({ codebookPath: path.join(basic, 'quanteda.yml') });
    expect(quanteda.outcome.exitCode).toBe(0);
    expect(await quanteda.read('frequencies.csv')).toBe(await native.read('frequencies.csv'));
    expect(await quanteda.read('terms.csv')).toBe(await native.read('terms.csv'));
  });

  it('the same text as .txt and as .pdf gives the same counts', async () => {
    const corpus = path.join(await temporaryFolder(), 'corpus');
    await cp(path.join(basic, 'corpus'), corpus, { recursive: true });
    const text = await readFile(path.join(corpus, 'a-2012.txt'), 'utf8');
    await rm(path.join(corpus, 'a-2012.txt'));
    await writeFile(path.join(corpus, 'a-2012.pdf'), textToPdf(text, { maxLineLength: 30 }));
    await writeFile(path.join(corpus, 'corpus.yaml'), (await readFile(path.join(corpus, 'corpus.yaml'), 'utf8')).replace('a-2012.txt', 'a-2012.pdf'));
    const { outcome, read } = await analyse({ corpusDir: corpus });
    expect(outcome.exitCode).toBe(0);
    expect(await read('frequencies.csv')).toBe(await readFile(path.join(basic, 'expected/frequencies.csv'), 'utf8'));
  });

  it('gives byte-identical reports on a rerun (manifest aside)', async () => {
    const first = await analyse({});
    const second = await analyse({});
    for (const name of first.outcome.outputs.filter((name) => name !== 'manifest.json')) {
      expect(await second.read(name), name).toBe(await first.read(name));
    }
  });

  it('a broken document is reported and the others keep their exact counts (exit 1)', async () => {
    const corpus = path.join(await temporaryFolder(), 'corpus');
    await cp(path.join(basic, 'corpus'), corpus, { recursive: true });
    await writeFile(path.join(corpus, 'd-broken.pdf'), 'this is not a PDF');
    const { outcome, read } = await analyse({ corpusDir: corpus });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => path.basename(d.file ?? ''))).toEqual(['d-broken.pdf']);
    expect(await read('frequencies.csv')).toBe(await readFile(path.join(basic, 'expected/frequencies.csv'), 'utf8'));
    const manifest = JSON.parse(await read('manifest.json')) as { inputs: Array<{ relPath: string; status: string }> };
    expect(manifest.inputs.map((input) => [input.relPath, input.status])).toEqual([
      ['a-2012.txt', 'analysed'],
      ['b-2018.md', 'analysed'],
      ['c-zh.txt', 'analysed'],
      ['d-broken.pdf', 'failed'],
    ]);
  });

  it('refuses an --out folder inside the corpus', async () => {
    const { outcome } = await analyse({ outDir: path.join(basic, 'corpus', 'out') });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.diagnostics.map((d) => d.rule)).toEqual(['usage/out-inside-corpus']);
  });

  it('computes the evolution across a series from the hand counts', async () => {
    const { read } = await analyse({});
    const rows = (await read('evolution.csv')).trim().split('\n');
    // demo series: a2012 tech = 4 mentions / 21 words = 190.476; b2018 tech = 8 / 22 = 363.636;
    // change +173.160, relative (8/22)/(4/21) - 1 = 0.909. green: 142.857 -> 0.000, change -142.857, relative -1.000.
    expect(rows).toContainEqual(expect.stringMatching(/^demo,b2018,2018-07-30,2018,tech,8,22,363\.636,173\.160,0\.909,/));
    expect(rows).toContainEqual(expect.stringMatching(/^demo,b2018,2018-07-30,2018,green,0,22,0\.000,-142\.857,-1\.000,/));
    expect(rows).toContainEqual(expect.stringMatching(/^demo,a2012,2012-11-01,2012,tech,4,21,190\.476,,,/));
  });
});
