import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeReports } from '../../../src/report/write-reports.ts';

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
});
