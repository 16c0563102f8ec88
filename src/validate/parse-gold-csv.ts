import type { Diagnostic } from '../types.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { parseCsv } from './parse-csv.ts';

/** The value of `code` that says "this unit has none of the codes". */
export const NO_CODE = '-';

/** One row of a gold file: a unit of one document and one code the human gave it (null = no code). */
export interface GoldRow {
  line: number;
  document: string;
  /** 1-based unit number under the run's `--unit` kind. */
  unit?: number;
  /** Character range `[start, end)` in the extracted text, instead of a unit number. */
  span?: { start: number; end: number };
  /** The unit number or `start-end` as written, for messages (a number past 2^53 reads back rounded). */
  written?: string;
  /** As written (`theme/code` or `code`), or null for the no-code marker `-`. */
  code: string | null;
  /** The opening words of the unit as the coder saw them, checked against the text when given. */
  text?: string;
  /** Column of the `code` field, for diagnostics. */
  codeColumn: number;
}

const KNOWN_COLUMNS = ['document', 'unit', 'start', 'end', 'code', 'text', 'note', 'coder'];

/**
 * Parses a gold-standard CSV (`file` is the path shown in diagnostics). Columns: `document`,
 * `code`, and either `unit` or `start` and `end`; `text`, `note` and `coder` are optional, any
 * other column is reported once and ignored. Every problem is reported with line and column.
 */
export function parseGoldCsv(text: string, file: string): { rows: GoldRow[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { records, problem } = parseCsv(text);
  if (problem) {
    diagnostics.push({
      severity: 'error',
      rule: 'gold/csv-syntax',
      message: `Invalid CSV: ${problem.message}.`,
      file,
      line: problem.line,
      column: problem.column,
      hint: problem.hint,
    });
  }
  const [header, ...body] = records;
  if (!header) {
    diagnostics.push({ severity: 'error', rule: 'gold/empty', message: 'The gold file has no header and no rows.', file, hint: HEADER_HINT });
    return { rows: [], diagnostics };
  }
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const at = (name: string) => names.indexOf(name);
  names.forEach((name, index) => {
    if (KNOWN_COLUMNS.includes(name)) return;
    const suggestion = didYouMean(name, KNOWN_COLUMNS);
    diagnostics.push({
      severity: 'warning',
      rule: 'gold/unknown-column',
      message: `Unknown column \`${name}\`; it is ignored.`,
      file,
      line: header.line,
      column: header.columns[index],
      hint: suggestion ? `Did you mean \`${suggestion}\`?` : `Known columns: ${KNOWN_COLUMNS.join(', ')}.`,
    });
  });
  const useSpan = at('unit') < 0 && at('start') >= 0 && at('end') >= 0;
  const missing = ['document', 'code'].filter((name) => at(name) < 0);
  if (at('unit') < 0 && !useSpan) missing.push('unit (or start and end)');
  if (missing.length > 0) {
    diagnostics.push({
      severity: 'error',
      rule: 'gold/missing-column',
      message: `The header lacks ${missing.map((name) => `\`${name}\``).join(', ')}.`,
      file,
      line: header.line,
      column: 1,
      hint: HEADER_HINT,
    });
    return { rows: [], diagnostics };
  }

  const rows: GoldRow[] = [];
  for (const record of body) {
    const field = (name: string) => (at(name) >= 0 ? (record.fields[at(name)] ?? '').trim() : '');
    const column = (name: string) => record.columns[at(name)] ?? record.columns[record.columns.length - 1] ?? 1;
    const problemAt = (name: string, rule: string, message: string, hint: string) =>
      diagnostics.push({ severity: 'error', rule, message, file, line: record.line, column: column(name), hint });
    const document = field('document');
    const code = field('code');
    if (document === '') {
      problemAt('document', 'gold/missing-value', 'This row has no `document`.', 'Give the document id used in the reports (corpus.yaml `id`).');
      continue;
    }
    if (code === '') {
      problemAt('code', 'gold/missing-value', 'This row has no `code`.', `Give a code as theme/code, or \`${NO_CODE}\` for a unit with no code.`);
      continue;
    }
    const row: GoldRow = { line: record.line, document, code: code === NO_CODE ? null : code, codeColumn: column('code') };
    if (useSpan) {
      const start = toWholeNumber(field('start'));
      const end = toWholeNumber(field('end'));
      if (start === undefined || end === undefined || end <= start) {
        problemAt(
          'start',
          'gold/bad-span',
          `\`${field('start')}\`-\`${field('end')}\` is not a character range.`,
          '`start` and `end` are whole numbers with start < end (character offsets, end exclusive).',
        );
        continue;
      }
      row.span = { start, end };
      row.written = `${field('start')}-${field('end')}`;
    } else {
      const unit = toWholeNumber(field('unit'));
      if (unit === undefined || unit < 1) {
        problemAt(
          'unit',
          'gold/bad-unit',
          `\`${field('unit')}\` is not a unit number.`,
          'Units are numbered 1, 2, 3, ... within each document (see the units list written by `validate --list-units`).',
        );
        continue;
      }
      row.unit = unit;
      row.written = field('unit');
    }
    const opening = field('text');
    if (opening !== '') row.text = opening;
    rows.push(row);
  }
  if (rows.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({ severity: 'error', rule: 'gold/empty', message: 'The gold file has a header but no rows.', file, hint: HEADER_HINT });
  }
  return { rows, diagnostics };
}

const HEADER_HINT = 'Start the file with the header `document,unit,code,text` (one row per unit and code; `-` as code for a unit with none).';

function toWholeNumber(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}
