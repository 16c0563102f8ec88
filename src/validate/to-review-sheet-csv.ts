import { sheetLine } from './format-stat.ts';
import { REVIEW_SHEET_COLUMNS, type ReviewItem } from './review-sheet.ts';

/**
 * The review sheet: a UTF-8 CSV with a byte-order mark (so spreadsheet programs read Chinese
 * right; policycoder ignores it when reading), one row per sampled match, `judgement` and `note`
 * for the reviewer to fill in.
 */
export function toReviewSheetCsv(items: readonly ReviewItem[]): string {
  let out = `\uFEFF${sheetLine([...REVIEW_SHEET_COLUMNS])}`;
  for (const item of items) {
    out += sheetLine([
      item.id,
      item.document,
      item.page ?? '',
      item.line,
      item.theme,
      item.code,
      item.term,
      item.matched,
      item.passage,
      item.before,
      item.after,
      item.definition,
      item.include,
      item.exclude,
      item.judgement,
      item.note,
      item.start,
      item.end,
      item.drawnFrom,
      item.population,
    ]);
  }
  return out;
}
