import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';

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
  return (await hashFile(file)) === expected;
}

export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function isPlainName(name: string): boolean {
  return !(name === '' || name === '.' || /[/\\\0]/.test(name) || name.includes('..'));
}
