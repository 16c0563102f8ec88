import type { EvidenceRow } from '../types.ts';
import { inline } from './markdown-table.ts';

/** Backslash-escapes the characters Markdown would read as formatting. */
export function escapeMarkdown(text: string): string {
  return inline(text).replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** Where a match is: `p. 3, l. 14` for PDFs, `l. 14` otherwise. */
export function formatLocation(row: EvidenceRow): string {
  return row.page === null ? `l. ${row.line}` : `p. ${row.page}, l. ${row.line}`;
}

/** `left **match** right` in Markdown, the match in bold. */
export function formatExcerpt(row: EvidenceRow): string {
  const parts = [escapeMarkdown(row.left), `**${escapeMarkdown(row.matched)}**`, escapeMarkdown(row.right)];
  return parts.filter((part) => part !== '').join(' ');
}

/**
 * Up to `limit` evidence rows for a quick look: the first mention of each code in text order,
 * then further mentions in text order until the limit.
 */
export function pickExamples(rows: readonly EvidenceRow[], limit: number): EvidenceRow[] {
  const picked: EvidenceRow[] = [];
  const codes = new Set<string>();
  for (const row of rows) {
    if (picked.length >= limit) break;
    if (!codes.has(row.code)) {
      codes.add(row.code);
      picked.push(row);
    }
  }
  for (const row of rows) {
    if (picked.length >= limit) break;
    if (!picked.includes(row)) picked.push(row);
  }
  return picked.sort((a, b) => a.start - b.start);
}
