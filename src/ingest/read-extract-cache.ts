import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, ExtractedText, PageSpan } from '../types.ts';
import { readRegularFile } from './read-regular-file.ts';

/** A warning or note made while extracting (e.g. a cut-off PDF), kept so a cache hit repeats it. */
export type ExtractNote = Omit<Diagnostic, 'file'>;

/** What one cache file holds. */
export interface ExtractCacheEntry {
  version: string;
  sha256: string;
  text: string;
  pages: PageSpan[];
  notes: ExtractNote[];
  /** sha256 of the payload (`payloadSha256`): an entry edited or damaged since it was written does not match and is not used. */
  payloadSha256: string;
}

/** `<cacheDir>/extract/<sha256>-<version>.json` */
export function extractCachePath(cacheDir: string, sha256: string, version: string): string {
  return path.join(cacheDir, 'extract', `${sha256}-${version}.json`);
}

/**
 * The hash that proves an entry's text, pages and notes are as written. It guards against damage and
 * hand edits (a changed count in an edited entry), not against someone forging entries on purpose:
 * whoever can write the cache can equally edit the documents.
 */
export function payloadSha256(text: string, pages: readonly PageSpan[], notes: readonly ExtractNote[]): string {
  return createHash('sha256').update(JSON.stringify({ text, pages, notes })).digest('hex');
}

/** Removes the entry of the file with this sha256, if any (the cache is only a cache: failures are ignored). */
export async function removeExtractCache(cacheDir: string, sha256: string, version: string): Promise<void> {
  await rm(extractCachePath(cacheDir, sha256, version), { force: true }).catch(() => undefined);
}

/**
 * The cached extraction of the file with this sha256, or undefined when there is none or the
 * entry is unreadable, corrupt, edited (its payload no longer matches `payloadSha256`), from an
 * older version without that hash, or belongs to another file or extractor version (the caller
 * then extracts again and overwrites it).
 */
export async function readExtractCache(
  cacheDir: string,
  sha256: string,
  version: string,
): Promise<{ extracted: ExtractedText; notes: ExtractNote[] } | undefined> {
  let parsed: unknown;
  try {
    // A FIFO or device under an entry's name is a bad entry: never read (it could block or never end), rebuilt.
    const read = await readRegularFile(extractCachePath(cacheDir, sha256, version));
    if ('notAFile' in read) return undefined;
    parsed = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isValidEntry(parsed, sha256, version)) return undefined;
  if (parsed.payloadSha256 !== payloadSha256(parsed.text, parsed.pages, parsed.notes)) return undefined;
  return { extracted: { text: parsed.text, pages: parsed.pages }, notes: parsed.notes };
}

function isValidEntry(value: unknown, sha256: string, version: string): value is ExtractCacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  if (entry.version !== version || entry.sha256 !== sha256 || typeof entry.text !== 'string' || typeof entry.payloadSha256 !== 'string') return false;
  if (!Array.isArray(entry.pages)) return false;
  if (!(Array.isArray(entry.notes) && entry.notes.every(isNote))) return false;
  const length = entry.text.length;
  let previousEnd = 0;
  return entry.pages.every((page: unknown, index) => {
    if (typeof page !== 'object' || page === null) return false;
    const { page: number, start, end } = page as Record<string, unknown>;
    const ok =
      number === index + 1 &&
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      (start as number) >= previousEnd &&
      (start as number) <= (end as number) &&
      (end as number) <= length;
    previousEnd = end as number;
    return ok;
  });
}

function isNote(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const note = value as Record<string, unknown>;
  return ['error', 'warning', 'info'].includes(note.severity as string) && typeof note.rule === 'string' && typeof note.message === 'string';
}
