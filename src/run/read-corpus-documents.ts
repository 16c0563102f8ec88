import path from 'node:path';
import type { BoilerplateRemoval, CjkWordRule, Diagnostic, DocumentMeta, ExtractedText, InputRecord, SourceFile } from '../types.ts';
import { hasErrors } from '../diagnostics/render-diagnostic.ts';
import { detectLanguage, type LanguageGuess } from '../text/detect-language.ts';
import { CORPUS_YAML, discoverSources, EXTRACTOR_VERSION, extractText, readCorpusMetadata, toDocumentMeta } from '../ingest/index.ts';
import type { CorpusEntry } from '../ingest/index.ts';
import { readExtractCache } from '../ingest/read-extract-cache.ts';
import { assignBoilerplateRules } from '../ingest/assign-boilerplate-rules.ts';
import { checkUnusedRules } from '../ingest/check-boilerplate-removals.ts';
import { removeBoilerplate } from '../ingest/remove-boilerplate.ts';
import { toCorpusSelection, type CommandLineSelection } from '../ingest/to-corpus-selection.ts';
import { toDisplayPath } from '../ingest/to-display-path.ts';

/** One discovered document with its metadata and, when it could be read, its text. */
export interface CorpusDocument {
  source: SourceFile;
  meta: DocumentMeta;
  /** The corpus.yaml entry, when the file has one. */
  entry?: CorpusEntry;
  /** The text to count: boilerplate removed (blanked, offsets unchanged). */
  extracted?: ExtractedText;
  /** What each boilerplate rule removed from it (when rules apply to it). */
  boilerplate?: BoilerplateRemoval[];
  /** The text as extracted, boilerplate included (when rules apply to it): same offsets as `extracted`. */
  original?: ExtractedText;
  /** The guess for documents without a `language` in corpus.yaml (already applied to `meta`). */
  languageGuess?: LanguageGuess;
  /** For PDFs: whether the extracted text was in the cache before this run; null for text files. */
  cached: boolean | null;
  /** Problems reading this document. */
  diagnostics: Diagnostic[];
}

export interface CorpusReading {
  documents: CorpusDocument[];
  /** Documents left out by the include/exclude patterns (`status: excluded`). */
  excluded: InputRecord[];
  entries: CorpusEntry[];
  /** Problems with the folder or corpus.yaml (not with single documents). */
  diagnostics: Diagnostic[];
  /** True when the corpus folder or corpus.yaml could not be read at all. */
  failed: boolean;
}

export interface ReadCorpusOptions {
  cacheDir: string | null;
  /** Which documents to extract (default: all). */
  extract?: (meta: DocumentMeta) => boolean;
  /** `--include`/`--exclude`/`--allow-outside-links`, on top of corpus.yaml's patterns. */
  selection?: CommandLineSelection;
  /** The words rule for the words each boilerplate rule removed (default: icu). */
  cjkWords?: CjkWordRule;
}

/** Discover -> metadata -> (extract, guess language) per document: what `corpus`, `validate` and `export` share. */
export async function readCorpusDocuments(corpusDir: string, options: ReadCorpusOptions): Promise<CorpusReading> {
  const metadata = await readCorpusMetadata(corpusDir);
  const { entries, diagnostics: metadataDiagnostics } = metadata;
  const selection = toCorpusSelection(metadata, options.selection);
  const { sources, excluded, diagnostics: discoverDiagnostics } = await discoverSources(corpusDir, { selection, listed: entries.map((entry) => entry.file) });
  const yamlPath = toDisplayPath(corpusYamlPath(corpusDir));
  const boilerplate = assignBoilerplateRules(
    metadata.boilerplate,
    entries,
    sources.map((source) => source.relPath),
    yamlPath,
  );
  const diagnostics = [...discoverDiagnostics, ...metadataDiagnostics, ...boilerplate.diagnostics];
  // `blocking` (when ingest provides it) tells errors that make corpus.yaml untrustworthy from refused entries.
  const blocking = (metadata as { blocking?: boolean }).blocking ?? hasErrors(metadataDiagnostics);
  const failed = blocking || discoverDiagnostics.some((d) => d.rule === 'ingest/corpus-missing' || d.rule === 'ingest/corpus-not-a-folder');
  const entryByFile = new Map(entries.map((entry) => [entry.file, entry]));
  const documents: CorpusDocument[] = [];
  for (const source of sources) {
    const entry = entryByFile.get(source.relPath);
    const meta = toDocumentMeta(source, entry);
    const document: CorpusDocument = { source, meta, cached: null, diagnostics: [] };
    if (entry) document.entry = entry;
    documents.push(document);
    if (options.extract && !options.extract(meta)) continue;
    if (source.format === 'pdf') {
      document.cached = options.cacheDir !== null && (await readExtractCache(options.cacheDir, source.sha256, EXTRACTOR_VERSION)) !== undefined;
    }
    // The same options analyze passes: a PDF password and a text encoding from corpus.yaml.
    const { password, encoding } = (entry ?? {}) as { password?: string; encoding?: string };
    const { extracted, diagnostics: extractDiagnostics } = await extractText(source, {
      cacheDir: options.cacheDir,
      ...(password === undefined ? {} : { password }),
      ...(encoding === undefined ? {} : { encoding }),
    });
    document.diagnostics.push(...extractDiagnostics);
    if (!extracted) continue;
    const rules = boilerplate.rulesOf.get(source.relPath) ?? [];
    const removed = removeBoilerplate(extracted, rules, options.cjkWords ?? 'icu', toDisplayPath(source.path));
    document.diagnostics.push(...removed.diagnostics);
    if (rules.length > 0) Object.assign(document, { boilerplate: removed.removals, original: extracted });
    document.extracted = removed.extracted;
    if (meta.language === undefined) {
      document.languageGuess = detectLanguage(document.extracted.text);
      if (document.languageGuess.language !== undefined) Object.assign(meta, { language: document.languageGuess.language, languageSource: 'detected' });
    }
  }
  const read = documents.filter((document) => document.extracted !== undefined);
  diagnostics.push(
    ...checkUnusedRules(
      metadata.boilerplate,
      read.map((document) => document.boilerplate ?? []),
      read.length,
      yamlPath,
    ),
  );
  return { documents, excluded, entries, diagnostics, failed };
}

export function corpusYamlPath(corpusDir: string): string {
  return path.join(corpusDir, CORPUS_YAML);
}
