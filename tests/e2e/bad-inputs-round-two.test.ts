/**
 * Bad inputs of issue 14 ("Nothing lost, round two") that used to cost the whole run or to be
 * counted wrongly: each is fed next to the good documents of the `basic` case, whose hand counts
 * (tests/e2e/cases/basic/expected) must not change, and must be named with its reason.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyze, type AnalyzeOptions } from '../../src/run.ts';
import type { Diagnostic, InputRecord } from '../../src/types.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const basic = path.join(repoRoot, 'tests/e2e/cases/basic');
const temporaryFolders: string[] = [];

afterAll(async () => {
  await Promise.all(temporaryFolders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-bad2-'));
  temporaryFolders.push(folder);
  return folder;
}

/** The basic corpus plus `extra` files (relative path -> content). */
async function corpusWith(extra: Record<string, string | Uint8Array>): Promise<string> {
  const corpus = path.join(await temporaryFolder(), 'corpus');
  await cp(path.join(basic, 'corpus'), corpus, { recursive: true });
  for (const [relPath, content] of Object.entries(extra)) {
    await mkdir(path.dirname(path.join(corpus, relPath)), { recursive: true });
    await writeFile(path.join(corpus, relPath), content);
  }
  return corpus;
}

async function analyse(corpusDir: string, overrides: Partial<AnalyzeOptions> = {}) {
  const outDir = path.join(await temporaryFolder(), 'out');
  const outcome = await runAnalyze({
    corpusDir,
    codebookPath: path.join(basic, 'codebook.yaml'),
    cjkWords: 'characters',
    cacheDir: null,
    topTerms: 3,
    ...overrides,
    outDir,
  });
  const read = (name: string) => readFile(path.join(outDir, name), 'utf8');
  const manifest = async () => JSON.parse(await read('manifest.json')) as { inputs: InputRecord[]; diagnostics: Diagnostic[] };
  return { outcome, read, manifest };
}

type Analysis = Awaited<ReturnType<typeof analyse>>;

/** The rows of a2012, b2018 and c2017 are exactly the hand-counted expected rows. */
async function expectGoodCountsKept({ read }: Analysis): Promise<void> {
  const expected = (await readFile(path.join(basic, 'expected/frequencies.csv'), 'utf8')).trim().split('\n');
  const actual = (await read('frequencies.csv')).trim().split('\n');
  const good = new Set(['a2012', 'b2018', 'c2017']);
  expect(actual.filter((line) => good.has(line.split(',')[0]!))).toEqual(expected.slice(1));
}

/** The bad input failed with a reason matching `reason`, and an error with `rule` names the file. */
async function expectFailed(analysis: Analysis, relPath: string, rule: string, reason: RegExp): Promise<void> {
  expect(analysis.outcome.exitCode).toBe(1);
  const input = (await analysis.manifest()).inputs.find((candidate) => candidate.relPath === relPath);
  expect(input, `${relPath} in manifest inputs`).toMatchObject({ status: 'failed' });
  expect(input!.reason).toMatch(reason);
  const errors = analysis.outcome.diagnostics.filter((d) => d.severity === 'error' && (d.file ?? '').endsWith(relPath));
  expect(errors.map((d) => d.rule)).toContain(rule);
}

describe('HTML nested too deep (item 6)', () => {
  it('10,000 nested <div>s and 100,000 unclosed <div>s fail alone; the run goes on', async () => {
    const analysis = await analyse(
      await corpusWith({ 'd-deep.html': `<p>big data</p>${'<div>'.repeat(10_000)}green`, 'd-unclosed.html': '<div>big data '.repeat(100_000) }),
    );
    await expectFailed(analysis, 'd-deep.html', 'ingest/html-too-deep', /nests elements more than 1,000 deep/);
    await expectFailed(analysis, 'd-unclosed.html', 'ingest/html-too-deep', /nests elements more than 1,000 deep/);
    await expectGoodCountsKept(analysis);
  });
});
