import type { CjkWordRule, Diagnostic } from '../types.ts';
import { sortDiagnostics } from '../diagnostics/render-diagnostic.ts';
import { tokenize } from '../text/tokenize.ts';
import { countWords } from '../text/count-words.ts';
import { checkCorpusEntries } from '../ingest/index.ts';
import type { CorpusRow } from '../corpus/corpus-row.ts';
import { checkCorpus } from '../corpus/check-corpus.ts';
import type { CommandLineSelection } from '../ingest/to-corpus-selection.ts';
import { readCorpusDocuments, corpusYamlPath } from './read-corpus-documents.ts';

export interface CorpusOptions {
  corpusDir: string;
  cacheDir: string | null;
  cjkWords: CjkWordRule;
  /** `--include`/`--exclude`/`--allow-outside-links`. */
  selection?: CommandLineSelection;
}

export interface CorpusOutcome {
  /** 2 when the corpus could not be read at all; otherwise 0 (the caller applies `--check`). */
  exitCode: 0 | 2;
  rows: CorpusRow[];
  /** Documents left out by include/exclude patterns (not rows, so not "not listed"). */
  excluded: number;
  /** Problems with single documents and with corpus.yaml, including the `--check` rules. */
  diagnostics: Diagnostic[];
  /** Number of problems `--check` fails on. */
  failing: number;
}

/**
 * Rules that make `corpus --check` fail besides errors: metadata that names no file, PDFs without
 * text, and selection patterns or boilerplate rules that miss (boilerplate counted) or remove most of a document.
 */
const FAILING_WARNINGS = new Set([
  'corpus/missing-file',
  'ingest/pdf-no-text',
  'corpus/pattern-matches-nothing',
  'corpus/boilerplate-no-effect',
  'corpus/boilerplate-removes-most',
]);

/** Reads every document (PDF text from the cache where possible) into the rows of the corpus table, and checks them. */
export async function runCorpus(options: CorpusOptions): Promise<CorpusOutcome> {
  const reading = await readCorpusDocuments(options.corpusDir, {
    cacheDir: options.cacheDir,
    cjkWords: options.cjkWords,
    ...(options.selection ? { selection: options.selection } : {}),
  });
  if (reading.failed) return { exitCode: 2, rows: [], excluded: 0, diagnostics: sortDiagnostics(reading.diagnostics), failing: 0 };
  const yamlPath = corpusYamlPath(options.corpusDir);
  const rows: CorpusRow[] = reading.documents.map((document) => {
    const { meta, source, entry, extracted } = document;
    const words = extracted ? countWords(tokenize(extracted.text), options.cjkWords).words : null;
    const row: CorpusRow = {
      id: meta.id,
      file: source.relPath,
      title: meta.title,
      languageGuessed: meta.languageSource === 'detected',
      words,
      pages: extracted ? extracted.pages.length : null,
      cached: document.cached,
      listed: entry !== undefined,
      sha256: source.sha256,
      problems: document.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.rule),
    };
    for (const key of ['date', 'year', 'series', 'level', 'language'] as const) if (meta[key] !== undefined) Object.assign(row, { [key]: meta[key] });
    if (entry) row.position = entry.position;
    if (document.boilerplate) row.boilerplate = document.boilerplate;
    if (entry?.number !== undefined) row.number = entry.number;
    if (entry?.source !== undefined) row.source = entry.source;
    return row;
  });
  const diagnostics = [
    ...reading.diagnostics,
    ...reading.documents.flatMap((document) => document.diagnostics),
    ...checkCorpusEntries(reading.entries, [...reading.documents.map((document) => document.source), ...reading.excluded], yamlPath),
    ...checkCorpus(rows, yamlPath),
  ];
  const failing = diagnostics.filter((d) => d.severity === 'error' || FAILING_WARNINGS.has(d.rule)).length;
  return { exitCode: 0, rows, excluded: reading.excluded.length, diagnostics: sortDiagnostics(diagnostics), failing };
}
