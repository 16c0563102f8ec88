import type { ExtractedText, PageSpan } from '../types.ts';

/**
 * Joins per-page texts with a single `\n` (a page break reads like a line wrap, so a sentence
 * may continue on the next page) and records each page's `[start, end)` range in the result.
 * Each page is given `\n` line endings and NFC normalisation first.
 */
export function toPagedText(pageTexts: readonly string[]): ExtractedText {
  const parts: string[] = [];
  const pages: PageSpan[] = [];
  let offset = 0;
  pageTexts.forEach((raw, index) => {
    if (index > 0) offset += 1;
    const text = raw.replace(/\r\n?/g, '\n').normalize('NFC');
    parts.push(text);
    pages.push({ page: index + 1, start: offset, end: offset + text.length });
    offset += text.length;
  });
  return { text: parts.join('\n'), pages };
}
