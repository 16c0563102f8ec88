import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractedText, PageSpan } from '../types.ts';

/** What one cache file holds. */
export interface ExtractCacheEntry {
  version: string;
  sha256: string;
  text: string;
  pages: PageSpan[];
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
): Promise<ExtractedText | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(extractCachePath(cacheDir, sha256, version), 'utf8'));
  } catch {
    return undefined;
  }
  return isValidEntry(parsed, sha256, version) ? { text: parsed.text, pages: parsed.pages } : undefined;
}

function isValidEntry(value: unknown, sha256: string, version: string): value is ExtractCacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  if (entry.version !== version || entry.sha256 !== sha256 || typeof entry.text !== 'string') return false;
  if (!Array.isArray(entry.pages)) return false;
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
