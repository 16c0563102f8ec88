import type { EvidenceRow } from '../types.ts';
import { escapeMarkdown } from './markdown-table.ts';

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
  return pickExampleIndexes(rows, limit).map((index) => rows[index]!);
}

/** `pickExamples` as positions in `rows`, so that only the picked rows need to be made in full. */
export function pickExampleIndexes(rows: ReadonlyArray<Pick<EvidenceRow, 'code' | 'start'>>, limit: number): number[] {
  const picked: number[] = [];
  const codes = new Set<string>();
  for (let index = 0; index < rows.length && picked.length < limit; index++) {
    const { code } = rows[index]!;
    if (!codes.has(code)) {
      codes.add(code);
      picked.push(index);
    }
  }
  for (let index = 0; index < rows.length && picked.length < limit; index++) {
    if (!picked.includes(index)) picked.push(index);
  }
  return picked.sort((a, b) => rows[a]!.start - rows[b]!.start);
}
