import type { Codebook } from '../../types.ts';
import { toCsvField } from '../../text/to-csv-line.ts';
import { categoryName } from './category-name.ts';

/**
 * A codebook as a LIWC-22 `.dicx` file: CSV headed `DicTerm` and one column per code, one row
 * per distinct entry (lower-cased), `X` where the entry belongs to the category, or its weight
 * when it has one other than 1. LF line endings, as LIWC-22 writes.
 */
export function toLiwcDicx(codebook: Codebook): string {
  const columns: string[] = [];
  const rows = new Map<string, Map<number, string>>();
  for (const theme of codebook.themes) {
    for (const code of theme.codes) {
      const column = columns.push(categoryName(theme, code)) - 1;
      for (const term of code.terms) {
        const value = term.caseSensitive ? term.value : term.value.toLowerCase();
        const cells = rows.get(value) ?? new Map<number, string>();
        if (!cells.has(column)) cells.set(column, term.weight === undefined || term.weight === 1 ? 'X' : String(term.weight));
        rows.set(value, cells);
      }
    }
  }
  const lines = [['DicTerm', ...columns].map(toCsvField).join(',')];
  for (const [value, cells] of rows) {
    lines.push([value, ...columns.map((_, column) => cells.get(column) ?? '')].map(toCsvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}
