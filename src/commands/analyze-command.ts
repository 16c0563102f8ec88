import { availableParallelism } from 'node:os';
import { COMPARE_FIELDS, type CjkWordRule, type CompareBy, type CompareField, type Diagnostic, type Period } from '../types.ts';
import { PERIOD_MIN_DOCUMENTS, PERIODS } from '../analyze/pool-periods.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { renderDiagnostic } from '../diagnostics/render-diagnostic.ts';
import { runAnalyze, type AnalyzeOptions } from '../run.ts';
import { UsageError, type Command, type CommandIo, type OptionValues } from './command.ts';
import { SELECTION_HELP, SELECTION_OPTIONS, selectionFrom } from './corpus-selection.ts';
import { CODEBOOK_OPTION, codebookFrom } from './default-codebook.ts';
import { DEFAULT_DOC_MAX_MB, DEFAULT_DOC_TIMEOUT_SECONDS } from '../ingest/document-budget.ts';
import { capThreads } from './cap-threads.ts';

const HELP = `Usage: policycoder analyze [options]

Codes every document in the corpus with the codebook and writes the reports.

Options:
  --corpus DIR          folder of .txt, .md, .pdf, .html and .docx documents, with
                        optional corpus.yaml metadata (default: corpus)
  --codebook FILE       native policycoder YAML codebook or quanteda YAML dictionary,
                        or a LIWC .dic, LIWC-22 .dicx or WordStat .cat dictionary
                        (default: codebooks/smart-city.yaml)
  --out DIR             folder for the reports; created if missing (default: outputs)
  --cjk-words RULE      how Chinese/Japanese text counts towards the words denominator:
                        icu (ICU word segmentation, as quanteda) or characters
                        (one word per character) (default: icu)
  --top-terms N         terms listed behind each theme in the evolution report (default: 3)
  --period P            what the evolution compares: year, quarter, month (each pooling
                        its documents' counts and words) or document (default: year for
                        a series of more than ${PERIOD_MIN_DOCUMENTS} documents, else document)
${SELECTION_HELP}
  --cache DIR           cache for text extracted from PDF and DOCX files
                        (default: .policycoder-cache)
  --no-cache            extract every PDF and DOCX again
  --max-file-mb N       skip (and list as failed) documents larger than N MB (default: 200)
  --doc-timeout S       stop (and list as failed) a document whose reading and coding
                        take longer than S seconds (default: 300)
  --doc-max-mb N        do not unpack (and list as failed) a Word file whose text parts
                        unzip to more than N MB (default: 256)
  --threads N           worker threads that read and code documents (default: one per
                        core for corpora over 4 MB or with 4+ PDF/DOCX files; 0: none;
                        at most one per core)
  --compare-by FIELD    compare each group of documents sharing a value of FIELD (id,
                        title, date, year, issuer, level, series, language) with all the
                        others, per theme and code; FIELD=VALUE compares that group only,
                        e.g. --compare-by id=深圳 (comparisons.csv, report sections)
  --quiet               print only problems, not the summary

Reports written to --out: report.md (and report.html), frequencies.csv, frequencies.json,
terms.csv, evidence.csv, excluded.csv, evolution.md, evolution.csv, evolution.json,
trends.csv, cooccurrence.csv, manifest.json (and comparisons.csv with --compare-by).
See README.md for every column.`;

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'code every document in the corpus and write the reports',
  help: HELP,
  options: {
    ...SELECTION_OPTIONS,
    corpus: { type: 'string', default: 'corpus' },
    codebook: CODEBOOK_OPTION,
    out: { type: 'string', default: 'outputs' },
    'cjk-words': { type: 'string', default: 'icu' },
    'top-terms': { type: 'string', default: '3' },
    period: { type: 'string' },
    cache: { type: 'string', default: '.policycoder-cache' },
    'no-cache': { type: 'boolean', default: false },
    'max-file-mb': { type: 'string', default: '200' },
    'doc-timeout': { type: 'string', default: String(DEFAULT_DOC_TIMEOUT_SECONDS) },
    'doc-max-mb': { type: 'string', default: String(DEFAULT_DOC_MAX_MB) },
    threads: { type: 'string' },
    'compare-by': { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; options take the form --name VALUE`);
    const options = toAnalyzeOptions(values);
    if (options.threads !== undefined) {
      const capped = capThreads(options.threads, availableParallelism());
      if (capped.note) io.stderr(`${capped.note}\n`);
      options.threads = capped.threads;
    }
    const outcome = await runAnalyze(options, { onInput: (source, index, total) => showProgress(io, source.relPath, index, total) });
    if (io.isTTY) io.stderr('\r\x1b[K');
    printDiagnostics(io, outcome.diagnostics);
    if (outcome.summary && values.quiet !== true) io.stdout(`${outcome.summary}\n`);
    return outcome.exitCode;
  },
};

function toAnalyzeOptions(values: OptionValues): AnalyzeOptions {
  const cjkWords = String(values['cjk-words']);
  if (cjkWords !== 'icu' && cjkWords !== 'characters') {
    throw new UsageError(`--cjk-words must be "icu" or "characters", not "${cjkWords}"`);
  }
  const topTerms = Number(values['top-terms']);
  if (!Number.isInteger(topTerms) || topTerms < 0) {
    throw new UsageError(`--top-terms must be a whole number, not "${String(values['top-terms'])}"`);
  }
  const maxFileMb = Number(values['max-file-mb']);
  if (!Number.isFinite(maxFileMb) || maxFileMb <= 0) {
    throw new UsageError(`--max-file-mb must be a positive number of megabytes, not "${String(values['max-file-mb'])}"`);
  }
  const docTimeout = Number(values['doc-timeout'] ?? DEFAULT_DOC_TIMEOUT_SECONDS);
  if (!Number.isFinite(docTimeout) || docTimeout <= 0) {
    throw new UsageError(`--doc-timeout must be a positive number of seconds, not "${String(values['doc-timeout'])}"`);
  }
  const docMaxMb = Number(values['doc-max-mb'] ?? DEFAULT_DOC_MAX_MB);
  if (!Number.isFinite(docMaxMb) || docMaxMb <= 0) {
    throw new UsageError(`--doc-max-mb must be a positive number of megabytes, not "${String(values['doc-max-mb'])}"`);
  }
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 0)) {
    throw new UsageError(`--threads must be a whole number (0 for none), not "${String(values.threads)}"`);
  }
  const period = values.period === undefined ? undefined : String(values.period);
  if (period !== undefined && !PERIODS.includes(period as Period)) {
    throw new UsageError(`--period must be one of ${PERIODS.join(', ')}, not "${period}"`);
  }
  const compareBy = values['compare-by'] === undefined ? undefined : parseCompareBy(String(values['compare-by']));
  return {
    ...(threads === undefined ? {} : { threads }),
    ...(period === undefined ? {} : { period: period as Period }),
    ...(compareBy === undefined ? {} : { compareBy }),
    corpusDir: String(values.corpus),
    selection: selectionFrom(values),
    codebookPath: codebookFrom(values.codebook),
    outDir: String(values.out),
    cjkWords: cjkWords satisfies CjkWordRule,
    cacheDir: values['no-cache'] === true ? null : String(values.cache),
    topTerms,
    maxFileBytes: Math.round(maxFileMb * 1024 * 1024),
    budget: { timeoutMs: Math.round(docTimeout * 1000), maxUnpackedBytes: Math.round(docMaxMb * 1024 * 1024) },
  };
}

/** `FIELD` or `FIELD=VALUE`, FIELD one of COMPARE_FIELDS. */
export function parseCompareBy(text: string): CompareBy {
  const at = text.indexOf('=');
  const field = (at < 0 ? text : text.slice(0, at)).trim();
  const value = at < 0 ? undefined : text.slice(at + 1).trim();
  if (!(COMPARE_FIELDS as readonly string[]).includes(field)) {
    const suggestion = didYouMean(field, COMPARE_FIELDS);
    throw new UsageError(
      `--compare-by needs one of ${COMPARE_FIELDS.join(', ')}, not "${field}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; ` +
        'write FIELD, or FIELD=VALUE for one group, e.g. --compare-by level or --compare-by id=深圳',
    );
  }
  if (value === '') throw new UsageError(`--compare-by ${field}= needs a value after "=", e.g. --compare-by ${field}=VALUE`);
  return value === undefined ? { field: field as CompareField } : { field: field as CompareField, value };
}

export function printDiagnostics(io: CommandIo, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) io.stderr(`${renderDiagnostic(diagnostic)}\n`);
}

/** A progress bar on a terminal (stderr); nothing when output goes to a file or a pipe. */
function showProgress(io: CommandIo, relPath: string, index: number, total: number): void {
  if (!io.isTTY) return;
  const width = 24;
  const filled = Math.round(((index + 1) / total) * width);
  const name = relPath.length > 40 ? `…${relPath.slice(-39)}` : relPath;
  io.stderr(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${index + 1}/${total} ${name}`);
}
