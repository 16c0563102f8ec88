/**
 * Issue 14, item 1: a process killed (SIGKILL) at any step of moving reports into place, or of
 * recovering from such a kill, leaves the output folder recoverable: at every moment a manifest.json
 * in it means a complete set, and the next run restores exactly the previous set (killed before the
 * new manifest moved in) or the new one (after), removes every temporary folder, and never touches
 * the user's own files. Each kill is real: a child process (tests/support/write-reports-child.ts)
 * told by POLICYCODER_TEST_FAULT=kill-at-step:K to SIGKILL itself before its K-th step.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverOutFolder } from '../../../src/report/recover-out-folder.ts';
import { writeReports } from '../../../src/report/write-reports.ts';
import { manifestOf, reportSet } from '../../support/write-reports-child.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
let scratch: string;
let child: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'policycoder-kill-'));
  child = path.join(scratch, 'write-reports-child.mjs');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(repoRoot, 'tests/support/write-reports-child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
  });
}, 60_000);
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Runs the child; resolves with how it ended. */
function runChild(args: string[], killAtStep?: number): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const env = { ...process.env, ...(killAtStep === undefined ? {} : { POLICYCODER_TEST_FAULT: `kill-at-step:${killAtStep}` }) };
  return new Promise((resolve) => {
    const started = execFile(process.execPath, [child, ...args], { env }, (_error, _stdout, stderr) =>
      resolve({ code: started.exitCode, signal: started.signalCode, stderr }),
    );
  });
}

/** A folder `out` holding the old report set (written whole) and a file of the user's. */
async function previousRun(): Promise<{ root: string; outDir: string }> {
  const root = await mkdtemp(path.join(scratch, 'run-'));
  const outDir = path.join(root, 'out');
  await writeReports(outDir, reportSet('old'), undefined, manifestOf('old'));
  await writeFile(path.join(outDir, 'my-notes.txt'), 'mine\n');
  return { root, outDir };
}

/** The folder's files and contents, manifest.json included. */
async function contents(outDir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(outDir)).sort()) files[name] = await readFile(path.join(outDir, name), 'utf8');
  return files;
}

/** What the folder must hold after a complete write of `generation` (worked out from reportSet, not from a run). */
function expected(generation: 'old' | 'new'): Record<string, string> {
  const reports = reportSet(generation);
  return { ...reports, 'my-notes.txt': 'mine\n' };
}

/** The folder equals `expected(generation)` plus a manifest naming that generation. */
async function holds(outDir: string): Promise<'old' | 'new' | 'neither'> {
  const files = await contents(outDir);
  const manifest = files['manifest.json'];
  delete files['manifest.json'];
  for (const generation of ['old', 'new'] as const) {
    if (manifest !== undefined && JSON.parse(manifest).generation === generation && JSON.stringify(files) === JSON.stringify(sorted(expected(generation))))
      return generation;
  }
  return 'neither';
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every kill point of a write of the new set over the old, in order, with what the folder held after the next run's recovery. */
async function killEachStep(): Promise<Array<{ step: number; outcome: 'old' | 'new' }>> {
  const outcomes: Array<{ step: number; outcome: 'old' | 'new' }> = [];
  for (let step = 1; step < 100; step++) {
    const { root, outDir } = await previousRun();
    const run = await runChild(['write', outDir, 'new'], step);
    if (run.signal === null) {
      expect(run.code, run.stderr).toBe(0); // past the last step: the write finished
      expect(await holds(outDir)).toBe('new');
      expect(await readdir(root)).toEqual(['out']);
      break;
    }
    expect(run.signal).toBe('SIGKILL');
    // Right after the kill: a manifest.json there means a complete set; without one a journal says how to finish.
    const state = await holds(outDir);
    if (state === 'neither') expect((await readdir(outDir)).includes('manifest.json')).toBe(false);
    expect(await recoverOutFolder(outDir)).toBeUndefined();
    const outcome = await holds(outDir);
    expect(outcome, `killed at step ${step}`).not.toBe('neither');
    expect(await readdir(root), `killed at step ${step}: temporary files left`).toEqual(['out']);
    outcomes.push({ step, outcome: outcome as 'old' | 'new' });
  }
  return outcomes;
}

describe('killed while writing reports', () => {
  it('at every step: the next run finds the old set or the new one, never a mix, and no leftovers', async () => {
    const outcomes = await killEachStep();
    // 3 files written, journal (2), 4 moved out (manifest, a, b, only-old), 4 moved in (manifest last), 3 clean-ups.
    expect(outcomes).toHaveLength(16);
    // Old until the new manifest is in place (the 13th step), new from then on.
    expect(outcomes.map((o) => o.outcome)).toEqual([...Array(13).fill('old'), ...Array(3).fill('new')]);
  }, 120_000);

  it.each([
    ['while old files are moved out', 7, 'old'],
    ['while new files are moved in', 11, 'old'],
    ['after the new manifest moved in', 14, 'new'],
  ] as const)(
    'killed %s (step %i), and the recovery killed at each of its steps too: still %s',
    async (_when, step, outcome) => {
      for (let recoveryStep = 1; recoveryStep < 100; recoveryStep++) {
        const { root, outDir } = await previousRun();
        expect((await runChild(['write', outDir, 'new'], step)).signal).toBe('SIGKILL');
        const recovery = await runChild(['recover', outDir], recoveryStep);
        if (recovery.signal === null) {
          expect(recovery.code, recovery.stderr).toBe(0);
          expect(await holds(outDir)).toBe(outcome);
          expect(await readdir(root)).toEqual(['out']);
          expect(recoveryStep).toBeGreaterThan(3); // the recovery had steps to kill
          break;
        }
        expect(recovery.signal).toBe('SIGKILL');
        expect(await recoverOutFolder(outDir)).toBeUndefined();
        expect(await holds(outDir), `write killed at ${step}, recovery at ${recoveryStep}`).toBe(outcome);
        expect(await readdir(root)).toEqual(['out']);
      }
    },
    120_000,
  );

  it('a run killed while writing into an empty folder leaves it empty, without leftovers, after recovery', async () => {
    const root = await mkdtemp(path.join(scratch, 'fresh-'));
    const outDir = path.join(root, 'out');
    await mkdir(outDir);
    expect((await runChild(['write', outDir, 'new'], 2)).signal).toBe('SIGKILL');
    expect(await recoverOutFolder(outDir)).toBeUndefined();
    expect(await readdir(root)).toEqual(['out']);
    expect(await readdir(outDir)).toEqual([]);
  });
});
