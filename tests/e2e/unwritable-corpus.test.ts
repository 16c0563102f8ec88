/**
 * `add` into a corpus on a read-only file system or a full disk, and `export --qdpx` into a
 * read-only --out: a plain error naming the path and the reason, exit 2, nothing half-written.
 * Real tmpfs mounts (root, where mounting is allowed; skipped with a message otherwise).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/run-cli.ts';

const basic = path.join(repoRoot, 'tests/e2e/cases/basic');
const mounts: string[] = [];
let root = '';
let readOnly = '';
let full = '';

function mountTmpfs(folder: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', folder], { stdio: 'ignore' });
    mounts.push(folder);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'policycoder-unwritable-corpus-'));
  readOnly = path.join(root, 'ro');
  full = path.join(root, 'full');
  await mkdir(readOnly);
  await mkdir(full);
  if (process.getuid?.() !== 0 || !mountTmpfs(readOnly, '1m') || !mountTmpfs(full, '64k')) {
    console.warn('Skipping the read-only and full-disk add/export tests: mounting a tmpfs needs root and is not allowed here.');
    return;
  }
  // The read-only corpus holds one registered document; then the file system goes read-only.
  await mkdir(path.join(readOnly, 'corpus'));
  await writeFile(path.join(readOnly, 'corpus/a.txt'), 'Citizens took part in planning the new park.\n');
  await writeFile(path.join(readOnly, 'corpus/corpus.yaml'), 'documents:\n  - file: a.txt\n    id: a\n');
  await mkdir(path.join(readOnly, 'out'));
  execFileSync('mount', ['-o', 'remount,ro', readOnly], { stdio: 'ignore' });
  await mkdir(path.join(full, 'corpus'));
});
afterAll(async () => {
  for (const folder of mounts.reverse()) execFileSync('umount', [folder]);
  await rm(root, { recursive: true, force: true });
});

const mounted = () => mounts.length === 2;

function expectPlainError(stderr: string): void {
  expect(stderr).not.toContain('internal error');
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('writing into a read-only or full corpus (spawned CLI, tmpfs)', () => {
  it('add FILE into a read-only corpus: exit 2, the path and "read-only" named', async (context) => {
    if (!mounted()) return context.skip();
    const document = path.join(root, 'b.txt');
    await writeFile(document, 'The public was consulted.\n');
    const run = await runCli(['add', document, '--corpus', path.join(readOnly, 'corpus')]);
    expectPlainError(run.stderr);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /error: Cannot write .*ro\/corpus\/b\.txt: the file system is read-only\. Nothing was added for this file\..*\[add\/write-failed\]/,
    );
  });

  it('add FILE onto a full disk: exit 2, no partial copy, corpus.yaml untouched', async (context) => {
    if (!mounted()) return context.skip();
    const big = path.join(root, 'big.txt');
    await writeFile(big, 'Citizens took part in planning. '.repeat(4000)); // 128,000 bytes > the 64 KB disk
    const corpus = path.join(full, 'corpus');
    const run = await runCli(['add', big, '--corpus', corpus]);
    expectPlainError(run.stderr);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Cannot write .*big\.txt: the disk is full\./);
    expect(await readdir(corpus)).toEqual([]);
  });

  it('add TABLE onto a full disk: exit 2, none of the rows written', async (context) => {
    if (!mounted()) return context.skip();
    const table = path.join(root, 'rows.csv');
    const text = 'Citizens took part in planning. '.repeat(600); // 19,200 bytes per row: the fourth does not fit
    await writeFile(table, `id,text\n${['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => `${id},Row ${id}. ${text}`).join('\n')}\n`);
    const corpus = path.join(full, 'corpus');
    const run = await runCli(['add', table, '--text-column', 'text', '--id-column', 'id', '--corpus', corpus]);
    expectPlainError(run.stderr);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Cannot write .*: the disk is full\. No document was added\./);
    expect(await readdir(corpus)).not.toContain('corpus.yaml');
    expect(await readdir(path.join(corpus, 'rows')).catch(() => [])).toEqual([]);
  });

  it('export --qdpx --out on a read-only file system: exit 2, the path named', async (context) => {
    if (!mounted()) return context.skip();
    const run = await runCli([
      'export',
      '--qdpx',
      '--corpus',
      path.join(basic, 'corpus'),
      '--codebook',
      path.join(basic, 'codebook.yaml'),
      '--out',
      path.join(readOnly, 'out'),
      '--no-cache',
    ]);
    expectPlainError(run.stderr);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Cannot write .*ro\/out\/.*: the file system is read-only\..*\[export\/write-failed\]/);
    expect(await readFile(path.join(readOnly, 'corpus/corpus.yaml'), 'utf8')).toBe('documents:\n  - file: a.txt\n    id: a\n');
  });
});

describe('add after an add that was killed (spawned CLI)', () => {
  it('a copy left without its corpus.yaml entry is registered, not called a duplicate; stale corpus.yaml.tmp files of dead processes go', async () => {
    // The state a kill leaves between the copy and the rename of corpus.yaml (as the tester found it).
    const corpus = path.join(root, 'killed-corpus');
    const incoming = path.join(root, 'incoming');
    await mkdir(path.join(corpus, 'city'), { recursive: true });
    await mkdir(incoming, { recursive: true });
    const text = '南宁市推进智慧城市建设，广泛听取市民意见。\n';
    await writeFile(path.join(corpus, 'a.txt'), 'Citizens took part in planning the new park.\n');
    await writeFile(path.join(corpus, 'corpus.yaml'), 'documents:\n  - file: a.txt\n    id: a\n');
    await writeFile(path.join(incoming, '南宁.txt'), text);
    await writeFile(path.join(incoming, '柳州.txt'), '柳州市公开征求意见。\n');
    await writeFile(path.join(corpus, 'city/南宁.txt'), text);
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const stale = `corpus.yaml.tmp-${dead}`;
    await writeFile(path.join(corpus, stale), 'documents:\n  - file: a.txt\n');
    const run = await runCli(['add', path.join(incoming, '南宁.txt'), path.join(incoming, '柳州.txt'), '--to', 'city', '--corpus', corpus, '--no-cache']);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`removed ${stale}, left by an add that was interrupted`);
    expect(run.stdout).toContain('registered (already copied by an earlier add that was interrupted) city/南宁.txt as "南宁"');
    expect(run.stdout).toContain('copied and registered city/柳州.txt as "柳州"');
    const yaml = await readFile(path.join(corpus, 'corpus.yaml'), 'utf8');
    expect(yaml).toContain('- file: city/南宁.txt');
    expect(yaml).toContain('- file: city/柳州.txt');
    expect((await readdir(corpus)).sort()).toEqual(['a.txt', 'city', 'corpus.yaml']);
    // Run again: now both are really there.
    const again = await runCli(['add', path.join(incoming, '南宁.txt'), '--to', 'city', '--corpus', corpus, '--no-cache']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[add/duplicate-content]');
  });
});
