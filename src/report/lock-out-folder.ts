import { link, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { temporaryPrefix } from './move-into-place.ts';
import { OutputFolderError } from './output-folder-error.ts';
import { isRunning, thisWriter, writerTag, type WriterProcess } from './writer-process.ts';

/** `.<name>.policycoder-lock` beside the output folder `target`: held by the run moving its reports in. */
export function lockPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.policycoder-lock`);
}

/**
 * Takes the output folder `target` for this run's move, so that two runs writing into one `--out`
 * never plan their moves from each other's half-moved files: the second gets `usage/out-busy`
 * while the first holds the lock. The lock file is made whole beside it and hard-linked into place
 * (link fails if the name exists), so it is never seen half-written; one left by a run that no
 * longer runs is taken over. Returns the function that releases it.
 */
export async function lockOutFolder(target: string, outDir: string): Promise<() => Promise<void>> {
  const file = lockPath(target);
  const writer = thisWriter();
  // Named like the run's temporary files, so that recovery removes it should the run be killed here.
  const draft = `${temporaryPrefix(target)}${writerTag(writer)}-lock-${randomBytes(3).toString('hex')}`;
  await writeFile(draft, `${JSON.stringify(writer)}\n`, { flag: 'wx' });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(draft, file);
        return () => unlink(file).catch(() => undefined);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      }
      const holder = await readHolder(file);
      if (holder && holder.pid !== process.pid && isRunning(holder)) throw busy(holder, outDir);
      await unlink(file).catch(() => undefined);
    }
  } finally {
    await rm(draft, { force: true });
  }
}

/** Removes a lock whose run no longer runs (a run killed while moving its reports in). */
export async function removeStaleLock(target: string): Promise<void> {
  const holder = await readHolder(lockPath(target));
  if (holder === null) return;
  if (holder === undefined || !isRunning(holder)) await unlink(lockPath(target)).catch(() => undefined);
}

/** The writer a lock names; undefined when it names none; null when there is no lock. */
async function readHolder(file: string): Promise<WriterProcess | undefined | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const writer = JSON.parse(text) as WriterProcess;
    return typeof writer.pid === 'number' ? writer : undefined;
  } catch {
    return undefined;
  }
}

function busy(holder: WriterProcess, outDir: string): OutputFolderError {
  return new OutputFolderError({
    severity: 'error',
    rule: 'usage/out-busy',
    message: `Another policycoder run (process ${holder.pid}) is moving its reports into ${outDir} right now; this run's reports were not written.`,
    file: outDir,
    hint: 'wait until it has finished and run again, or choose another --out',
  });
}
