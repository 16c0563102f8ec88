import { closeSync, openSync, writeSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ReportPiece } from './join-pieces.ts';

/** Moved into place last (and the old one removed first): a folder with a manifest has a complete set of reports. */
const MANIFEST = 'manifest.json';

/**
 * Writes the reports into `outDir`, so that a crash never leaves half a report or a mix of two runs:
 * 1. every file is written into a fresh hidden folder beside `outDir` (`.<name>.policycoder-tmp-*`,
 *    same file system, so moves are atomic renames);
 * 2. a missing or empty `outDir` is replaced by that folder in one rename;
 * 3. otherwise the old `manifest.json` is removed, each report is renamed over its old copy, reports
 *    the old manifest listed but this run does not write are removed (nothing else is touched), and
 *    `manifest.json` comes last.
 * A file given as pieces (an iterable) is written piece after piece, each made as it is written (one
 * string may not hold a huge report); small text pieces are joined into writes of about 64K
 * characters. Reports written `elsewhere` at the same time (another thread) are moved into the
 * temporary folder once finished, and share steps 2 and 3. On failure the temporary folder is
 * removed and the `elsewhere` writing cancelled. Returns the written names sorted. Names must be plain
 * file names: one that is empty, `.` or contains `/`, `\`, `..` or NUL is a bug in the caller and
 * throws before anything is written, so nothing lands outside `outDir`.
 */
export async function writeReports(
  outDir: string,
  files: Record<string, string | Iterable<ReportPiece>>,
  elsewhere?: ReportsWrittenElsewhere,
): Promise<string[]> {
  try {
    return await writeInto(outDir, files, elsewhere);
  } catch (error) {
    await elsewhere?.cancel();
    throw error;
  }
}

async function writeInto(outDir: string, files: Record<string, string | Iterable<ReportPiece>>, elsewhere?: ReportsWrittenElsewhere): Promise<string[]> {
  const names = [...Object.keys(files), ...(elsewhere?.names ?? [])].sort(compareNames);
  for (const name of names) assertReportName(name);
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(target)}.policycoder-tmp-`));
  try {
    for (const name of Object.keys(files).sort(compareNames)) writeReportFile(staging, name, files[name] ?? '');
    if (elsewhere) await adopt(await elsewhere.finished, elsewhere.names, staging);
    // mkdtemp makes the folder private (0700); reports are ordinary files the user shares.
    await chmod(staging, 0o777 & ~process.umask());
    if (await replaceEmpty(target, staging)) return names;
    await mkdir(target, { recursive: true });
    // Only a run that writes a manifest (analyze) owns the folder's report set; other commands
    // (validate, export) add their files beside it and remove nothing.
    const ownsFolder = names.includes(MANIFEST);
    const stale = ownsFolder ? (await previousOutputs(target)).filter((name) => !names.includes(name)) : [];
    if (ownsFolder) await rm(path.join(target, MANIFEST), { force: true });
    for (const name of names.filter((name) => name !== MANIFEST)) await rename(path.join(staging, name), path.join(target, name));
    for (const name of stale) await rm(path.join(target, name), { force: true });
    if (names.includes(MANIFEST)) await rename(path.join(staging, MANIFEST), path.join(target, MANIFEST));
    await rmdir(staging);
    return names;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
  return mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}.policycoder-part-`));
}

/** Writes one report file, which must not exist yet; text given in pieces is written piece after piece. */
export function writeReportFile(folder: string, name: string, file: string | Iterable<ReportPiece>): void {
  assertReportName(name);
  // Written synchronously: nothing else waits on this thread meanwhile, and fs.promises costs more
  // per piece (200 MB in 64K pieces: 317 ms against 133 ms; in the profile of a 550 MB report set
  // the main thread's writeBuffer went from 2.5 s to 0.3 s).
  const fd = openSync(path.join(folder, name), 'wx');
  try {
    for (const piece of typeof file === 'string' ? [file] : inWrites(file)) writeAll(fd, typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);
  } finally {
    closeSync(fd);
  }
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

/** The outputs listed by the manifest already in `folder` (plain names only), or none. */
async function previousOutputs(folder: string): Promise<string[]> {
  try {
    const manifest = JSON.parse(await readFile(path.join(folder, MANIFEST), 'utf8')) as { outputs?: unknown };
    if (!Array.isArray(manifest.outputs)) return [];
    return manifest.outputs.filter((name): name is string => typeof name === 'string' && isReportName(name) && name !== MANIFEST);
  } catch {
    return [];
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
