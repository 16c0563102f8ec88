import type { CjkWordRule } from '../types.ts';
import { normaliseDate } from '../ingest/normalise-date.ts';
import { runAdd, type AddMetadata } from '../run/run-add.ts';
import { runAddTable } from '../run/run-add-table.ts';
import { tableFormatOf } from '../ingest/read-table.ts';
import { METADATA_FIELDS, type MetadataField, type TableColumns } from '../ingest/to-table-records.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { printDiagnostics } from './analyze-command.ts';
import { DEFAULT_DOC_MAX_MB } from '../ingest/document-budget.ts';
import { DEFAULT_MAX_FILE_BYTES } from '../ingest/discover-sources.ts';
import { UsageError, type Command, type CommandIo, type OptionValues } from './command.ts';

const HELP = `Usage: policycoder add FILE... [options]
       policycoder add TABLE --text-column NAME [column options]

Adds documents to the corpus: copies each file into the corpus folder (or registers a file that is
already inside it), appends its entry to corpus.yaml without changing anything already written
there, and shows what was extracted (words, pages, language guess, warnings such as a PDF without
a text layer). A file with the same content, path or id as a document already in the corpus is
refused.

Options:
  --id ID               document id (one FILE only; default: the file name without extension)
  --title TEXT          title (one FILE only)
  --date DATE           YYYY-MM-DD, YYYY-MM or YYYY (default: a leading year in the file name)
  --issuer TEXT         issuing body
  --level TEXT          national, local, ...
  --series NAME         the series the documents belong to
  --language CODE       en, zh, ... (default: guessed from the text and marked as a guess)
  --to FOLDER           subfolder of the corpus to copy into (default: the corpus folder)
  --copy                copy files from outside the corpus into it (the default)
  --in-place            only register files already inside the corpus; refuse others
  --corpus DIR          the corpus (default: corpus)
  --cjk-words RULE      icu or characters, for the word count shown (default: icu)
  --cache DIR           cache for text extracted from PDFs (default: .policycoder-cache)
  --no-cache            do not use or fill the cache

Tables (.xlsx, .csv, .jsonl: one document per row). Each row with text becomes a UTF-8 .txt file
under --to (default: a folder named after the table) and a corpus.yaml entry that records its
provenance (table file name, its sha256, sheet, row or line). Rows are never dropped silently:
empty texts, unreadable dates, texts of exactly 32,767 characters (Excel's cell limit), lines
that are not JSON and duplicate ids or texts each get a message, and the summary accounts for
every row. A row whose text is already in the corpus under the same id was added before and is
not added again, so adding the same table twice adds nothing twice.
  --text-column NAME    the column with the documents' texts (required)
  --date-column NAME    dates: date cells, 2014-08-27, 2014/8/27, 2014年8月27日, 2014-08 or 2014
  --title-column NAME   titles
  --id-column NAME      ids (default: sheet or file name and row number, e.g. central-policies-table-158)
  --series-column NAME  series
  --column FIELD=NAME   any of id, title, date, issuer, level, series, language from a column,
                        e.g. --column issuer="Release Department"
  --sheet NAME          read only this sheet of a workbook (default: every sheet with the text column)
  --doc-max-mb N        refuse a workbook whose XML unzips to more than N MB, before unpacking (default: 256)
  --max-file-mb N       a row with a cell over N MB is not read (default: 200, what analyze reads)
Every column option may be given more than once: a sheet uses the first of the names it has.
--issuer, --level, --series and --language give one value to every row instead.`;

export const addCommand: Command = {
  name: 'add',
  summary: 'copy documents into the corpus and describe them in corpus.yaml',
  help: HELP,
  options: {
    id: { type: 'string' },
    title: { type: 'string' },
    date: { type: 'string' },
    issuer: { type: 'string' },
    level: { type: 'string' },
    series: { type: 'string' },
    language: { type: 'string' },
    to: { type: 'string' },
    copy: { type: 'boolean', default: false },
    'in-place': { type: 'boolean', default: false },
    corpus: { type: 'string', default: 'corpus' },
    'cjk-words': { type: 'string', default: 'icu' },
    cache: { type: 'string', default: '.policycoder-cache' },
    'no-cache': { type: 'boolean', default: false },
    'text-column': { type: 'string', multiple: true },
    'date-column': { type: 'string', multiple: true },
    'title-column': { type: 'string', multiple: true },
    'id-column': { type: 'string', multiple: true },
    'series-column': { type: 'string', multiple: true },
    column: { type: 'string', multiple: true },
    sheet: { type: 'string', multiple: true },
    'doc-max-mb': { type: 'string', default: String(DEFAULT_DOC_MAX_MB) },
    'max-file-mb': { type: 'string', default: String(DEFAULT_MAX_FILE_BYTES / 1024 / 1024) },
  },
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('name the files to add, e.g. policycoder add plan.pdf --date 2018-07-30 --series shenzhen');
    if (positionals.some((file) => tableFormatOf(file) !== undefined) || values['text-column'] !== undefined) return addTable(values, positionals, io);
    if (values.copy === true && values['in-place'] === true) throw new UsageError('--copy and --in-place exclude each other');
    if (positionals.length > 1 && (values.id !== undefined || values.title !== undefined)) {
      throw new UsageError('--id and --title describe one document; add the files one at a time to give each its own');
    }
    const cjkWords = String(values['cjk-words']);
    if (cjkWords !== 'icu' && cjkWords !== 'characters') throw new UsageError(`--cjk-words must be "icu" or "characters", not "${cjkWords}"`);
    const meta: AddMetadata = {};
    for (const key of ['id', 'title', 'issuer', 'level', 'series', 'language'] as const) {
      const value = values[key];
      if (typeof value === 'string' && value.trim() !== '') meta[key] = value.trim();
    }
    if (typeof values.date === 'string') {
      const date = normaliseDate(values.date.trim(), values.date.trim());
      if (date === undefined) throw new UsageError(`--date must be YYYY-MM-DD, YYYY-MM or YYYY with a real month and day, not "${values.date}"`);
      meta.date = date;
    }
    const outcome = await runAdd({
      corpusDir: String(values.corpus),
      files: positionals,
      meta,
      mode: values['in-place'] === true ? 'in-place' : 'copy',
      ...(typeof values.to === 'string' ? { to: values.to } : {}),
      cacheDir: values['no-cache'] === true ? null : String(values.cache),
      cjkWords: cjkWords satisfies CjkWordRule,
    });
    printDiagnostics(io, outcome.diagnostics);
    io.stdout(outcome.report);
    return outcome.exitCode;
  },
};

async function addTable(values: OptionValues, positionals: string[], io: CommandIo): Promise<number> {
  const [table] = positionals;
  if (positionals.length > 1 || tableFormatOf(table!) === undefined) {
    throw new UsageError('add one table (.xlsx, .csv or .jsonl) at a time, with no other files; --text-column applies to tables only');
  }
  for (const name of ['id', 'title', 'date'] as const) {
    if (values[name] !== undefined) throw new UsageError(`--${name} describes one document; for a table, take it from a column: --${name}-column NAME`);
  }
  if (values['in-place'] === true) throw new UsageError("--in-place applies to document files; a table's rows are always written into the corpus");
  const columns = toTableColumns(values);
  const constants: Partial<Record<'issuer' | 'level' | 'series' | 'language', string>> = {};
  for (const key of ['issuer', 'level', 'series', 'language'] as const) {
    const value = values[key];
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (columns[key] !== undefined)
      throw new UsageError(`--${key} and a ${key} column exclude each other: give one value for every row or take it from a column`);
    constants[key] = value.trim();
  }
  const sheets = (values.sheet as string[] | undefined) ?? [];
  if (sheets.length > 0 && tableFormatOf(table!) !== 'xlsx') throw new UsageError('--sheet applies to .xlsx workbooks only');
  const outcome = await runAddTable({
    corpusDir: String(values.corpus),
    table: table!,
    columns,
    sheets,
    constants,
    ...(typeof values.to === 'string' ? { to: values.to } : {}),
    limits: { maxUnpackedBytes: megabytes(values, 'doc-max-mb'), maxCellBytes: megabytes(values, 'max-file-mb') },
  });
  printDiagnostics(io, outcome.diagnostics);
  io.stdout(outcome.report);
  return outcome.exitCode;
}

function megabytes(values: OptionValues, name: 'doc-max-mb' | 'max-file-mb'): number {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${name} must be a positive number of megabytes, not "${String(values[name])}"`);
  return Math.round(value * 1024 * 1024);
}

/** --text-column, --date-column, ... and --column FIELD=NAME as lists of column names per field. */
function toTableColumns(values: OptionValues): TableColumns {
  const text = (values['text-column'] as string[] | undefined) ?? [];
  const columns: Partial<Record<MetadataField | 'text', string[]>> = {};
  const add = (field: MetadataField | 'text', name: string) => {
    if (name.trim() === '') throw new UsageError(`the column name for ${field} is empty`);
    columns[field] = [...(columns[field] ?? []), name.trim()];
  };
  for (const name of text) add('text', name);
  for (const field of ['date', 'title', 'id', 'series'] as const)
    for (const name of (values[`${field}-column`] as string[] | undefined) ?? []) add(field, name);
  for (const pair of (values.column as string[] | undefined) ?? []) {
    const equals = pair.indexOf('=');
    const field = pair.slice(0, Math.max(equals, 0)).trim();
    if (equals < 0 || !(field === 'text' || (METADATA_FIELDS as readonly string[]).includes(field))) {
      const guess = equals < 0 ? undefined : didYouMean(field, ['text', ...METADATA_FIELDS]);
      throw new UsageError(
        `--column takes FIELD=NAME with FIELD one of text, ${METADATA_FIELDS.join(', ')}, not "${pair}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
      );
    }
    add(field as MetadataField | 'text', pair.slice(equals + 1));
  }
  if (columns.text === undefined) throw new UsageError("a table needs --text-column NAME: the column that holds the documents' texts");
  return columns as TableColumns;
}
