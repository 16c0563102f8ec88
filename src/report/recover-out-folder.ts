import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../types.ts';
import { completeMove, journalPath, readJournal } from './move-into-place.ts';
import { removeStaleLock } from './lock-out-folder.ts';
import { isRunning, parseWriterTag } from './writer-process.ts';

/**
 * Brings the output folder `outDir` back to one complete set of reports after a run that was killed
 * while writing: finishes or rolls back an interrupted move (`completeMove`), then removes the
 * temporary folders and files beside it (`.<name>.policycoder-tmp-*`, `-part-*`) whose writer no
 * longer runs. Files of a run still in progress are left alone. Returns a diagnostic when the folder
 * cannot be recovered now: another run is moving its reports in, or the journal is damaged.
 */
export async function recoverOutFolder(outDir: string): Promise<Diagnostic | undefined> {
  const target = path.resolve(outDir);
  let journal: Awaited<ReturnType<typeof readJournal>>;
  try {
    journal = await readJournal(target);
  } catch (error) {
    return {
      severity: 'error',
      rule: 'usage/out-journal-damaged',
      message: `The record of an interrupted report update beside ${outDir} cannot be read (${(error as Error).message}), so it is unclear which reports in it are complete.`,
      file: journalPath(target),
      hint: `check the reports in ${outDir}, delete ${journalPath(target)} and run again`,
    };
  }
  if (journal) {
    if (isRunning(journal.writer) && journal.writer.pid !== process.pid) {
      return {
        severity: 'error',
        rule: 'usage/out-busy',
        message: `Another policycoder run (process ${journal.writer.pid}) is moving its reports into ${outDir} right now.`,
        file: outDir,
        hint: 'wait until it has finished, or choose another --out',
      };
    }
    await completeMove(target, journal);
  }
  await removeLeftovers(target);
  await removeStaleLock(target);
  return undefined;
}

/** Temporary folders and files of `target` whose writer has gone (or, written by older versions, name none). */
async function removeLeftovers(target: string): Promise<void> {
  const parent = path.dirname(target);
  const prefixes = ['tmp', 'part'].map((kind) => `.${path.basename(target)}.policycoder-${kind}-`);
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const prefix = prefixes.find((candidate) => name.startsWith(candidate));
    if (!prefix) continue;
    const writer = parseWriterTag(name.slice(prefix.length));
    if (writer && isRunning(writer)) continue;
    await rm(path.join(parent, name), { recursive: true, force: true });
  }
}
