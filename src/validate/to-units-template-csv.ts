import type { ValidationDocument } from './align-gold-units.ts';
import { sheetLine } from './format-stat.ts';

/**
 * `units.csv`: every unit of every document as a gold-file template (`document,unit,code,text`)
 * with `code` empty: a coder fills in codes (one row per unit and code; copy the row for a second
 * code, write `-` for none) and deletes the rows not coded.
 */
export function toUnitsTemplateCsv(documents: readonly ValidationDocument[]): string {
  let out = sheetLine(['document', 'unit', 'code', 'text']);
  for (const document of documents) {
    for (const unit of document.units) {
      out += sheetLine([document.id, unit.index, '', document.text.slice(unit.start, unit.end).replace(/\s+/g, ' ').trim()]);
    }
  }
  return out;
}
