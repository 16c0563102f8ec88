import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, ExtractedText, PageSpan } from '../types.ts';

/** A warning or note made while extracting (e.g. a cut-off PDF), kept so a cache hit repeats it. */
export type ExtractNote = Omit<Diagnostic, 'file'>;

/** What one cache file holds. */
export interface ExtractCacheEntry {
  version: string;
  sha256: string;
  text: string;
  pages: PageSpan[];
  /** Absent in entries written before notes were kept: none. */
  notes?: ExtractNote[];
}

/** `<cacheDir>/extract/<sha256>-<version>.json` */
export function extractCachePath(cacheDir: string, sha256: string, version: string): string {
  return path.join(cacheDir, 'extract', `${sha256}-${version}.json`);
}

/**
 * The cached extraction of the file with this sha256, or undefined when there is none or the
 * entry is unreadable, corrupt or belongs to another file or extractor version (the caller
 * then extracts again and overwrites it).
 */
export async function readExtractCache(
  cacheDir: string,
  sha256: string,
  version: string,
): Promise<{ extracted: ExtractedText; notes: ExtractNote[] } | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(extractCachePath(cacheDir, sha256, version), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isValidEntry(parsed, sha256, version)) return undefined;
  return { extracted: { text: parsed.text, pages: parsed.pages }, notes: parsed.notes ?? [] };
}

function isValidEntry(value: unknown, sha256: string, version: string): value is ExtractCacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  if (entry.version !== version || entry.sha256 !== sha256 || typeof entry.text !== 'string') return false;
  if (!Array.isArray(entry.pages)) return false;
  if (entry.notes !== undefined && !(Array.isArray(entry.notes) && entry.notes.every(isNote))) return false;
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
