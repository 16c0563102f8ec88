import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { lstat, mkdtemp, readFile, readdir, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { stepPoint } from './fault-point.ts';
import { OutputFolderError } from './output-folder-error.ts';
import { isProvenOutput, notOursDiagnostic, readPreviousOutputs } from './previous-outputs.ts';
import { thisWriter, writerTag, type WriterProcess } from './writer-process.ts';

const MANIFEST = 'manifest.json';

/**
 * The record of one move of reports into an output folder, written (atomically) before the first
 * file moves and removed after the last: while it exists, the folder is between two complete sets,
 * and `completeMove` knows how to get back to one of them.
 */
export interface MoveJournal {
  writer: WriterProcess;
  /** Folder (a name beside the output folder) holding the new reports not yet moved. */
  staging: string;
  /** Folder (a name beside the output folder) holding the old files moved out of the way. */
  backup: string;
  /** Every name the new set has. */
  names: string[];
}

/** `.<name>.policycoder-journal.json` beside the output folder `target`. */
export function journalPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.policycoder-journal.json`);
}

/** The prefix of every temporary folder or file of `target` (`.<name>.policycoder-tmp-`), followed by the writer's tag. */
export function temporaryPrefix(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.policycoder-tmp-`);
}

/**
 * Moves the reports in `staging` (all of `names`) into the existing folder `target`, so that a kill
 * at any moment leaves a journal from which `completeMove` restores either the old set or the new:
 * 1. checks what is in the way: a name being written may replace only a file the previous manifest
 *    proves policycoder wrote (its sha256; `ownsFolder`, analyze) or, for the other commands, a plain
 *    file; anything else stops the move before a file is touched (`usage/out-file-not-ours`);
 * 2. writes the journal;
 * 3. moves the old manifest, then the old files being replaced and the proven old reports this run
 *    does not write, into a backup folder beside `target`;
 * 4. moves the new reports in, manifest.json last: once `staging` is empty the new set is complete;
 * 5. removes the journal, then the backup (only ever proven files) and `staging`.
 * Renames within one file system are atomic; a failure in 3 or 4 rolls back to the old set and throws.
 */
export async function moveIntoPlace(target: string, staging: string, names: readonly string[], ownsFolder: boolean): Promise<void> {
  const { replaced, stale } = await planMove(target, names, ownsFolder);
  const writer = thisWriter();
  const backup = await mkdtemp(`${temporaryPrefix(target)}${writerTag(writer)}-`);
  const journal: MoveJournal = { writer, staging: path.basename(staging), backup: path.basename(backup), names: [...names] };
  try {
    await writeJournal(target, journal);
  } catch (error) {
    await rm(backup, { recursive: true, force: true });
    throw error;
  }
  try {
    const moveOut = [...replaced.filter((name) => name === MANIFEST), ...replaced.filter((name) => name !== MANIFEST), ...stale];
    for (const name of moveOut) {
      stepPoint();
      await rename(path.join(target, name), path.join(backup, name));
    }
    for (const name of [...names.filter((name) => name !== MANIFEST), ...names.filter((name) => name === MANIFEST)]) {
      stepPoint();
      await rename(path.join(staging, name), path.join(target, name));
    }
  } catch (error) {
    await completeMove(target, journal);
    throw error;
  }
  await completeMove(target, journal);
}

/** The names being written that exist now (to be moved out of the way), and the proven old reports not written again. */
async function planMove(target: string, names: readonly string[], ownsFolder: boolean): Promise<{ replaced: string[]; stale: string[] }> {
  const previous = ownsFolder ? await readPreviousOutputs(target) : undefined;
  const replaced: string[] = [];
  for (const name of names) {
    const info = await lstat(path.join(target, name)).catch(() => undefined);
    if (!info) continue;
    const mayReplace = !previous
      ? info.isFile() || info.isSymbolicLink()
      : name === MANIFEST
        ? previous.manifest && info.isFile()
        : await isProvenOutput(target, name, previous);
    if (!mayReplace) throw new OutputFolderError(await notOursDiagnostic(target, name, previous));
    replaced.push(name);
  }
  const stale: string[] = [];
  for (const name of previous?.sha256.keys() ?? []) {
    if (name !== MANIFEST && !names.includes(name) && (await isProvenOutput(target, name, previous!))) stale.push(name);
  }
  return { replaced, stale };
}

/**
 * Ends the move `journal` records, whatever step it stopped at (also when `completeMove` itself
 * was interrupted): while `staging` still holds a new report, the move had not finished, so the new
 * reports already moved go back into `staging` and the old files come back from the backup; once
 * `staging` is empty the new set is complete and stays. Then the journal is removed (the folder
 * holds one complete set again) and the two temporary folders after it. Returns which happened.
 */
export async function completeMove(target: string, journal: MoveJournal): Promise<'rolled-back' | 'completed'> {
  const parent = path.dirname(target);
  const staging = path.join(parent, journal.staging);
  const backup = path.join(parent, journal.backup);
  const waiting = await readdir(staging).catch(() => [] as string[]);
  const rollBack = waiting.length > 0;
  if (rollBack) {
    for (const name of journal.names) {
      if (waiting.includes(name) || !(await exists(path.join(target, name)))) continue;
      stepPoint();
      await rename(path.join(target, name), path.join(staging, name));
    }
    for (const name of await readdir(backup).catch(() => [] as string[])) {
      stepPoint();
      await rename(path.join(backup, name), path.join(target, name));
    }
  }
  stepPoint();
  await unlink(journalPath(target)).catch(ignoreMissing);
  stepPoint();
  await rm(backup, { recursive: true, force: true });
  stepPoint();
  await rm(staging, { recursive: true, force: true });
  return rollBack ? 'rolled-back' : 'completed';
}

/** The journal of an unfinished move into `target`, undefined when there is none; throws when it cannot be read. */
export async function readJournal(target: string): Promise<MoveJournal | undefined> {
  let text: string;
  try {
    text = await readFile(journalPath(target), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const journal = JSON.parse(text) as MoveJournal;
  const plain = (name: unknown) => typeof name === 'string' && name !== '' && !/[/\\\0]/.test(name) && name !== '.' && name !== '..';
  if (!plain(journal.staging) || !plain(journal.backup) || !Array.isArray(journal.names) || !journal.names.every(plain) || !journal.writer) {
    throw new Error(`unexpected content in ${journalPath(target)}`);
  }
  return journal;
}

/** Written to a temporary file, flushed and renamed: the journal is whole or absent, never half. */
async function writeJournal(target: string, journal: MoveJournal): Promise<void> {
  const temporary = `${temporaryPrefix(target)}${writerTag(journal.writer)}-journal-${randomBytes(3).toString('hex')}`;
  stepPoint();
  try {
    const fd = openSync(temporary, 'wx');
    try {
      writeSync(fd, `${JSON.stringify(journal)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    stepPoint();
    await rename(temporary, journalPath(target));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  return (await lstat(file).catch(() => undefined)) !== undefined;
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
