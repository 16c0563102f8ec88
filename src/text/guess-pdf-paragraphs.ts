/**
 * Paragraph ends in text extracted from PDFs, which has a line break after every printed line
 * and no blank lines. The rule, from the layout of the lines:
 *
 * - the "full" line length is the 80th percentile of the trimmed lengths of the document's
 *   non-blank lines (in UTF-16 units, so a CJK character counts 1);
 * - a line begins a new paragraph when the line before it
 *   (a) ends with sentence-final punctuation (`. ! ? : ; 。 ！ ？ ： ；`, closing quotes or brackets
 *       allowed after it) and is either shorter than 75% of the full length or followed by a
 *       line that starts with a list marker (`1.`, `2.3`, `(1)`, `一、`, `（二）`, `第三章`, a bullet), or
 *   (b) is shorter than 60% of the full length, does not end with a comma, hyphen or other
 *       continuation mark, and the new line starts with a capital, a digit, a CJK character or
 *       a list marker (a heading such as `2. Guiding ideas` followed by its text).
 * At a page break, (a) needs only the final punctuation: the last line of a page is as long as
 * the text happens to be. A wrapped line inside a paragraph fills most of the width, so it
 * rarely meets either test; a paragraph whose last line is full and is followed by ordinary
 * text stays joined to the next one (the rule under-splits rather than over-splits).
 */
export interface LineRange {
  start: number;
  end: number;
  blank: boolean;
}

const FINAL = /[.!?:;。！？：；．][\s"'”’)\]」』）》】]*$/u;
const CONTINUES = /[,，、\-‐‑–—(（[《“‘]$/u;
const LIST_MARKER =
  /^(?:\d+(?:\.\d+)*\.?\s|[(（]\s*[\d一二三四五六七八九十百]+\s*[)）]|[一二三四五六七八九十百]+[、.．]|第[一二三四五六七八九十百\d]+[章节條条部篇]|[•·▪●○◦*\-–—]\s)/u;
const STARTS = /^[\p{Lu}\p{N}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}(（"“「]/u;

/** The 80th percentile of the trimmed lengths of the non-blank lines; 0 when there are none. */
export function typicalLineLength(text: string, lines: readonly LineRange[]): number {
  const lengths: number[] = [];
  for (const line of lines) if (!line.blank) lengths.push(trimmedLength(text, line));
  if (lengths.length === 0) return 0;
  // Counting sort: O(lines + longest line).
  let max = 0;
  for (const length of lengths) if (length > max) max = length;
  const histogram = new Uint32Array(max + 1);
  for (const length of lengths) histogram[length]!++;
  const rank = Math.ceil(lengths.length * 0.8);
  let seen = 0;
  for (let length = 0; length <= max; length++) {
    seen += histogram[length]!;
    if (seen >= rank) return length;
  }
  return max;
}

/** Whether `line` begins a new paragraph after `previous` (both non-blank), by the rule above. */
export function startsParagraphByLayout(text: string, previous: LineRange, line: LineRange, typical: number, pageStart = false): boolean {
  const before = trimmed(text, previous);
  const current = trimmed(text, line);
  const listItem = LIST_MARKER.test(current);
  if (FINAL.test(before)) return pageStart || before.length < typical * 0.75 || listItem;
  if (typical <= 0) return false;
  if (before.length < typical * 0.6 && !CONTINUES.test(before)) return listItem || STARTS.test(current);
  return false;
}

function trimmed(text: string, line: LineRange): string {
  return text.slice(line.start, line.end).trim();
}

function trimmedLength(text: string, line: LineRange): number {
  return trimmed(text, line).length;
}
