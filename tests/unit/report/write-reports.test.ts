import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeReportFolder, writeReports } from '../../../src/report/write-reports.ts';

/** A policycoder manifest.json as analyze writes it: the outputs with the sha256 of each. */
const manifest = (outputSha256: Record<string, string>) =>
  `${JSON.stringify({ tool: { name: 'policycoder' }, outputs: [...Object.keys(outputSha256), 'manifest.json'].sort(), outputSha256 })}\n`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

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
    await writeReports(outDir, { 'a.csv': 'old a', 'b.csv': 'old b' }, undefined, manifest);
    const crashing = { 'a.csv': 'new a' } as Record<string, string>;
    Object.defineProperty(crashing, 'b.csv', {
      enumerable: true,
      get: () => {
        throw new Error('renderer crashed');
      },
    });
    await expect(writeReports(outDir, crashing, undefined, manifest)).rejects.toThrow('renderer crashed');
    expect(await readFile(path.join(outDir, 'a.csv'), 'utf8')).toBe('old a');
    expect(await readFile(path.join(outDir, 'b.csv'), 'utf8')).toBe('old b');
    expect(await readdir(root)).toEqual(['out']);
  });

  it('records the sha256 of every other report in manifest.json, as written', async () => {
    const outDir = path.join(root, 'out');
    await writeReports(outDir, { 'b.csv': 'bee\n', 'a.md': '# 智慧\n' }, undefined, manifest);
    expect(JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8')).outputSha256).toEqual({
      'a.md': sha256('# 智慧\n'),
      'b.csv': sha256('bee\n'),
    });
  });

  it('removes reports of the previous run that this run does not write, and nothing else', async () => {
    const outDir = path.join(root, 'out');
    await writeReports(outDir, { 'old.csv': 'x', 'keep.csv': 'x' }, undefined, manifest);
    await writeFile(path.join(outDir, 'notes.txt'), 'mine');
    await writeReports(outDir, { 'keep.csv': 'y' }, undefined, manifest);
    expect((await readdir(outDir)).sort()).toEqual(['keep.csv', 'manifest.json', 'notes.txt']);
    expect(await readFile(path.join(outDir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  describe('deletes only what the previous manifest proves policycoder wrote (issue 14, item 2)', () => {
    /** An output folder whose manifest.json is `text` (as someone edited it), beside a user's thesis.docx and report. */
    async function folderWithManifest(text: string): Promise<string> {
      const outDir = path.join(root, 'out');
      await mkdir(outDir);
      await writeFile(path.join(outDir, 'manifest.json'), text);
      await writeFile(path.join(outDir, 'thesis.docx'), 'my thesis');
      await writeFile(path.join(outDir, 'old.csv'), 'old report');
      return outDir;
    }

    it('keeps a file the manifest lists without its sha256 (the issue: thesis.docx was deleted)', async () => {
      const outDir = await folderWithManifest(JSON.stringify({ tool: { name: 'policycoder' }, outputs: ['manifest.json', 'old.csv', 'thesis.docx'] }));
      await writeReports(outDir, { 'new.csv': 'n' }, undefined, manifest);
      expect((await readdir(outDir)).sort()).toEqual(['manifest.json', 'new.csv', 'old.csv', 'thesis.docx']);
      expect(await readFile(path.join(outDir, 'thesis.docx'), 'utf8')).toBe('my thesis');
    });

    it('keeps a file whose content differs from the sha256 recorded, and removes the one that matches', async () => {
      const outDir = await folderWithManifest(manifest({ 'old.csv': sha256('old report'), 'thesis.docx': sha256('what policycoder wrote') }));
      await writeReports(outDir, { 'new.csv': 'n' }, undefined, manifest);
      expect((await readdir(outDir)).sort()).toEqual(['manifest.json', 'new.csv', 'thesis.docx']);
    });

    it('leaves a folder of a listed name alone, without crashing (was EISDIR)', async () => {
      const outDir = await folderWithManifest(manifest({ 'old.csv': sha256('old report'), 'data.csv': sha256('x') }));
      await mkdir(path.join(outDir, 'data.csv'));
      await writeFile(path.join(outDir, 'data.csv', 'inside.txt'), 'kept');
      await writeReports(outDir, { 'new.csv': 'n' }, undefined, manifest);
      expect(await readFile(path.join(outDir, 'data.csv', 'inside.txt'), 'utf8')).toBe('kept');
    });

    it.each([
      ['a changed report of a name this run writes', async (outDir: string) => writeFile(path.join(outDir, 'old.csv'), 'edited by hand')],
      ['a folder of that name', async (outDir: string) => rm(path.join(outDir, 'old.csv')).then(() => mkdir(path.join(outDir, 'old.csv')))],
      [
        'a link of that name to a file of the user',
        async (outDir: string) => rm(path.join(outDir, 'old.csv')).then(() => symlink(path.join(outDir, 'thesis.docx'), path.join(outDir, 'old.csv'))),
      ],
    ])('refuses to replace %s: nothing written, nothing removed', async (_name, spoil) => {
      const outDir = await folderWithManifest(manifest({ 'old.csv': sha256('old report') }));
      await spoil(outDir);
      const before = await snapshot(outDir);
      const failure = writeReports(outDir, { 'old.csv': 'new', 'new.csv': 'n' }, undefined, manifest);
      await expect(failure).rejects.toMatchObject({
        name: 'OutputFolderError',
        diagnostic: { rule: 'usage/out-file-not-ours', file: path.join(outDir, 'old.csv') },
      });
      expect(await snapshot(outDir)).toEqual(before);
      expect(await readdir(root)).toEqual(['out']);
    });

    it('refuses to replace reports an older version wrote (its manifest records no sha256)', async () => {
      const outDir = await folderWithManifest(JSON.stringify({ tool: { name: 'policycoder' }, outputs: ['manifest.json', 'old.csv'] }));
      await expect(writeReports(outDir, { 'old.csv': 'new' }, undefined, manifest)).rejects.toMatchObject({ diagnostic: { rule: 'usage/out-file-not-ours' } });
      expect(await readFile(path.join(outDir, 'old.csv'), 'utf8')).toBe('old report');
    });
  });

  it('a write without a manifest (validate, export) adds its files and leaves the previous run whole', async () => {
    const outDir = path.join(root, 'out');
    await writeReports(outDir, { 'frequencies.csv': 'x' }, undefined, manifest);
    const written = await readFile(path.join(outDir, 'manifest.json'), 'utf8');
    await writeReports(outDir, { 'validation.md': 'v' });
    await writeReports(outDir, { 'validation.md': 'v2' });
    expect((await readdir(outDir)).sort()).toEqual(['frequencies.csv', 'manifest.json', 'validation.md']);
    expect(await readFile(path.join(outDir, 'manifest.json'), 'utf8')).toBe(written);
    expect(await readFile(path.join(outDir, 'validation.md'), 'utf8')).toBe('v2');
  });

  it('a write without a manifest refuses a folder where it would write a file, instead of crashing', async () => {
    const outDir = path.join(root, 'out');
    await mkdir(path.join(outDir, 'validation.md'), { recursive: true });
    await expect(writeReports(outDir, { 'validation.md': 'v' })).rejects.toMatchObject({ diagnostic: { rule: 'usage/out-file-not-ours' } });
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
      expect(await writeReports(outDir, { 'terms.csv': 't\n' }, written, manifest)).toEqual(['evolution.csv', 'evolution.md', 'manifest.json', 'terms.csv']);
      expect(await readFile(path.join(outDir, 'evolution.md'), 'utf8')).toBe('# e\n');
      expect(JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8')).outputSha256).toMatchObject({ 'evolution.md': sha256('# e\n') });
      expect(await readdir(root)).toEqual(['out']);
    });

    it('when they fail: cancels them, removes every temporary folder and leaves the previous reports whole', async () => {
      const outDir = path.join(root, 'out');
      await writeReports(outDir, { 'terms.csv': 'old\n' }, undefined, manifest);
      const { written, cancelled } = await elsewhere(outDir, { 'evolution.md': 'half' }, true);
      await expect(writeReports(outDir, { 'terms.csv': 'new\n' }, written, manifest)).rejects.toThrow(/disk full/);
      expect(cancelled).toHaveLength(1);
      expect(await readdir(root)).toEqual(['out']);
      expect(await readFile(path.join(outDir, 'terms.csv'), 'utf8')).toBe('old\n');
    });
  });
});

/** Every path under `folder` with its content ('<folder>' for folders, '-> target' for links). */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    entries[path.relative(folder, full)] = entry.isDirectory() ? '<folder>' : entry.isSymbolicLink() ? '-> link' : await readFile(full, 'utf8');
  }
  return entries;
}
