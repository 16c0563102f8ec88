import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyze, type AnalyzeOptions } from '../../../src/run.ts';
import { chooseThreads } from '../../../src/engine/create-document-runner.ts';
import type { SourceFile } from '../../../src/types.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const basic = path.join(repoRoot, 'tests/e2e/cases/basic');
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-threads-'));
  folders.push(folder);
  return folder;
}

async function analyse(corpusDir: string, threads: number, extra: Partial<AnalyzeOptions> = {}) {
  const outDir = path.join(await temporaryFolder(), 'out');
  const outcome = await runAnalyze({
    corpusDir,
    codebookPath: path.join(basic, 'codebook.yaml'),
    outDir,
    cjkWords: 'characters',
    cacheDir: null,
    topTerms: 3,
    threads,
    ...extra,
  });
  const files: Record<string, string> = {};
  for (const name of outcome.outputs) {
    // The manifest's creation time is the only thing that may differ between two runs.
    files[name] = (await readFile(path.join(outDir, name), 'utf8')).replace(/"createdAt": "[^"]*"/, '"createdAt": ""');
  }
  return { outcome, files };
}

describe('analysing documents over worker threads', () => {
  it('writes byte-identical reports with two worker threads and with none', async () => {
    const inline = await analyse(path.join(basic, 'corpus'), 0);
    const threaded = await analyse(path.join(basic, 'corpus'), 2);
    expect(threaded.outcome.exitCode).toBe(0);
    expect(Object.keys(threaded.files).sort()).toEqual(Object.keys(inline.files).sort());
    for (const name of Object.keys(inline.files)) expect(threaded.files[name], name).toBe(inline.files[name]);
    // The hand-counted frequencies still hold.
    expect(threaded.files['frequencies.csv']).toBe(await readFile(path.join(basic, 'expected/frequencies.csv'), 'utf8'));
  });

  it('writes the same evolution reports on a thread of their own as in the main thread', async () => {
    const inline = await analyse(path.join(basic, 'corpus'), 0, { evolutionThread: false });
    const threaded = await analyse(path.join(basic, 'corpus'), 0, { evolutionThread: true });
    expect(threaded.outcome.outputs).toEqual(inline.outcome.outputs);
    expect(threaded.outcome.outputs).toEqual(expect.arrayContaining(['evolution.csv', 'evolution.json', 'evolution.md']));
    for (const name of Object.keys(inline.files)) expect(threaded.files[name], name).toBe(inline.files[name]);
    // From the hand count (tests/e2e/cases/basic/README.md): a-2012 has tech = data 3 + devices 1 = 4 in 21 words = 190.476 per 1,000.
    expect(threaded.files['evolution.csv']).toContain('demo,a2012,2012-11-01,2012,tech,4,21,190.476,');
  });

  it('gives a shared id to the first file that can be read, in input order, whichever thread finishes first', async () => {
    const corpus = path.join(await temporaryFolder(), 'corpus');
    await cp(path.join(basic, 'corpus'), corpus, { recursive: true });
    await rm(path.join(corpus, 'corpus.yaml'));
    // Three files with the default id "doc": the first is not a PDF, so the second owns the id and the third is a duplicate.
    for (const folder of ['a', 'b', 'c']) await mkdir(path.join(corpus, folder));
    await writeFile(path.join(corpus, 'a/doc.pdf'), 'not a PDF at all');
    await writeFile(path.join(corpus, 'b/doc.txt'), 'Smart city plans and open data platforms for the city.\n');
    await writeFile(path.join(corpus, 'c/doc.txt'), 'Another text with the same id.\n');
    for (const threads of [0, 2]) {
      const { outcome } = await analyse(corpus, threads, { writeOutputs: false });
      expect(outcome.exitCode).toBe(1);
      const errors = outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.rule]);
      expect(errors).toEqual([
        [path.join(corpus, 'a/doc.pdf'), expect.stringMatching(/^ingest\//)],
        ['c/doc.txt', 'corpus/duplicate-id'],
      ]);
      const duplicate = outcome.diagnostics.find((d) => d.rule === 'corpus/duplicate-id')!;
      expect(duplicate.message).toBe('Document id "doc" is already used by b/doc.txt; this file was not analysed.');
      expect(outcome.results!.map((r) => [r.meta.id, r.source.relPath])).toEqual([
        ['a-2012', 'a-2012.txt'],
        ['b-2018', 'b-2018.md'],
        ['c-zh', 'c-zh.txt'],
        ['doc', 'b/doc.txt'],
      ]);
    }
  });
});

describe('progress over worker threads', () => {
  it('names each input as its outcome is awaited, in input order, after the ones before it are done', async () => {
    const log: string[] = [];
    const outDir = path.join(await temporaryFolder(), 'out');
    await runAnalyze(
      {
        corpusDir: path.join(basic, 'corpus'),
        codebookPath: path.join(basic, 'codebook.yaml'),
        outDir,
        cjkWords: 'characters',
        cacheDir: null,
        topTerms: 3,
        threads: 2,
        writeOutputs: false,
      },
      {
        onInput: (source, index, total) => log.push(`waiting for ${source.relPath} (${index + 1}/${total})`),
        onExtracted: (source) => log.push(`done ${source.relPath}`),
      },
    );
    // All three files start at once (one batch); the progress still moves one finished document at a time.
    expect(log).toEqual([
      'waiting for a-2012.txt (1/3)',
      'done a-2012.txt',
      'waiting for b-2018.md (2/3)',
      'done b-2018.md',
      'waiting for c-zh.txt (3/3)',
      'done c-zh.txt',
    ]);
  });
});

describe('chooseThreads', () => {
  const source = (format: SourceFile['format'], bytes: number): SourceFile =>
    ({ path: `/c/x.${format}`, relPath: `x.${format}`, format, bytes, sha256: '' }) as SourceFile;

  it('keeps a small text corpus in this thread and follows an explicit request', () => {
    expect(chooseThreads([source('txt', 1000), source('txt', 2000)])).toBe(0);
    expect(chooseThreads([source('txt', 1000), source('txt', 2000)], 2)).toBe(2);
    expect(chooseThreads([source('txt', 1000)], 4)).toBe(1);
    expect(chooseThreads([source('txt', 1000)], 0)).toBe(0);
  });
});
