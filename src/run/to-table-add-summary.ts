import type { Table } from '../types.ts';
import { EXCEL_CELL_LIMIT, type RowFlag, type RowOutcome, type RowResult } from '../corpus/plan-table-entries.ts';
import type { SheetRecords } from '../ingest/to-table-records.ts';

export interface TableAddSummaryInput {
  /** The table as shown in messages. */
  table: string;
  sha256: string;
  format: Table['format'];
  /** The text column's names, for sheets that were not read. */
  textColumns: readonly string[];
  sheets: readonly SheetRecords[];
  rows: readonly RowResult[];
  shownYaml: string;
  appended: number;
}

const NOT_ADDED: readonly [RowOutcome, string][] = [
  ['empty-text', 'not added (the text cell is empty)'],
  ['duplicate-text', 'not added (same text as an earlier row or a corpus document)'],
  ['duplicate-id', 'not added (the id is used already)'],
  ['not-written', 'not added (could not be written)'],
  ['already-present', 'already in the corpus (added before)'],
];

const FLAGS: readonly [RowFlag, string][] = [
  ['unreadable-date', 'added without a date (the date cannot be read)'],
  ['no-date', 'added without a date (none in the table)'],
  ['cell-limit', `added, text of exactly ${EXCEL_CELL_LIMIT.toLocaleString('en-US')} characters (Excel's cell limit: probably cut)`],
  ['no-id', 'added with a derived id (the id cell is empty)'],
];

/**
 * What `policycoder add TABLE` did with every row, per sheet: added, already present, or not
 * added and why, with the rows (xlsx, CSV) or lines (JSONL) of each group; rows flagged for a
 * look; blank rows and rows that could not be read. The counts add up to the rows of the table.
 */
export function toTableAddSummary(input: TableAddSummaryInput): string {
  const unit = input.format === 'jsonl' ? 'line' : 'row';
  const total = input.rows.length;
  const lines = [
    `${input.table} (sha256 ${input.sha256}): ${plural(total, `${unit} with a value`, `${unit}s with a value`)}${input.format === 'xlsx' ? ` in ${plural(input.sheets.filter((sheet) => sheet.read).length, 'sheet', 'sheets')} read` : ''}`,
  ];
  for (const sheet of input.sheets) {
    const label = sheet.name === undefined ? '' : `sheet "${sheet.name}": `;
    if (!sheet.read) {
      lines.push(`  ${label}not read (no column ${input.textColumns.map((name) => `"${name}"`).join(' or ')})`);
      continue;
    }
    const rows = input.rows.filter((row) => row.record.sheet === sheet.name);
    const numbers = rows.map((row) => row.record.row);
    const added = rows.filter((row) => row.outcome === 'added').length;
    const notAdded = rows.filter((row) => row.outcome !== 'added' && row.outcome !== 'already-present').length;
    const [first, last] = [Math.min(...numbers), Math.max(...numbers)];
    const span = numbers.length === 0 ? '' : first === last ? ` (${unit} ${first})` : ` (${unit}s ${first}-${last})`;
    const indent = sheet.name === undefined ? '  ' : '    ';
    lines.push(`  ${label}${plural(rows.length, unit, `${unit}s`)}${span}: ${added} added, ${notAdded} not added`);
    for (const [outcome, text] of NOT_ADDED)
      pushGroup(
        lines,
        indent,
        text,
        unit,
        rows.filter((row) => row.outcome === outcome),
      );
    for (const [flag, text] of FLAGS)
      pushGroup(
        lines,
        indent,
        text,
        unit,
        rows.filter((row) => row.outcome === 'added' && row.flags.includes(flag)),
      );
    if (sheet.unreadableRows.length > 0) {
      lines.push(`${indent}not read (errors above): ${sheet.unreadableRows.length === 1 ? unit : `${unit}s`} ${toRanges(sheet.unreadableRows)}`);
    }
    if (sheet.blankRows > 0) lines.push(`${indent}${plural(sheet.blankRows, `blank ${unit}`, `blank ${unit}s`)} (no value) skipped`);
  }
  const count = (outcome: RowOutcome) => input.rows.filter((row) => row.outcome === outcome).length;
  const unreadable = input.sheets.reduce((sum, sheet) => sum + sheet.unreadableRows.length, 0);
  const notAdded = total - count('added') - count('already-present');
  lines.push(
    `total: ${count('added')} added, ${count('already-present')} already present, ${notAdded} not added${unreadable > 0 ? `, ${plural(unreadable, `${unit} not read`, `${unit}s not read`)}` : ''}`,
  );
  if (input.appended > 0) lines.push(`${input.shownYaml}: ${plural(input.appended, 'entry', 'entries')} appended; existing entries and comments unchanged.`);
  return `${lines.join('\n')}\n`;
}

function pushGroup(lines: string[], indent: string, text: string, unit: string, rows: readonly RowResult[]): void {
  if (rows.length === 0) return;
  const numbers = toRanges(rows.map((row) => row.record.row));
  lines.push(`${indent}${text}: ${rows.length === 1 ? `${unit} ${numbers}` : `${unit}s ${numbers} (${rows.length})`}`);
}

/** `2-5, 9, 11-12` for [2, 3, 4, 5, 9, 11, 12]. */
export function toRanges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j;
  }
  return parts.join(', ');
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
