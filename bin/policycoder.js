#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `npm run build`, which `npm ci` runs as `prepare`).
// When dist/ is missing or older than src/ (while editing the TypeScript) it is rebuilt first;
// if esbuild is not available, the TypeScript runs through tsx's loader instead (slower start).
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { isStale, build } from '../scripts/build.mjs';

// Node's default heap (~4 GB) is too small for the evidence of a big corpus coded with a large
// codebook: commands that read documents run in a child with up to 3/4 of the machine's memory.
const args = process.argv.slice(2);
const quick = args.length === 0 || args.some((arg) => ['--help', '-h', '--version', '-v', 'help'].includes(arg));
const heapMb = Math.floor((totalmem() / 1024 / 1024) * 0.75);
const limited = !/--max-old-space-size/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`);
if (!quick && limited && process.env.POLICYCODER_CHILD !== '1' && getHeapStatistics().heap_size_limit / 1024 / 1024 < heapMb * 0.9) {
  // The IPC channel is the child's lifeline: it closes when this process dies in any way (even
  // SIGKILL, which cannot be forwarded), and the child then stops instead of running on alone.
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, ...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, POLICYCODER_CHILD: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
} else {
  if (process.env.POLICYCODER_CHILD === '1' && process.channel) stopWithParent();
  let compiled = true;
  if (isStale()) {
    try {
      await build();
    } catch {
      compiled = false;
    }
  }
  if (compiled) {
    await import('../dist/cli.js');
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import('../src/cli.ts');
  }
}

/** In the re-launched child: when the parent's end of the IPC channel closes (the parent died), stop as if killed. */
function stopWithParent() {
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  process.channel.unref(); // the channel alone must not keep the child running once its work is done
}
