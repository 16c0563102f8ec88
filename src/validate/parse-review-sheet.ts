import type { Diagnostic } from '../types.ts';
import { parseCsv } from './parse-csv.ts';
import type { Judgement, Stratum } from './review-sheet.ts';

/** One row of a review sheet as read back: the match it names and the reviewer's judgement. */
export interface ReviewRow {
  line: number;
  id: string;
  document: string;
  theme: string;
  code: string;
  term: string;
  matched: string;
  start: number;
  end: number;
  /** Null when the reviewer has not judged the row yet. */
  judgement: Judgement | null;
  note: string;
  /** Absent in sheets made by hand: then the rows count as a simple random sample of their code. */
  drawnFrom?: Stratum;
  population?: number;
}

const REQUIRED = ['document', 'theme', 'code', 'term', 'matched', 'start', 'end', 'judgement'] as const;

const JUDGEMENTS: Record<string, Judgement> = {
  yes: 'yes',
  y: 'yes',
  no: 'no',
  n: 'no',
  unsure: 'unsure',
  '?': 'unsure',
};

/**
 * Reads a review sheet written by `sample` and judged by a reviewer. `judgement` is `yes`, `no` or
 * `unsure` (also `y`, `n`, `?`; any case), or empty for a row not judged yet. Rows with another
 * judgement or a broken range are reported with line and column and left out; other columns are
 * free (add your own, e.g. `coder`).
 */
export function parseReviewSheet(text: string, file: string): { rows: ReviewRow[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { records, problem } = parseCsv(text);
  if (problem) {
    diagnostics.push({
      severity: 'error',
      rule: 'review/csv-syntax',
      message: `Invalid CSV: ${problem.message}; the rows after it are not read.`,
      file,
      line: problem.line,
      column: problem.column,
      hint: 'Close the quote; inside a quoted field write a quote as "".',
    });
  }
  const [header, ...body] = records;
  const names = (header?.fields ?? []).map((name) => name.trim().toLowerCase());
  const at = (name: string) => names.indexOf(name);
  const missing = REQUIRED.filter((name) => at(name) < 0);
  if (!header || missing.length > 0) {
    diagnostics.push({
      severity: 'error',
      rule: 'review/missing-column',
      message: header ? `The header lacks ${missing.map((name) => `\`${name}\``).join(', ')}.` : 'The review sheet is empty.',
      file,
      ...(header ? { line: header.line, column: 1 } : {}),
      hint: 'Draw a sheet with `policycoder sample --out SHEET.csv` and fill in its `judgement` column; keep its header.',
    });
    return { rows: [], diagnostics };
  }
  const rows: ReviewRow[] = [];
  for (const record of body) {
    const field = (name: string) => (at(name) >= 0 ? (record.fields[at(name)] ?? '').trim() : '');
    const problemAt = (name: string, rule: string, message: string, hint: string) =>
      diagnostics.push({ severity: 'error', rule, message, file, line: record.line, column: record.columns[at(name)] ?? 1, hint });
    const start = wholeNumber(field('start'));
    const end = wholeNumber(field('end'));
    if (start === undefined || end === undefined || end <= start || field('document') === '' || field('code') === '') {
      problemAt(
        'start',
        'review/bad-row',
        'This row does not name a match (document, code, and start < end as whole numbers); it is left out.',
        'Keep the columns `sample` wrote; only `judgement` and `note` are for the reviewer.',
      );
      continue;
    }
    const written = field('judgement');
    const judgement = written === '' ? null : JUDGEMENTS[written.toLowerCase()];
    if (judgement === undefined) {
      problemAt(
        'judgement',
        'review/bad-judgement',
        `\`${written}\` is not a judgement; the row is left out.`,
        'Write `yes` (the passage is an instance of the code), `no` (it is not) or `unsure`; leave it empty for a row not judged yet.',
      );
      continue;
    }
    const row: ReviewRow = {
      line: record.line,
      id: field('id'),
      document: field('document'),
      theme: field('theme'),
      code: field('code'),
      term: field('term'),
      matched: at('matched') >= 0 ? (record.fields[at('matched')] ?? '') : '',
      start,
      end,
      judgement,
      note: field('note'),
    };
    const drawnFrom = field('drawn_from');
    const population = wholeNumber(field('population'));
    if ((drawnFrom === 'code' || drawnFrom === 'term') && population !== undefined) {
      row.drawnFrom = drawnFrom;
      row.population = population;
    }
    rows.push(row);
  }
  return { rows, diagnostics };
}

function wholeNumber(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}
