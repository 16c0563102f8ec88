import type { Diagnostic, ExtractedText, SourceFile } from '../types.ts';
import { checkTextQuality, emptyFile } from './check-text-quality.ts';
import { describeFsError } from './describe-fs-error.ts';
import { extractPdfText } from './extract-pdf-text.ts';
import { DOCX_EXTRACTOR_VERSION, readDocxText } from './read-docx-text.ts';
import { readExtractCache, removeExtractCache } from './read-extract-cache.ts';
import type { ExtractNote } from './read-extract-cache.ts';
import { EXTRACTOR_VERSION } from './read-pdf-text.ts';
import { htmlTooComplex, htmlTooDeep, readPlainText } from './read-plain-text.ts';
import { readSourceBytes, type ReadContent } from './read-source-bytes.ts';
import { toDisplayPath } from './to-display-path.ts';
import { writeExtractCache } from './write-extract-cache.ts';
import { checkUnzippedSize, type UnzippedSizeProblem } from './check-unzipped-size.ts';
import { DEFAULT_BUDGET, type DocumentBudget, overBudget } from './document-budget.ts';

export interface ExtractOptions {
  /** Folder for the cache of text extracted from PDF and DOCX files; null turns caching off. */
  cacheDir: string | null;
  /** Password for an encrypted PDF (corpus.yaml `password:`). */
  password?: string;
  /** Text encoding of a .txt/.md/.html file (corpus.yaml `encoding:`), overriding detection. */
  encoding?: string;
  /** What the document may cost (default `DEFAULT_BUDGET`): time for PDFs, unpacked size for DOCX files. */
  budget?: DocumentBudget;
}

export interface ExtractResult {
  /** Absent when the document cannot be analysed; `diagnostics` then holds an error saying why. */
  extracted?: ExtractedText;
  diagnostics: Diagnostic[];
  /** True when the text came from the cache, without extracting. */
  fromCache: boolean;
  /**
   * Size and sha256 of the bytes this text comes from, read once and hashed from the same buffer
   * (so they match the text even when the file changed since discovery); absent when unreadable.
   */
  content?: ReadContent;
}

/** The extractor version of each cached format: PDF and DOCX are slow to extract, text and HTML are not. */
const CACHED_VERSIONS: Partial<Record<SourceFile['format'], string>> = { pdf: EXTRACTOR_VERSION, docx: DOCX_EXTRACTOR_VERSION };

/**
 * The text of one document, checked: an empty file, a PDF without a text layer ("needs OCR") or
 * garbled text come back as an error with no `extracted` (see `checkTextQuality`), as do files
 * that cannot be read or decoded. Never throws for bad input.
 */
export async function extractText(source: SourceFile, options: ExtractOptions): Promise<ExtractResult> {
  const file = toDisplayPath(source.path);
  const version = CACHED_VERSIONS[source.format];
  const read =
    version === undefined ? { ...(await readPlainText(source, options.encoding)), fromCache: false } : await extractCached(source, version, options, file);
  if (!read.extracted) return read;
  const quality = checkTextQuality(read.extracted.text, source.format, file);
  const diagnostics = [...read.diagnostics, ...quality];
  const content = read.content === undefined ? {} : { content: read.content };
  if (quality.some((diagnostic) => diagnostic.severity === 'error')) return { diagnostics, fromCache: read.fromCache, ...content };
  return { extracted: read.extracted, diagnostics, fromCache: read.fromCache, ...content };
}

/**
 * A PDF or DOCX: read and hashed once, then its text from the cache under that hash, else extracted
 * from the same bytes. A PDF given a password is never cached (see `cacheFor`).
 */
async function extractCached(source: SourceFile, version: string, options: ExtractOptions, file: string): Promise<ExtractResult> {
  const started = performance.now();
  const read = await readSourceBytes(source);
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic], fromCache: false };
  const content = { bytes: read.bytes.length, sha256: read.sha256 };
  const cacheDir = await cacheFor(options, read.sha256, version);
  const cached = cacheDir ? await readExtractCache(cacheDir, read.sha256, version) : undefined;
  if (cached) return { extracted: cached.extracted, diagnostics: withFile(cached.notes, file), fromCache: true, content };

  if (read.bytes.length === 0) return { diagnostics: [emptyFile(file)], fromCache: false, content };
  const budget = options.budget ?? DEFAULT_BUDGET;
  let result: { extracted?: ExtractedText; diagnostics: Diagnostic[] };
  if (source.format === 'pdf') {
    result = await extractPdfText(read.bytes, file, options.password, { deadline: started + budget.timeoutMs, timeoutMs: budget.timeoutMs });
  } else {
    const unzipped = checkUnzippedSize(read.bytes, budget.maxUnpackedBytes, isDocxTextPart);
    if (unzipped) return { diagnostics: [unzippedProblem(file, unzipped, budget.maxUnpackedBytes)], fromCache: false, content };
    const docx = await readDocxText(read.bytes);
    result =
      'tooDeep' in docx
        ? { diagnostics: [htmlTooDeep(file, docx.tooDeep)] }
        : 'tooManyAttributes' in docx
          ? { diagnostics: [htmlTooComplex(file, docx.tooManyAttributes)] }
          : 'failure' in docx
            ? {
                diagnostics: [
                  {
                    severity: 'error',
                    rule: 'ingest/docx-invalid',
                    message: `Cannot read this Word file: ${docx.failure}.`,
                    file,
                    hint: 'Open it in Word or LibreOffice and save it again as .docx (an old .doc must be converted).',
                  },
                ],
              }
            : { extracted: { text: docx.text, pages: [] }, diagnostics: [] };
  }
  if (!result.extracted) {
    // Text an older version cached for a PDF that now turns out to be locked: remove it.
    if (cacheDir && result.diagnostics.some((d) => d.rule === 'ingest/pdf-encrypted')) await removeExtractCache(cacheDir, read.sha256, version);
    return { ...result, fromCache: false, content };
  }
  const diagnostics = [...result.diagnostics];
  if (cacheDir) {
    const notes: ExtractNote[] = result.diagnostics.map(({ file: _file, ...note }) => note);
    const error = await writeExtractCache(cacheDir, read.sha256, version, result.extracted, notes);
    if (error) {
      diagnostics.push({
        severity: 'warning',
        rule: 'ingest/cache-write-failed',
        message: `Could not store the extracted text in the cache: ${describeFsError(error)}.`,
        file,
        hint: 'Check that the cache folder is writable, or run with --no-cache.',
      });
    }
  }
  return { extracted: result.extracted, diagnostics, fromCache: false, content };
}

/**
 * The cache folder to use for this document, or null. The text of a PDF opened with a password is
 * never cached: the cache is keyed by the file's bytes alone, so a cached text would be served to a
 * run with a wrong password or none, and it would sit decrypted on disk. Any entry for it (written
 * by an older version) is removed.
 */
async function cacheFor(options: ExtractOptions, sha256: string, version: string): Promise<string | null> {
  if (!options.cacheDir) return null;
  if (options.password === undefined) return options.cacheDir;
  await removeExtractCache(options.cacheDir, sha256, version);
  return null;
}

/** The parts of a DOCX that mammoth unpacks and parses: XML and relationships (images are never read). */
function isDocxTextPart(name: string): boolean {
  return /\.(?:xml|rels)$/i.test(name);
}

function unzippedProblem(file: string, problem: UnzippedSizeProblem, limit: number): Diagnostic {
  if ('tooLarge' in problem) {
    return overBudget(
      file,
      `The Word file's text parts unzip to ${toMegabytes(problem.tooLarge)}, more than the ${toMegabytes(limit)} a document may unpack to (--doc-max-mb); it was not read.`,
      'A Word document of normal length unzips to a few megabytes: this one is probably not what it seems. If it is real, raise --doc-max-mb.',
    );
  }
  return {
    severity: 'error',
    rule: 'ingest/docx-invalid',
    message: `Cannot read this Word file: ${problem.inconsistent} (its ZIP directory does not match its contents).`,
    file,
    hint: 'Open it in Word or LibreOffice and save it again as .docx.',
  };
}

function toMegabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`;
}

function withFile(notes: ExtractNote[], file: string): Diagnostic[] {
  return notes.map((note) => ({ ...note, file }));
}
