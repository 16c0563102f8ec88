/**
 * Issue 14, item 10: bin/policycoder.js re-launches itself as a child with a larger heap; killing
 * the parent must stop the child too, whether the signal can be forwarded (SIGTERM) or not (SIGKILL).
 * The child is kept alive by a preloaded script (tests/support/hold-child.mjs), as a long run would.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run-cli.ts';

const basic = path.join(repoRoot, 'tests/e2e/cases/basic');
const cleanups: Array<() => Promise<void>> = [];
// bin/policycoder.js re-launches only when Node's default heap is under 90% of 3/4 of the memory.
const relaunches = getHeapStatistics().heap_size_limit < totalmem() * 0.75 * 0.9;
if (!relaunches) console.warn('Skipping the child-process tests: on this machine bin/policycoder.js runs without re-launching itself.');

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Starts `policycoder analyze` and resolves once the re-launched child has started, with both processes. */
async function startRun() {
  const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-child-'));
  const pidFile = path.join(folder, 'child.pid');
  const preload = pathToFileURL(path.join(repoRoot, 'tests/support/hold-child.mjs')).href;
  const args = [
    'analyze',
    '--corpus',
    path.join(basic, 'corpus'),
    '--codebook',
    path.join(basic, 'codebook.yaml'),
    '--out',
    path.join(folder, 'out'),
    '--no-cache',
  ];
  const parent = spawn(process.execPath, [path.join(repoRoot, 'bin/policycoder.js'), ...args], {
    stdio: 'ignore',
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`, POLICYCODER_TEST_PID_FILE: pidFile },
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    parent.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let child = 0;
  cleanups.push(async () => {
    for (const pid of [parent.pid!, child]) if (pid && isRunning(pid)) process.kill(pid, 'SIGKILL');
    await rm(folder, { recursive: true, force: true });
  });
  await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8') !== '', 20_000);
  child = Number(readFileSync(pidFile, 'utf8'));
  return { parent, child, exited };
}

/** Alive and not a zombie (a child whose parent died is reaped by init, which in a container may never happen). */
function isRunning(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    if (existsSync('/proc/self/stat')) return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe.skipIf(!relaunches)('the re-launched child', () => {
  it('is a process of its own, still running while the parent waits', async () => {
    const { parent, child } = await startRun();
    expect(child).not.toBe(parent.pid);
    expect(isRunning(child)).toBe(true);
  });

  it('stops when the parent gets SIGTERM (forwarded), and the parent dies of it', async () => {
    const { parent, child, exited } = await startRun();
    parent.kill('SIGTERM');
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await waitFor(() => !isRunning(child), 10_000)).toBe(true);
  });

  it('stops when the parent is killed with SIGKILL (which cannot be forwarded)', async () => {
    const { parent, child, exited } = await startRun();
    parent.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    // Well under a second on a quiet machine; the margin is for a machine loaded by other work.
    expect(await waitFor(() => !isRunning(child), 45_000)).toBe(true);
  }, 90_000);
});
