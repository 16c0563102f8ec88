/**
 * Issue 14, item 1, with the real CLI: `policycoder analyze` killed (SIGKILL, injected with
 * POLICYCODER_TEST_FAULT=kill-at-step:K) while it writes its reports over an earlier run's, then run
 * again: the second run recovers by itself (before, it refused the folder: usage/out-not-empty),
 * exits 0, and its reports are byte-identical to those of a run never interrupted, with nothing left
 * beside --out. tests/unit/report/kill-while-writing.test.ts kills at every step; here a few.
 */
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/run-cli.ts';

const basic = path.join(repoRoot, 'tests/e2e/cases/basic');
let root: string;
let reference: Record<string, string>;

async function analyze(outDir: string, fault?: string) {
  const args = ['analyze', '--corpus', path.join(basic, 'corpus'), '--codebook', path.join(basic, 'codebook.yaml'), '--out', outDir, '--no-cache', '--quiet'];
  return runCli(args, fault === undefined ? {} : { env: { ...process.env, POLICYCODER_TEST_FAULT: fault } });
}

/** Every report but manifest.json's wall-clock line. */
async function reports(outDir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(outDir)).sort()) files[name] = (await readFile(path.join(outDir, name), 'utf8')).replace(/"createdAt": "[^"]*"/, '');
  return files;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'policycoder-cli-kill-'));
  const outDir = path.join(root, 'reference');
  expect((await analyze(outDir)).code).toBe(0);
  reference = await reports(outDir);
}, 60_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('analyze killed while moving its reports into place', () => {
  // With R reports: R-1 written into the temporary folder (manifest.json last, unnumbered), the journal (2 steps),
  // R moved out, R moved in (manifest.json last), then 3 clean-ups.
  // Each with what --out and its folder hold right after the kill: a manifest or not, a journal or not.
  const points = (reportCount: number) => ({
    'while writing the temporary folder': { step: 2, manifest: true, journal: false },
    'while moving the old reports out': { step: reportCount - 1 + 2 + 3, manifest: false, journal: true },
    'while moving the new reports in': { step: reportCount - 1 + 2 + reportCount + 3, manifest: false, journal: true },
    'after the new manifest moved in': { step: reportCount - 1 + 2 + 2 * reportCount + 1, manifest: true, journal: true },
  });

  it.each(Object.keys(points(0)))(
    '%s: the next run recovers by itself',
    async (when) => {
      const folder = await mkdtemp(path.join(root, 'run-'));
      const outDir = path.join(folder, 'out');
      await cp(path.join(root, 'reference'), outDir, { recursive: true });
      const point = points(Object.keys(reference).length)[when as keyof ReturnType<typeof points>];
      const killed = await analyze(outDir, `kill-at-step:${point.step}`);
      expect(killed.code, killed.stderr).toBeNull(); // ended by a signal
      expect((await readdir(outDir)).includes('manifest.json')).toBe(point.manifest);
      expect((await readdir(folder)).includes('.out.policycoder-journal.json')).toBe(point.journal);
      expect((await readdir(folder)).some((name) => name.startsWith('.out.policycoder-tmp-'))).toBe(true);
      const again = await analyze(outDir);
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
      expect(await reports(outDir)).toEqual(reference);
      expect(await readdir(folder)).toEqual(['out']);
    },
    60_000,
  );
});
