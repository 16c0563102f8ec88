import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockPath } from '../../../src/report/lock-out-folder.ts';
import { writeReports } from '../../../src/report/write-reports.ts';

/** The start time /proc gives a process (field 22), as writer-process records it. */
async function startedOf(pid: number): Promise<string> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat === '' ? '' : (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '');
}

// Issue 14, round three: of two runs into one --out, the loser sometimes got usage/out-file-not-ours
// (it planned its move from the other's half-moved files) instead of usage/out-busy.
describe('the output folder lock', () => {
  let root: string;
  let other: ChildProcess | undefined;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'policycoder-lock-'));
  });
  afterEach(async () => {
    other?.kill();
    other = undefined;
    await rm(root, { recursive: true, force: true });
  });

  it('while another running process holds it, the run stops with usage/out-busy and the reports there stay', async () => {
    const outDir = path.join(root, 'out');
    await writeReports(outDir, { 'terms.csv': 'old\n' });
    other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const pid = other.pid!;
    await writeFile(lockPath(outDir), `${JSON.stringify({ pid, started: await startedOf(pid) })}\n`);
    await expect(writeReports(outDir, { 'terms.csv': 'new\n' })).rejects.toMatchObject({
      diagnostic: { rule: 'usage/out-busy', message: expect.stringContaining(`process ${pid}`) },
    });
    expect(await readFile(path.join(outDir, 'terms.csv'), 'utf8')).toBe('old\n');
    // Nothing of this run is left beside the folder: only the other run's lock.
    expect((await readdir(root)).sort()).toEqual(['.out.policycoder-lock', 'out']);
  });

  it('a lock left by a run that no longer runs is taken over, and released after the move', async () => {
    const outDir = path.join(root, 'out');
    await writeReports(outDir, { 'terms.csv': 'old\n' });
    const gone = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((resolve) => gone.on('exit', resolve));
    await writeFile(lockPath(outDir), `${JSON.stringify({ pid: gone.pid, started: '1' })}\n`);
    await writeReports(outDir, { 'terms.csv': 'new\n' });
    expect(await readFile(path.join(outDir, 'terms.csv'), 'utf8')).toBe('new\n');
    expect(await readdir(root)).toEqual(['out']);
  });
});
