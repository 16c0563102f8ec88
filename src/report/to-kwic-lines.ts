import type { EvidenceRow } from '../types.ts';
import { collapseSpace } from '../text/collapse-space.ts';
import { maxOf } from '../text/push-all.ts';

/**
 * Key-word-in-context lines for the terminal: `document  page:line  left [match] right`, with the
 * documents and locations padded and the left context right-aligned so the matches line up.
 * `page` is `-` for formats without pages. CJK and other wide characters count two columns.
 */
export function toKwicLines(rows: readonly EvidenceRow[]): string[] {
  const location = (row: EvidenceRow) => `${row.page ?? '-'}:${row.line}`;
  const documentWidth = maxOf(rows.map((row) => displayWidth(row.document), 0));
  const locationWidth = maxOf(rows.map((row) => location(row).length, 0));
  const leftWidth = maxOf(rows.map((row) => displayWidth(row.left), 0));
  return rows.map((row) => {
    const left = ' '.repeat(leftWidth - displayWidth(row.left)) + row.left;
    const document = row.document + ' '.repeat(documentWidth - displayWidth(row.document));
    return `${document}  ${location(row).padStart(locationWidth)}  ${left} [${collapseSpace(row.matched)}] ${row.right}`.trimEnd();
  });
}

/** Terminal columns: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
