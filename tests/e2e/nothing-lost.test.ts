/**
 * Issue 14 ("Nothing lost, round two"), items 2, 3, 4 and 12, through runAnalyze on small corpora:
 * what the manifest records is what was analysed, an edited cache entry is not trusted, files
 * policycoder did not write are never deleted, and an unwritable --out is named before analysing.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runAnalyze, type AnalyzeOptions } from '../../src/run.ts';
import { ANALYZE_OUTPUTS } from '../../src/run/check-out-folder.ts';
import type { InputRecord } from '../../src/types.ts';
import { textToPdf } from '../support/text-to-pdf.ts';

/** Called once discovery has listed the files and before any is analysed (a file changed meanwhile). */
const between = vi.hoisted(() => ({ afterDiscovery: undefined as undefined | (() => Promise<void>) }));
vi.mock('../../src/ingest/discover-sources.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/ingest/discover-sources.ts')>();
  return {
    ...original,
    discoverSources: async (...args: Parameters<typeof original.discoverSources>) => {
      const found = await original.discoverSources(...args);
      await between.afterDiscovery?.();
      return found;
    },
  };
});

const repoRoot = path.resolve(import.meta.dirname, '../..');
const codebookPath = path.join(repoRoot, 'tests/e2e/cases/basic/codebook.yaml');
const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});
afterEach(() => {
  between.afterDiscovery = undefined;
});

async function folderWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-lost-'));
  folders.push(folder);
  for (const [relPath, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, relPath)), { recursive: true });
    await writeFile(path.join(folder, relPath), content);
  }
  return folder;
}

async function analyse(folder: string, overrides: Partial<AnalyzeOptions> = {}) {
  const outDir = path.join(folder, 'out');
  const options = { corpusDir: path.join(folder, 'corpus'), codebookPath, outDir, cjkWords: 'characters', cacheDir: null, topTerms: 3, ...overrides } as const;
  const outcome = await runAnalyze(options);
  const manifest = async () =>
    JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8')) as { inputs: InputRecord[]; outputSha256?: Record<string, string> };
  /** `data` counts per document, from frequencies.csv (columns by name). */
  const dataCounts = async () => {
    const [header, ...rows] = (await readFile(path.join(outDir, 'frequencies.csv'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    const column = (name: string) => header!.indexOf(name);
    const data = rows.filter((cells) => cells[column('code')] === 'data');
    return Object.fromEntries(data.map((cells) => [cells[column('document')], Number(cells[column('count')])]));
  };
  return { outcome, outDir, manifest, dataCounts };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('item 4: a file that changes between discovery and reading', () => {
  it('is recorded with the size and sha256 of the bytes that were counted', async () => {
    const folder = await folderWith({ 'corpus/a.txt': 'data\n', 'corpus/b.txt': 'data\n' });
    const grown = 'data data data\n';
    between.afterDiscovery = async () => {
      await writeFile(path.join(folder, 'corpus/a.txt'), grown);
      await writeFile(path.join(folder, 'corpus/b.txt'), '');
    };
    const { outcome, manifest, dataCounts } = await analyse(folder);
    expect(outcome.exitCode).toBe(1); // b.txt is now empty
    const inputs = (await manifest()).inputs;
    expect(inputs.find((input) => input.relPath === 'a.txt')).toMatchObject({ status: 'analysed', bytes: 15, sha256: sha256(grown) });
    expect(await dataCounts()).toEqual({ a: 3 });
    // The case: "empty (0 bytes)" recorded with the discovered 5 bytes. Now the bytes read: 0.
    expect(inputs.find((input) => input.relPath === 'b.txt')).toMatchObject({ status: 'failed', bytes: 0, sha256: sha256('') });
  });
});

describe('item 3: an edited extraction cache entry', () => {
  it('is rebuilt, and the counts stay those of the PDF', async () => {
    const folder = await folderWith({ 'corpus/plan.pdf': textToPdf('Open data for the city.\n') });
    const cacheDir = path.join(folder, 'cache');
    const first = await analyse(folder, { cacheDir });
    expect(await first.dataCounts()).toEqual({ plan: 1 });
    const [entry] = await readdir(path.join(cacheDir, 'extract'));
    const entryPath = path.join(cacheDir, 'extract', entry!);
    const stored = JSON.parse(await readFile(entryPath, 'utf8')) as { text: string; pages: Array<{ end: number }> };
    // The attack of the issue: more "data" in the cached text (page end moved along, so the entry stays well-formed).
    const edited = stored.text.replace('Open data', 'Open data data data data data');
    stored.pages[stored.pages.length - 1]!.end += edited.length - stored.text.length;
    await writeFile(entryPath, JSON.stringify({ ...stored, text: edited }));
    const second = await analyse(folder, { cacheDir });
    expect(second.outcome.exitCode).toBe(0);
    expect(await second.dataCounts()).toEqual({ plan: 1 });
    expect((JSON.parse(await readFile(entryPath, 'utf8')) as { text: string }).text).toBe(stored.text); // rebuilt
  });
});

/** Every file under `folder` with its content, for before/after comparisons. */
async function contents(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(folder)).sort()) files[name] = await readFile(path.join(folder, name), 'utf8');
  return files;
}

const basicCorpus = { 'corpus/a.txt': 'Big data and green goals.\n', 'corpus/b.txt': 'More data.\n' };

describe('item 2: only files the previous manifest proves policycoder wrote are replaced or removed', () => {
  it('a file the user listed in manifest.json outputs (the issue: thesis.docx was deleted) is kept', async () => {
    const folder = await folderWith(basicCorpus);
    const first = await analyse(folder);
    expect(first.outcome.exitCode).toBe(0);
    await writeFile(path.join(first.outDir, 'thesis.docx'), 'my thesis');
    await mkdir(path.join(first.outDir, 'figures'));
    const manifestPath = path.join(first.outDir, 'manifest.json');
    const edited = JSON.parse(await readFile(manifestPath, 'utf8'));
    edited.outputs.push('thesis.docx', 'figures');
    edited.outputSha256.figures = sha256('');
    await writeFile(manifestPath, JSON.stringify(edited));
    const second = await analyse(folder);
    expect(second.outcome.exitCode).toBe(0);
    expect(await readFile(path.join(first.outDir, 'thesis.docx'), 'utf8')).toBe('my thesis');
    expect((await readdir(first.outDir)).includes('figures')).toBe(true);
  });

  it('records the sha256 of every report it writes', async () => {
    const folder = await folderWith(basicCorpus);
    const { manifest, outDir } = await analyse(folder);
    const recorded = (await manifest()).outputSha256!;
    const written = (await readdir(outDir)).filter((name) => name !== 'manifest.json').sort();
    expect(Object.keys(recorded)).toEqual(written);
    for (const name of written)
      expect(recorded[name], name).toBe(
        createHash('sha256')
          .update(await readFile(path.join(outDir, name)))
          .digest('hex'),
      );
  });

  it('the check before analysing knows every report analyze writes (report.html too: it is written for any corpus size)', async () => {
    const { outcome } = await analyse(await folderWith(basicCorpus));
    expect(outcome.outputs.filter((name) => name !== 'manifest.json')).toEqual([...ANALYZE_OUTPUTS]);
  });

  it('with --compare-by, a comparisons.csv policycoder did not write is not overwritten either', async () => {
    const folder = await folderWith(basicCorpus);
    const { outDir } = await analyse(folder);
    await writeFile(path.join(outDir, 'comparisons.csv'), 'my own table\n');
    const second = await analyse(folder, { compareBy: { field: 'id' } });
    expect(second.outcome.exitCode).toBe(2);
    expect(second.outcome.diagnostics).toMatchObject([{ rule: 'usage/out-file-not-ours', file: path.join(outDir, 'comparisons.csv') }]);
    expect(await readFile(path.join(outDir, 'comparisons.csv'), 'utf8')).toBe('my own table\n');
  });

  it('a report changed by hand since is not overwritten: the run stops before analysing (exit 2)', async () => {
    const folder = await folderWith({ ...basicCorpus, 'corpus/empty.txt': '' });
    const { outDir } = await analyse(folder);
    await writeFile(path.join(outDir, 'report.md'), '# my edited report\n');
    const before = await contents(outDir);
    const second = await analyse(folder);
    expect(second.outcome.exitCode).toBe(2);
    // Only the refusal: empty.txt (an ingest/empty error when analysed) was not reached.
    expect(second.outcome.diagnostics).toMatchObject([{ rule: 'usage/out-file-not-ours', file: path.join(outDir, 'report.md') }]);
    expect(second.outcome.diagnostics[0]!.hint).toContain('move report.md out of');
    expect(await contents(outDir)).toEqual(before);
  });
});

describe('item 12: an --out that cannot be written', () => {
  it('a write failure in the report phase (ENOSPC, injected) is a clear error; the previous reports stay whole', async () => {
    const folder = await folderWith(basicCorpus);
    const { outDir } = await analyse(folder);
    const before = await contents(outDir);
    await writeFile(path.join(folder, 'corpus/c.txt'), 'New data.\n');
    process.env.POLICYCODER_TEST_FAULT = 'write-error:ENOSPC';
    try {
      const failed = await analyse(folder);
      expect(failed.outcome.exitCode).toBe(2);
      const [error] = failed.outcome.diagnostics.filter((d) => d.severity === 'error');
      expect(error).toMatchObject({ rule: 'report/write-failed', file: outDir, message: expect.stringContaining('the disk is full (ENOSPC)') });
      expect(error!.message).toContain('the reports already there are unchanged');
    } finally {
      delete process.env.POLICYCODER_TEST_FAULT;
    }
    expect(await contents(outDir)).toEqual(before);
    expect(await readdir(folder)).toEqual(['corpus', 'out']);
  });
});
