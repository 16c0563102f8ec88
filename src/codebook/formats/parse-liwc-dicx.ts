/**
 * LIWC-22's `.dicx` format (written by its Dictionary Workbench): CSV whose first column,
 * headed `DicTerm`, holds the entries and whose other columns are the categories. A cell
 * marks membership: `X` (or any other text); a number is a weight (weighted dictionaries),
 * `0` or an empty cell means "not in this category". One level, like `.dic`.
 */
import type { Code, Theme } from '../../types.ts';
import { createReporter } from '../create-reporter.ts';
import type { ParsedCodebook } from '../parse-codebook.ts';
import { checkImportedCode } from './check-imported-code.ts';
import { finishCodebook } from './finish-codebook.ts';
import { parseCsv } from '../../text/parse-csv.ts';
import { toImportedTerm } from './to-imported-term.ts';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/u;

export function parseLiwcDicx(source: string, path: string): ParsedCodebook {
  const report = createReporter(path);
  const firstLine = /^[^\r\n]*/u.exec(source)?.[0] ?? '';
  const delimiter = firstLine.includes(',') || !/[;\t]/u.test(firstLine) ? ',' : firstLine.includes(';') ? ';' : '\t';
  const table = parseCsv(source, delimiter);
  if (table.problem) {
    report.error('codebook/csv-syntax', table.problem.position, `${table.problem.message}.`, table.problem.hint);
    return finishCodebook(source, path, 'liwc22', [], report);
  }
  const rows = table.rows.filter((row) => row.cells.some((cell) => cell.value.trim() !== ''));
  const header = rows[0];
  if (!header || header.cells.length < 2) {
    report.error(
      'codebook/no-codes',
      header?.cells[0]?.position ?? { line: 1, column: 1 },
      'The .dicx file has no category columns.',
      'The first row names the columns: `DicTerm`, then one column per category, e.g. `DicTerm,care,harm`.',
    );
    return finishCodebook(source, path, 'liwc22', [], report);
  }
  const termHeader = header.cells[0]!;
  if (!['dicterm', 'entry'].includes(termHeader.value.trim().toLowerCase())) {
    report.warning(
      'codebook/dicx-header',
      termHeader.position,
      `The first column is headed \`${termHeader.value}\`, not \`DicTerm\`; it is read as the entries anyway.`,
      'Check that the first row is the header row LIWC-22 writes: `DicTerm`, then the category names.',
    );
  }

  const themes: Array<Theme | undefined> = [];
  const seen = new Map<string, number>();
  for (const cell of header.cells.slice(1)) {
    const name = cell.value.trim();
    const first = seen.get(name);
    if (name === '') {
      report.error(
        'codebook/invalid-type',
        cell.position,
        'A category column has no name.',
        'Name every column in the header row, or delete the empty column.',
      );
    } else if (first !== undefined) {
      report.error(
        'codebook/duplicate-code',
        cell.position,
        `Category \`${name}\` is a column twice (first at column ${first}).`,
        'Give every column its own name, or merge the two columns.',
      );
    } else {
      seen.set(name, cell.position.column);
      const code: Code = { id: name, label: name, terms: [], position: cell.position };
      themes.push({ id: name, label: name, codes: [code], position: cell.position });
      continue;
    }
    themes.push(undefined);
  }

  for (const row of rows.slice(1)) {
    const [entry, ...marks] = row.cells;
    if (marks.length > themes.length) {
      const extra = marks[themes.length]!;
      report.error(
        'codebook/csv-syntax',
        extra.position,
        `This row has ${row.cells.length} cells but the header has ${header.cells.length} columns.`,
        'Remove the extra cells, or quote an entry that contains a comma.',
      );
      continue;
    }
    const term = toImportedTerm(entry!.value, entry!.position, 'LIWC-22', report);
    if (!term) continue;
    marks.forEach((cell, index) => {
      const mark = cell.value.trim();
      const theme = themes[index];
      if (mark === '' || !theme) return;
      const weight = NUMBER.test(mark) ? Number(mark) : 1;
      if (weight === 0) return;
      theme.codes[0]!.terms.push(weight === 1 ? { ...term } : { ...term, weight });
    });
  }
  const defined = themes.filter((theme): theme is Theme => theme !== undefined);
  for (const theme of defined) report.add(checkImportedCode(theme.codes[0]!, `category \`${theme.id}\``, path));
  return finishCodebook(source, path, 'liwc22', defined, report);
}
