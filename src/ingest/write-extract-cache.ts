import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractedText } from '../types.ts';
import { makeFolder } from './make-folder.ts';
import type { ExtractCacheEntry, ExtractNote } from './read-extract-cache.ts';
import { extractCachePath, payloadSha256 } from './read-extract-cache.ts';

/**
 * Stores an extraction (and the notes made while extracting) under its sha256 and extractor version,
 * with the hash of that payload (read back only when it matches). Writes a temporary file and
 * renames it, so a reader never sees half a file. Returns the error instead of throwing.
 */
export async function writeExtractCache(
  cacheDir: string,
  sha256: string,
  version: string,
  extracted: ExtractedText,
  notes: ExtractNote[] = [],
): Promise<Error | undefined> {
  const target = extractCachePath(cacheDir, sha256, version);
  const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const { text, pages } = extracted;
  const entry: ExtractCacheEntry = { version, sha256, text, pages, notes, payloadSha256: payloadSha256(text, pages, notes) };
  try {
    await makeFolder(path.dirname(target));
    await writeFile(temporary, `${JSON.stringify(entry)}\n`, 'utf8');
    await rename(temporary, target);
    return undefined;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return error instanceof Error ? error : new Error(String(error));
  }
}
