import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic, Table, TableRecord } from '../types.ts';
import { detectLanguage } from '../text/detect-language.ts';
import type { NewCorpusEntry } from './add-corpus-entry.ts';

/** Excel's limit on the characters of one cell: a text of exactly this length was probably cut. */
export const EXCEL_CELL_LIMIT = 32_767;

/** What happened to one row: added, or why not. */
export type RowOutcome = 'added' | 'already-present' | 'empty-text' | 'duplicate-text' | 'duplicate-id' | 'not-written';

export interface RowResult {
  record: TableRecord;
  outcome: RowOutcome;
  /** Why the row is worth a look although it was added. */
  flags: RowFlag[];
}

export type RowFlag = 'unreadable-date' | 'no-date' | 'cell-limit' | 'no-id';

/** The corpus as it is before the import. */
export interface CorpusState {
  /** sha256 of each document file -> its id and path. */
  byContent: ReadonlyMap<string, { id: string; relPath: string }>;
  /** Ids in use -> the path of their document. */
  idToFile: ReadonlyMap<string, string>;
  /** Lower-cased paths of the corpus's files (file systems that ignore case would see two names as one). */
  takenPaths: ReadonlySet<string>;
}

export interface TableSource {
  /** The table's file name (without folders), as recorded in provenance. */
  name: string;
  sha256: string;
  format: Table['format'];
  /** The table as shown in diagnostics. */
  shown: string;
  /** Folder in the corpus the documents go to ('' for the corpus folder), `/`-separated. */
  to: string;
  /** Whether ids come from a column (else each is derived from sheet or file name and row). */
  idColumn: boolean;
  /** Metadata given on the command line for every row. */
  constants: Partial<Record<'issuer' | 'level' | 'series' | 'language', string>>;
}

export interface PlannedDocument {
  relPath: string;
  text: string;
  entry: NewCorpusEntry;
  /** Index into `rows`. */
  row: number;
  /** The warnings (in `diagnostics`) that only hold if the document is added: drop them if it is not. */
  warnings: Diagnostic[];
}

export interface TablePlan {
  rows: RowResult[];
  documents: PlannedDocument[];
  diagnostics: Diagnostic[];
}

/**
 * Decides, row by row, what becomes a document: its id (from the id column, else the sheet's or
 * file's slug and the row number), a safe file name under `source.to`, and its corpus.yaml entry
 * with provenance. A row is not added when its text is empty, when the same text is already in
 * the corpus or an earlier row (it would be counted twice), or when its id is taken. The same
 * text under the same id is an earlier import of this row: already present, nothing to do.
 */
export function planTableEntries(records: readonly TableRecord[], source: TableSource, corpus: CorpusState): TablePlan {
  const rows: RowResult[] = [];
  const documents: PlannedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const plannedByContent = new Map<string, TableRecord>();
  const plannedIds = new Map<string, TableRecord>();
  const plannedPaths = new Set<string>();

  for (const record of records) {
    const warnings: Diagnostic[] = [];
    const say = (severity: Diagnostic['severity'], rule: string, message: string, hint: string) => {
      const diagnostic: Diagnostic = { severity, rule, message: `${rowLabel(record, source.format)}: ${message}`, file: source.shown, ...lineOf(record), hint };
      diagnostics.push(diagnostic);
      warnings.push(diagnostic);
    };
    const result: RowResult = { record, outcome: 'added', flags: [] };
    rows.push(result);
    if (record.text.trim() === '') {
      result.outcome = 'empty-text';
      say('warning', 'add/empty-text', 'the text cell is empty, so the row was skipped.', 'Fill in the text, or leave the row out of the table.');
      continue;
    }
    const id = record.id ?? derivedId(record, source);
    const sha256 = createHash('sha256').update(record.text, 'utf8').digest('hex');
    const inCorpus = corpus.byContent.get(sha256);
    if (inCorpus !== undefined && inCorpus.id === id) {
      result.outcome = 'already-present';
      continue;
    }
    const sameText = plannedByContent.get(sha256);
    if (inCorpus !== undefined || sameText !== undefined) {
      result.outcome = 'duplicate-text';
      const other = sameText ? lowerFirst(rowLabel(sameText, source.format)) : `${inCorpus!.relPath} (id "${inCorpus!.id}") in the corpus`;
      say('error', 'add/duplicate-text', `the text is the same as that of ${other}, so it was not added (it would be counted twice).`, 'If they are two documents, keep the one you mean in the corpus; if not, remove the duplicate row.');
      continue;
    }
    const idUser = plannedIds.get(id);
    const idFile = corpus.idToFile.get(id);
    if (idUser !== undefined || idFile !== undefined) {
      result.outcome = 'duplicate-id';
      const other = idUser ? lowerFirst(rowLabel(idUser, source.format)) : `${idFile} in the corpus`;
      const hint = idUser
        ? 'Ids must be unique: fix the id column, or leave out --id-column to derive ids from sheet and row.'
        : 'The text differs from the document already there: if the table changed since it was added, remove that entry and its file first; otherwise choose other ids (--id-column).';
      say('error', 'add/duplicate-id', `the id "${id}" is already used by ${other}, so the row was not added.`, hint);
      continue;
    }

    if (source.idColumn && record.id === undefined) {
      result.flags.push('no-id');
      say('warning', 'add/no-id', `the id cell is empty; the id "${id}" was derived from the row.`, 'Fill in the id column if the documents should keep ids of your own.');
    }
    if (record.text.length === EXCEL_CELL_LIMIT) {
      result.flags.push('cell-limit');
      say(
        'warning',
        'add/cell-limit',
        `the text has exactly ${EXCEL_CELL_LIMIT.toLocaleString('en-US')} characters, Excel's limit for one cell: it was probably cut.`,
        'Check the end of the text against the original document; replace the file in the corpus with the full text if it was cut.',
      );
    }
    if (record.unreadableDate !== undefined) {
      result.flags.push('unreadable-date');
      say('warning', 'add/unreadable-date', `the date "${record.unreadableDate}" cannot be read, so the document was added without a date.`, 'Add `date: YYYY-MM-DD` to its entry in corpus.yaml (the entry says so in a comment).');
    } else if (record.date === undefined) result.flags.push('no-date');

    const relPath = freeFileName(source.to, toFileStem(id), corpus.takenPaths, plannedPaths);
    plannedPaths.add(relPath.toLowerCase());
    plannedByContent.set(sha256, record);
    plannedIds.set(id, record);
    documents.push({ relPath, text: record.text, entry: toEntry(record, id, relPath, source), row: rows.length - 1, warnings });
  }
  return { rows, documents, diagnostics };
}

function toEntry(record: TableRecord, id: string, relPath: string, source: TableSource): NewCorpusEntry {
  const entry: NewCorpusEntry = { file: relPath, id, comments: {} };
  if (record.title !== undefined) entry.title = record.title;
  if (record.date !== undefined) entry.date = record.date;
  if (record.unreadableDate !== undefined) entry.comments!.file = `date in the table: "${record.unreadableDate}", not a date; add date: by hand`;
  for (const key of ['issuer', 'level', 'series', 'language'] as const) {
    const value = record[key] ?? source.constants[key];
    if (value !== undefined) entry[key] = value;
  }
  if (entry.language === undefined) {
    const guess = detectLanguage(record.text);
    if (guess.language !== undefined) {
      entry.language = guess.language;
      entry.comments!.language = `guessed from the text (${guess.method === 'script' ? 'script' : 'franc-min'}); check`;
    }
  }
  entry.provenance = {
    table: source.name,
    sha256: source.sha256,
    ...(record.sheet === undefined ? {} : { sheet: record.sheet }),
    ...(source.format === 'jsonl' ? { line: record.row } : { row: record.row }),
  };
  return entry;
}

/** `Sheet "Central", row 12` (xlsx), `Row 12` (CSV: the record, header = row 1), `Line 12` (JSONL). */
export function rowLabel(record: TableRecord, format: Table['format']): string {
  if (format === 'jsonl') return `Line ${record.row}`;
  return record.sheet === undefined ? `Row ${record.row}` : `Sheet "${record.sheet}", row ${record.row}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function lineOf(record: TableRecord): Pick<Diagnostic, 'line'> {
  return record.line === undefined ? {} : { line: record.line };
}

/** `central-policies-table-158` (sheet and row) or `government-work-reports-12` (file name and line). */
function derivedId(record: TableRecord, source: TableSource): string {
  const base = record.sheet ?? path.basename(source.name, path.extname(source.name));
  return `${toSlug(base)}-${record.row}`;
}

/** Lower case, runs of anything but letters and digits as one `-` (Chinese names keep their characters). */
export function toSlug(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'table'
  );
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_STEM = 100;

/**
 * A file name stem from an id that cannot leave its folder or trouble a file system: letters,
 * digits, `.`, `_` and `-` only (no `/`, `\`, `:` or leading dot), at most 100 characters.
 */
export function toFileStem(id: string): string {
  const stem = [
    ...id
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}\p{M}._-]+/gu, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-.]+|[-.]+$/g, ''),
  ]
    .slice(0, MAX_STEM)
    .join('')
    .replace(/[-.]+$/, '');
  if (stem === '') return 'document';
  return RESERVED.test(stem) ? `${stem}-document` : stem;
}

/** `FOLDER/STEM.txt`, or `STEM-2.txt`, `STEM-3.txt`, ... when the name is taken (ignoring case). */
function freeFileName(folder: string, stem: string, taken: ReadonlySet<string>, planned: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const relPath = path.posix.join(folder, `${n === 1 ? stem : `${stem}-${n}`}.txt`);
    if (!taken.has(relPath.toLowerCase()) && !planned.has(relPath.toLowerCase())) return relPath;
  }
}
