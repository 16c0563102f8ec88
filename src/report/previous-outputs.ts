import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../types.ts';

/** What the manifest.json in an output folder says policycoder wrote there. */
export interface PreviousOutputs {
  /** manifest.json is there and is a policycoder manifest. */
  manifest: boolean;
  /** Output name -> sha256 of the bytes written (`outputSha256`; absent in manifests of older versions). */
  sha256: ReadonlyMap<string, string>;
}

/** Reads `folder/manifest.json`; a missing, unreadable or foreign one proves nothing. */
export async function readPreviousOutputs(folder: string): Promise<PreviousOutputs> {
  let manifest: { tool?: { name?: unknown }; outputSha256?: unknown };
  try {
    manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
  } catch {
    return { manifest: false, sha256: new Map() };
  }
  if (manifest?.tool?.name !== 'policycoder') return { manifest: false, sha256: new Map() };
  const recorded = typeof manifest.outputSha256 === 'object' && manifest.outputSha256 !== null ? Object.entries(manifest.outputSha256) : [];
  const sha256 = new Map(recorded.filter((entry): entry is [string, string] => typeof entry[1] === 'string' && isPlainName(entry[0])));
  return { manifest: true, sha256 };
}

/**
 * True when `folder/name` is a regular file (not a folder, not a link) whose bytes have the sha256
 * the previous manifest recorded: the proof that policycoder wrote it and nobody changed it since,
 * so it may be replaced or removed.
 */
export async function isProvenOutput(folder: string, name: string, previous: PreviousOutputs): Promise<boolean> {
  const expected = previous.sha256.get(name);
  if (expected === undefined) return false;
  const file = path.join(folder, name);
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  // The check before analysing and the move after it prove the same files: hash each version once.
  const version = `${file}\0${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
  let sha256 = proven.get(version);
  if (sha256 === undefined) {
    sha256 = await hashFile(file);
    proven.set(version, sha256);
  }
  return sha256 === expected;
}

/** sha256 by file version (path, inode, size, modification and change times): a changed file gets a new key. */
const proven = new Map<string, string>();

export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function isPlainName(name: string): boolean {
  return !(name === '' || name === '.' || /[/\\\0]/.test(name) || name.includes('..'));
}

/**
 * The refusal to replace `folder/name` (not proven by `isProvenOutput`): says whether it is a folder,
 * a file the manifest records no sha256 for (a user's, or one written by a version before
 * outputSha256), or a file changed since it was written.
 */
export async function notOursDiagnostic(folder: string, name: string, previous: PreviousOutputs | undefined): Promise<Diagnostic> {
  const file = path.join(folder, name);
  const info = await lstat(file).catch(() => undefined);
  const why = info?.isDirectory()
    ? 'This is a folder, where the run would write its report'
    : info?.isSymbolicLink()
      ? 'This is a symbolic link, where the run would write its report'
      : !previous?.sha256.has(name)
        ? `manifest.json records no sha256 for this file, so it cannot be told from a file of yours (reports of policycoder versions before outputSha256 record none)`
        : 'This file was changed since policycoder wrote it (its content differs from the sha256 manifest.json records)';
  return {
    severity: 'error',
    rule: 'usage/out-file-not-ours',
    message: `${why}; it was left alone and no reports were written.`,
    file,
    hint: `move ${name} out of ${folder} (or delete it, or the old reports, if you do not need them), or choose another --out`,
  };
}
