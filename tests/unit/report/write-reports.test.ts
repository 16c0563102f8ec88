import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeReportFolder, writeReports } from '../../../src/report/write-reports.ts';

describe('writeReports', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'policycoder-write-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates the folder, writes every file and returns the names sorted', async () => {
    const outDir = path.join(root, 'nested', 'out');
    const written = await writeReports(outDir, { 'terms.csv': 'b\n', 'evolution.md': '# 智慧\n' });
    expect(written).toEqual(['evolution.md', 'terms.csv']);
    expect(await readFile(path.join(outDir, 'evolution.md'), 'utf8')).toBe('# 智慧\n');
    expect((await readdir(outDir)).sort()).toEqual(['evolution.md', 'terms.csv']); // no temporary files left
  });

  it('replaces an existing file', async () => {
    await writeFile(path.join(root, 'terms.csv'), 'old');
    await writeReports(root, { 'terms.csv': 'new' });
    expect(await readFile(path.join(root, 'terms.csv'), 'utf8')).toBe('new');
  });

  it.each(['../x', 'sub/x', 'sub\\x', '..', '', '.', 'a..b'])('refuses %j and writes nothing', async (name) => {
    const outDir = path.join(root, 'out');
    await expect(writeReports(outDir, { 'ok.csv': 'fine', [name]: 'escape' })).rejects.toThrow(/refusing file name/);
    await expect(readdir(outDir)).rejects.toThrow(); // not even created
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses an absolute path', async () => {
    await expect(writeReports(root, { [path.join(root, 'x')]: 'escape' })).rejects.toThrow(/refusing/);
  });

  it('leaves no staging folder beside the output folder', async () => {
    await writeReports(path.join(root, 'out'), { 'a.csv': 'a' });
    await writeReports(path.join(root, 'out'), { 'a.csv': 'b' });
    expect(await readdir(root)).toEqual(['out']);
  });

  it('a failure while writing keeps the previous reports whole and cleans up', async () => {
    const outDir = path.join(root, 'out');
    await writeReports(outDir, { 'a.csv': 'old a', 'b.csv': 'old b', 'manifest.json': '{"outputs":["a.csv","b.csv","manifest.json"]}' });
    const crashing = { 'a.csv': 'new a' } as Record<string, string>;
    Object.defineProperty(crashing, 'b.csv', {
      enumerable: true,
      get: () => {
        throw new Error('renderer crashed');
      },
    });
    await expect(writeReports(outDir, crashing)).rejects.toThrow('renderer crashed');
    expect(await readFile(path.join(outDir, 'a.csv'), 'utf8')).toBe('old a');
    expect(await readFile(path.join(outDir, 'b.csv'), 'utf8')).toBe('old b');
    expect(await readdir(root)).toEqual(['out']);
  });

  it('removes reports of the previous run that this run does not write, and nothing else', async () => {
    const outDir = path.join(root, 'out');
    await writeReports(outDir, { 'old.csv': 'x', 'keep.csv': 'x', 'manifest.json': '{"outputs":["keep.csv","manifest.json","old.csv","../escape"]}' });
    await writeFile(path.join(outDir, 'notes.txt'), 'mine');
    await writeReports(outDir, { 'keep.csv': 'y', 'manifest.json': '{"outputs":["keep.csv","manifest.json"]}' });
    expect((await readdir(outDir)).sort()).toEqual(['keep.csv', 'manifest.json', 'notes.txt']);
    expect(await readFile(path.join(outDir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('a write without a manifest (validate, export) adds its files and leaves the previous run whole', async () => {
    const outDir = path.join(root, 'out');
    const manifest = '{"outputs":["frequencies.csv","manifest.json"]}';
    await writeReports(outDir, { 'frequencies.csv': 'x', 'manifest.json': manifest });
    await writeReports(outDir, { 'validation.md': 'v' });
    expect((await readdir(outDir)).sort()).toEqual(['frequencies.csv', 'manifest.json', 'validation.md']);
    expect(await readFile(path.join(outDir, 'manifest.json'), 'utf8')).toBe(manifest);
  });

  it('creates folders readable by others as the umask allows, not private like mkdtemp', async () => {
    const outDir = path.join(root, 'shared');
    await writeReports(outDir, { 'a.csv': 'x' });
    expect((await stat(outDir)).mode & 0o777).toBe(0o777 & ~process.umask());
  });

  it('replaces an empty output folder whole', async () => {
    const outDir = path.join(root, 'out');
    await mkdir(outDir);
    await writeReports(outDir, { 'a.csv': 'a', 'manifest.json': '{}' });
    expect((await readdir(outDir)).sort()).toEqual(['a.csv', 'manifest.json']);
  });

  it('throws when the output path is a file, leaving it alone', async () => {
    const outFile = path.join(root, 'out');
    await writeFile(outFile, 'precious');
    await expect(writeReports(outFile, { 'a.csv': 'a' })).rejects.toThrow(/not a folder/);
    expect(await readFile(outFile, 'utf8')).toBe('precious');
    expect(await readdir(root)).toEqual(['out']);
  });

  describe('with reports written elsewhere at the same time', () => {
    async function elsewhere(outDir: string, files: Record<string, string>, fail = false) {
      const folder = await makeReportFolder(outDir);
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
      const cancelled: string[] = [];
      const finished = fail ? Promise.reject(new Error('disk full')) : Promise.resolve(folder);
      finished.catch(() => {});
      const cancel = async () => {
        cancelled.push(folder);
        await rm(folder, { recursive: true, force: true });
      };
      return { written: { names: Object.keys(files), finished, cancel }, cancelled };
    }

    it('moves them in beside its own files, lists them, and leaves no folder behind', async () => {
      const outDir = path.join(root, 'out');
      const { written } = await elsewhere(outDir, { 'evolution.md': '# e\n', 'evolution.csv': 'c\n' });
      expect(await writeReports(outDir, { 'terms.csv': 't\n', 'manifest.json': '{}' }, written)).toEqual([
        'evolution.csv',
        'evolution.md',
        'manifest.json',
        'terms.csv',
      ]);
      expect(await readFile(path.join(outDir, 'evolution.md'), 'utf8')).toBe('# e\n');
      expect(await readdir(root)).toEqual(['out']);
    });

    it('when they fail: cancels them, removes every temporary folder and leaves the previous reports whole', async () => {
      const outDir = path.join(root, 'out');
      await writeReports(outDir, { 'terms.csv': 'old\n', 'manifest.json': '{"outputs":["terms.csv","manifest.json"]}' });
      const { written, cancelled } = await elsewhere(outDir, { 'evolution.md': 'half' }, true);
      await expect(writeReports(outDir, { 'terms.csv': 'new\n', 'manifest.json': '{}' }, written)).rejects.toThrow(/disk full/);
      expect(cancelled).toHaveLength(1);
      expect(await readdir(root)).toEqual(['out']);
      expect(await readFile(path.join(outDir, 'terms.csv'), 'utf8')).toBe('old\n');
    });
  });
});
