/**
 * Issue 14, item 12, with the real CLI: an --out that is read-only, not writable for the user, or on
 * a full disk. Checked before analysing where it can be (exit 2, the folder named, how to fix it);
 * a write that fails in the report phase is a plain error too, never "internal error" with a stack
 * trace, and the previous reports stay whole. A real full disk and a read-only file system are small
 * tmpfs mounts (run as root where mounting is allowed; skipped otherwise), the unwritable folder is
 * tried as user nobody (root only), and ENOSPC is also injected (POLICYCODER_TEST_FAULT).
 */
import { execFileSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/run-cli.ts';

const basic = path.join(repoRoot, 'tests/e2e/cases/basic');
const isRoot = process.getuid?.() === 0;
let root: string;
let corpus: string;
let mountPoint: string;
let mounted = false;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'policycoder-unwritable-'));
  await chmod(root, 0o755);
  corpus = path.join(root, 'corpus');
  await cp(path.join(basic, 'corpus'), corpus, { recursive: true });
  // An empty document: an ingest/empty error on stderr whenever the corpus is analysed.
  await writeFile(path.join(corpus, 'empty.txt'), '');
  mountPoint = path.join(root, 'disk');
  await mkdir(mountPoint);
  if (isRoot) {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint], { stdio: 'ignore' });
      mounted = true;
    } catch {
      console.warn('Skipping the tmpfs tests (a real full disk, a read-only file system): mounting a tmpfs is not allowed here.');
    }
  } else console.warn('Skipping the tmpfs and user-nobody tests: they need root.');
});
afterAll(async () => {
  if (mounted) execFileSync('umount', [mountPoint]);
  await rm(root, { recursive: true, force: true });
});

function analyze(outDir: string, options: { env?: NodeJS.ProcessEnv; uid?: number } = {}) {
  const args = ['analyze', '--corpus', corpus, '--codebook', path.join(basic, 'codebook.yaml'), '--out', outDir, '--no-cache', '--quiet'];
  if (options.uid === undefined) return runCli(args, options.env === undefined ? {} : { env: options.env });
  return new Promise<{ code: number; stderr: string }>((resolve) => {
    try {
      execFileSync(process.execPath, [path.join(repoRoot, 'bin/policycoder.js'), ...args], { uid: options.uid, gid: options.uid, cwd: root, stdio: 'pipe' });
      resolve({ code: 0, stderr: '' });
    } catch (error) {
      const failure = error as { status: number; stderr: Buffer };
      resolve({ code: failure.status, stderr: failure.stderr.toString() });
    }
  });
}

async function contents(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(folder)).sort()) files[name] = await readFile(path.join(folder, name), 'utf8');
  return files;
}

/** No "internal error", no stack trace line. */
function expectPlainError(stderr: string): void {
  expect(stderr).not.toContain('internal error');
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('an --out that cannot take the reports', () => {
  it('a write failure in the report phase (ENOSPC, injected): exit 2, a plain message, the old reports whole', async () => {
    const outDir = path.join(root, 'injected');
    expect((await analyze(outDir)).code).toBe(1); // empty.txt failed; the reports were written
    const before = await contents(outDir);
    const failed = await analyze(outDir, { env: { ...process.env, POLICYCODER_TEST_FAULT: 'write-error:ENOSPC' } });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(
      /injected: error: Could not write the reports into .*injected: the disk is full \(ENOSPC\)\. .*\[report\/write-failed\]\n {2}hint: free some space/,
    );
    expectPlainError(failed.stderr);
    expect(await contents(outDir)).toEqual(before);
  });

  it.skipIf(!isRoot)('a folder the user may not write into: refused before analysing, naming the folder and the fix', async () => {
    const outDir = path.join(root, 'locked');
    await mkdir(outDir, { mode: 0o555 });
    const refused = await analyze(outDir, { uid: 65534 });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /locked: error: Cannot write the reports into .*locked: the folder cannot be written: permission denied \(EACCES\)\. \[usage\/out-not-writable\]/,
    );
    expect(refused.stderr).toMatch(/hint: make .*locked writable for you/);
    expect(refused.stderr).not.toContain('ingest/empty'); // nothing was analysed
    expectPlainError(refused.stderr);
  });

  it('a full disk (tmpfs of 256 KiB): the write fails with a plain message and the previous reports stay whole', async (context) => {
    if (!mounted) context.skip();
    const outDir = path.join(mountPoint, 'out');
    expect((await analyze(outDir)).code).toBe(1);
    const before = await contents(outDir);
    // Fill the disk up to about 16 KiB: room for the check before analysing, not for ~110 KB of reports.
    const free = () => Number(execFileSync('df', ['--output=avail', '-B1', mountPoint]).toString().split('\n')[1]);
    await writeFile(path.join(mountPoint, 'filler'), Buffer.alloc(Math.max(0, free() - 16 * 1024)));
    const failed = await analyze(outDir);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/error: Could not write the reports into .*: the disk is full \(ENOSPC\)\. .*\[report\/write-failed\]/);
    expectPlainError(failed.stderr);
    expect(await contents(outDir)).toEqual(before);
    expect((await readdir(mountPoint)).sort()).toEqual(['filler', 'out']);
    // Completely full: said before analysing.
    await writeFile(path.join(mountPoint, 'filler2'), Buffer.alloc(free())).catch(() => undefined);
    const full = await analyze(outDir);
    expect(full.code).toBe(2);
    expect(full.stderr).toMatch(/the folder cannot be written: the disk is full \(ENOSPC\)\. \[usage\/out-not-writable\]/);
    expect(full.stderr).not.toContain('ingest/empty');
    for (const name of ['filler', 'filler2', 'out']) await rm(path.join(mountPoint, name), { recursive: true, force: true });
  });

  it('a read-only file system: refused before analysing (EROFS)', async (context) => {
    if (!mounted) context.skip();
    const outDir = path.join(mountPoint, 'ro');
    const first = await analyze(outDir);
    expect(first.code, first.stderr).toBe(1);
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    try {
      const refused = await analyze(outDir);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /ro: error: Cannot write the reports into .*: the file system is read-only \(EROFS\)\. \[usage\/out-not-writable\]\n {2}hint: choose an --out on a writable disk/,
      );
      expect(refused.stderr).not.toContain('ingest/empty');
      expectPlainError(refused.stderr);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    }
  });
});
