import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../types.ts';
import { toDocumentMeta } from '../ingest/index.ts';
import { readTable, type TableLimits } from '../ingest/read-table.ts';
import { toTableRecords, type TableColumns } from '../ingest/to-table-records.ts';
import { toDisplayPath } from '../ingest/to-display-path.ts';
import { describeFsError } from '../ingest/describe-fs-error.ts';
import { addCorpusEntries } from '../corpus/add-corpus-entry.ts';
import { planTableEntries, toSlug, type CorpusState, type PlannedDocument, type TablePlan, type TableSource } from '../corpus/plan-table-entries.ts';
import { openCorpusForAdding, writeAtomically, type CorpusForAdding } from './run-add.ts';
import { toTableAddSummary } from './to-table-add-summary.ts';

export interface AddTableOptions {
  corpusDir: string;
  /** The .xlsx, .csv or .jsonl file. */
  table: string;
  columns: TableColumns;
  /** Sheets to read (xlsx); empty: every sheet that has the text column. */
  sheets: string[];
  /** Metadata for every row, from the command line. */
  constants: TableSource['constants'];
  /** Subfolder of the corpus for the documents (default: the table's file name as a slug). */
  to?: string;
  /** What reading the table may cost (default DEFAULT_TABLE_LIMITS: --doc-max-mb 256, --max-file-mb 200). */
  limits?: TableLimits;
}

export interface AddTableOutcome {
  /** 0 every row with a value added or already there, 1 some rows not added or not read, 2 nothing could be done. */
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  report: string;
  /** Paths of the documents added, relative to the corpus folder. */
  added: string[];
}

/**
 * `policycoder add TABLE`: every row of a spreadsheet, CSV or JSONL file that has text becomes a
 * UTF-8 .txt document in the corpus with its corpus.yaml entry (metadata from the mapped columns,
 * provenance: table, sha256, sheet, row). The documents are written first, then corpus.yaml once;
 * if that fails, the documents just written are removed again.
 */
export async function runAddTable(options: AddTableOptions): Promise<AddTableOutcome> {
  const stop = (diagnostics: Diagnostic[]): AddTableOutcome => ({ exitCode: 2, diagnostics, report: '', added: [] });
  const corpus = await openCorpusForAdding(options.corpusDir);
  if ('exitCode' in corpus) return stop(corpus.diagnostics);
  const shown = toDisplayPath(options.table);
  const read = await readTable(options.table, options.limits);
  if (!read.table || read.sha256 === undefined) return stop(read.diagnostics);
  const records = toTableRecords(read.table, options.columns, shown, options.sheets);
  if ('problem' in records) return stop([...read.diagnostics, records.problem]);

  const name = path.basename(options.table);
  const to = path.posix.normalize((options.to ?? toSlug(path.basename(name, path.extname(name)))).split(path.sep).join('/')).replace(/\/+$/, '');
  if (to === '..' || to.startsWith('../') || path.posix.isAbsolute(to)) {
    return stop([
      {
        severity: 'error',
        rule: 'add/bad-target',
        message: `--to must name a folder inside the corpus, not "${options.to}".`,
        hint: 'Give a subfolder such as --to policies.',
      },
    ]);
  }
  const source: TableSource = {
    name,
    sha256: read.sha256,
    format: read.table.format,
    shown,
    to: to === '.' ? '' : to,
    idColumn: options.columns.id !== undefined,
    constants: options.constants,
  };
  const plan = planTableEntries(
    records.sheets.flatMap((sheet) => sheet.records),
    source,
    toCorpusState(corpus),
  );
  const diagnostics = [...read.diagnostics, ...records.diagnostics, ...plan.diagnostics];

  const { written, diskFailed } = await writeDocuments(corpus.corpusDir, plan, shown, diagnostics);
  let appended = 0;
  let yamlFailed = false;
  if (written.length > 0) {
    const updated = addCorpusEntries(
      corpus.yamlText,
      written.map((document) => document.entry),
    );
    const yamlError = 'problem' in updated ? undefined : await writeAtomically(corpus.yamlPath, updated.text);
    const failure =
      'problem' in updated ? `Cannot add the entries: ${updated.problem}.` : yamlError && `Cannot write ${corpus.shownYaml}: ${describeFsError(yamlError)}.`;
    if (failure !== undefined) {
      yamlFailed = yamlError !== undefined;
      await Promise.all(written.map((document) => rm(path.join(corpus.corpusDir, document.relPath), { force: true })));
      for (const document of written) plan.rows[document.row]!.outcome = 'not-written';
      diagnostics.push({
        severity: 'error',
        rule: 'add/cannot-edit-yaml',
        message: `${failure.replace(/\.?$/, '.')} No document was added.`,
        file: corpus.shownYaml,
        hint: 'Check that corpus.yaml can be written and has the layout `policycoder add` keeps (see README.md, "Adding a document").',
      });
    } else appended = written.length;
  }
  dropWarningsOfUnwritten(plan, diagnostics);
  const report = toTableAddSummary({
    table: shown,
    sha256: read.sha256,
    format: read.table.format,
    textColumns: options.columns.text,
    sheets: records.sheets,
    rows: plan.rows,
    shownYaml: corpus.shownYaml,
    appended,
  });
  const complete = plan.rows.every((row) => row.outcome === 'added' || row.outcome === 'already-present');
  const unread = records.sheets.some((sheet) => sheet.unreadableRows.length > 0);
  return {
    exitCode: diskFailed || yamlFailed ? 2 : complete && !unread ? 0 : 1,
    diagnostics,
    report,
    added: appended > 0 ? written.map((document) => document.relPath) : [],
  };
}

/** "Added without a date" and the like are untrue for a row that was not written after all. */
function dropWarningsOfUnwritten(plan: TablePlan, diagnostics: Diagnostic[]): void {
  const untrue = new Set(plan.documents.filter((document) => plan.rows[document.row]!.outcome === 'not-written').flatMap((document) => document.warnings));
  if (untrue.size === 0) return;
  const kept = diagnostics.filter((diagnostic) => !untrue.has(diagnostic));
  diagnostics.splice(0, diagnostics.length, ...kept);
}

function toCorpusState(corpus: CorpusForAdding): CorpusState {
  const byContent = new Map<string, { id: string; relPath: string }>();
  for (const source of corpus.sources) {
    if (!byContent.has(source.sha256))
      byContent.set(source.sha256, { id: toDocumentMeta(source, corpus.entryByFile.get(source.relPath)).id, relPath: source.relPath });
  }
  const takenPaths = new Set([...corpus.sources.map((source) => source.relPath), ...corpus.entryByFile.keys()].map((relPath) => relPath.toLowerCase()));
  return { byContent, idToFile: corpus.idToFile, takenPaths };
}

/**
 * Writes each document (never over an existing file); one in the way is marked and reported. A
 * file-system failure (read-only, disk full, no permission) stops the writing and takes back the
 * documents already written: `diskFailed`, nothing half-written is left.
 */
async function writeDocuments(
  corpusDir: string,
  plan: TablePlan,
  shown: string,
  diagnostics: Diagnostic[],
): Promise<{ written: PlannedDocument[]; diskFailed: boolean }> {
  const written: PlannedDocument[] = [];
  for (const document of plan.documents) {
    const target = path.join(corpusDir, document.relPath);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, document.text, { encoding: 'utf8', flag: 'wx' });
      written.push(document);
    } catch (error) {
      plan.rows[document.row]!.outcome = 'not-written';
      const inTheWay = (error as { code?: string }).code === 'EEXIST';
      diagnostics.push({
        severity: 'error',
        rule: 'add/write-failed',
        message: `Cannot write ${toDisplayPath(target)} for ${document.entry.id}: ${describeFsError(error)}.${inTheWay ? '' : ' No document was added.'}`,
        file: shown,
        hint: inTheWay
          ? 'Check that no file of that name is in the way.'
          : 'Make the corpus folder writable (or free disk space), then add the table again: rows already added are not added twice.',
      });
      if (inTheWay) continue;
      await rm(target, { force: true }).catch(() => undefined);
      await Promise.all(written.map((done) => rm(path.join(corpusDir, done.relPath), { force: true }).catch(() => undefined)));
      for (const done of plan.documents) plan.rows[done.row]!.outcome = 'not-written';
      return { written: [], diskFailed: true };
    }
  }
  return { written, diskFailed: false };
}
