import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ReportPiece } from './join-pieces.ts';
import { stepPoint, writePoint } from './fault-point.ts';
import { journalPath, moveIntoPlace, temporaryPrefix } from './move-into-place.ts';
import { OutputFolderError, toWriteFailure } from './output-folder-error.ts';
import { hashFile } from './previous-outputs.ts';
import { lockOutFolder } from './lock-out-folder.ts';
import { recoverOutFolder } from './recover-out-folder.ts';
import { thisWriter, writerTag } from './writer-process.ts';

/** Written last, with the sha256 of every other report: a folder with a manifest has a complete set of reports. */
const MANIFEST = 'manifest.json';

/** Makes manifest.json once the other reports are written, given the sha256 of each (`outputSha256`). */
export type ManifestMaker = (outputSha256: Record<string, string>) => string;

/**
 * Writes the reports into `outDir` so that a crash or a kill at any moment leaves either the
 * previous complete set or the new one, and never deletes a file policycoder did not write:
 * 1. an interrupted earlier write is completed or rolled back first (`recoverOutFolder`);
 * 2. every file is written into a fresh hidden folder beside `outDir` (`.<name>.policycoder-tmp-*`,
 *    same file system, so moves are atomic renames), its sha256 taken as it is written; `manifest`,
 *    given those, makes manifest.json;
 * 3. a missing or empty `outDir` is replaced by that folder in one rename;
 * 4. otherwise the files move in under a journal (`moveIntoPlace`): with a manifest (analyze), the
 *    run owns the folder's report set and replaces or removes only files whose sha256 the previous
 *    manifest recorded; without one (validate), its files are added beside the others.
 * A file given as pieces (an iterable) is written piece after piece, each made as it is written (one
 * string may not hold a huge report); small text pieces are joined into writes of about 64K
 * characters. Reports written `elsewhere` at the same time (another thread) are moved into the
 * temporary folder once finished. On failure the temporary folder is removed and the `elsewhere`
 * writing cancelled; a full disk, a read-only or unwritable folder, or a file in the way throws an
 * `OutputFolderError` that names the folder and the fix. Returns the written names sorted. Names must
 * be plain file names: one that is empty, `.` or contains `/`, `\`, `..` or NUL is a bug in the
 * caller and throws before anything is written, so nothing lands outside `outDir`.
 */
export async function writeReports(
  outDir: string,
  files: Record<string, string | Iterable<ReportPiece>>,
  elsewhere?: ReportsWrittenElsewhere,
  manifest?: ManifestMaker,
): Promise<string[]> {
  try {
    return await writeInto(outDir, files, elsewhere, manifest);
  } catch (error) {
    await elsewhere?.cancel();
    throw toWriteFailure(error, outDir) ?? error;
  }
}

async function writeInto(
  outDir: string,
  files: Record<string, string | Iterable<ReportPiece>>,
  elsewhere: ReportsWrittenElsewhere | undefined,
  manifest: ManifestMaker | undefined,
): Promise<string[]> {
  const names = [...Object.keys(files), ...(elsewhere?.names ?? []), ...(manifest ? [MANIFEST] : [])].sort(compareNames);
  for (const name of names) assertReportName(name);
  if (new Set(names).size !== names.length) throw new Error('writeReports: manifest.json given twice');
  const target = path.resolve(outDir);
  await mkdir(path.dirname(target), { recursive: true });
  const problem = await recoverOutFolder(target);
  if (problem) throw new OutputFolderError(problem);
  const staging = await mkdtemp(`${temporaryPrefix(target)}${writerTag(thisWriter())}-`);
  try {
    const sha256: Record<string, string> = {};
    for (const name of Object.keys(files).sort(compareNames)) {
      stepPoint();
      sha256[name] = writeReportFile(staging, name, files[name] ?? '');
    }
    if (elsewhere) {
      await adopt(await elsewhere.finished, elsewhere.names, staging);
      for (const name of elsewhere.names) sha256[name] = await hashFile(path.join(staging, name));
    }
    if (manifest) writeReportFile(staging, MANIFEST, manifest(sortedByName(sha256)));
    // mkdtemp makes the folder private (0700); reports are ordinary files the user shares.
    await chmod(staging, 0o777 & ~process.umask());
    const release = await lockOutFolder(target, outDir);
    try {
      if (await replaceEmpty(target, staging)) return names;
      await mkdir(target, { recursive: true });
      await moveIntoPlace(target, staging, names, names.includes(MANIFEST));
      return names;
    } finally {
      await release();
    }
  } catch (error) {
    // A journal left behind (a roll-back that failed) still needs `staging`: the next run finishes it.
    if (!existsSync(journalPath(target))) await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedByName(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(record)
      .sort(compareNames)
      .map((name) => [name, record[name]!]),
  );
}

/**
 * Reports being written at the same time by someone else (another thread) into a folder of their
 * own on the same file system: `finished` gives that folder once all `names` are in it, and
 * `writeReports` moves them in with its own files. `cancel` stops the writing and removes the folder.
 */
export interface ReportsWrittenElsewhere {
  names: readonly string[];
  finished: Promise<string>;
  cancel(): Promise<void>;
}

/** A folder for reports written elsewhere, beside `outDir` (so its files move in by renames), removed by `writeReports`. */
export async function makeReportFolder(outDir: string): Promise<string> {
  const target = path.resolve(outDir);
  await mkdir(path.dirname(target), { recursive: true });
  return mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}.policycoder-part-${writerTag(thisWriter())}-`));
}

/** Writes one report file, which must not exist yet; text given in pieces is written piece after piece. Returns the sha256 of the bytes written. */
export function writeReportFile(folder: string, name: string, file: string | Iterable<ReportPiece>): string {
  assertReportName(name);
  writePoint(path.join(folder, name));
  // Written synchronously: nothing else waits on this thread meanwhile, and fs.promises costs more
  // per piece (200 MB in 64K pieces: 317 ms against 133 ms; in the profile of a 550 MB report set
  // the main thread's writeBuffer went from 2.5 s to 0.3 s).
  const fd = openSync(path.join(folder, name), 'wx');
  const hash = createHash('sha256');
  try {
    for (const piece of typeof file === 'string' ? [file] : inWrites(file)) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      hash.update(bytes);
      writeAll(fd, bytes);
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

async function adopt(folder: string, names: readonly string[], staging: string): Promise<void> {
  for (const name of names) await rename(path.join(folder, name), path.join(staging, name));
  await rmdir(folder);
}

/** Text pieces shorter than this are joined with the next ones into one write. */
const WRITE_CHARACTERS = 1 << 16;

/** The pieces with runs of small text pieces joined, so that each write is about 64K characters, not a few bytes. */
function* inWrites(pieces: Iterable<ReportPiece>): Generator<ReportPiece> {
  let pending: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      if (length > 0) yield pending.join('');
      pending = [];
      length = 0;
      yield piece;
      continue;
    }
    pending.push(piece);
    length += piece.length;
    if (length >= WRITE_CHARACTERS) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (length > 0) yield pending.join('');
}

/** Renames `staging` to `target` when `target` is missing or an empty folder; false when it holds files. */
async function replaceEmpty(target: string, staging: string): Promise<boolean> {
  const info = await stat(target).catch(() => undefined);
  if (info && !info.isDirectory()) throw new Error(`writeReports: ${target} is not a folder`);
  if (info) {
    if ((await readdir(target)).length > 0) return false;
    await rmdir(target).catch(() => undefined);
  }
  try {
    await rename(staging, target);
    return true;
  } catch {
    return false; // something appeared at `target` meanwhile: fall back to moving file by file
  }
}

function isReportName(name: string): boolean {
  return !(name === '' || name === '.' || /[/\\\0]/.test(name) || name.includes('..'));
}

/** Throws when `name` is not a plain file name that stays inside the output folder. */
export function assertReportName(name: string): void {
  if (!isReportName(name)) {
    throw new Error(`writeReports: refusing file name ${JSON.stringify(name)}: must be a plain file name inside the output folder`);
  }
}
