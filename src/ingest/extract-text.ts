import type { Diagnostic, ExtractedText, SourceFile } from '../types.ts';
import { describeFsError } from './describe-fs-error.ts';
import { readSourceBytes } from './read-source-bytes.ts';
import { readExtractCache } from './read-extract-cache.ts';
import { EXTRACTOR_VERSION, readPdfText } from './read-pdf-text.ts';
import type { PdfFailureKind } from './read-pdf-text.ts';
import { readPlainText } from './read-plain-text.ts';
import { toDisplayPath } from './to-display-path.ts';
import { toPagedText } from './to-paged-text.ts';
import { writeExtractCache } from './write-extract-cache.ts';

export interface ExtractOptions {
  /** Folder for the PDF text cache; null turns caching off. */
  cacheDir: string | null;
  /** Password for encrypted PDFs. */
  password?: string;
}

/**
 * The text of one document. Failures come back as error diagnostics naming the file, with no
 * `extracted`; this never throws for bad input.
 */
export async function extractText(
  source: SourceFile,
  options: ExtractOptions,
): Promise<{ extracted?: ExtractedText; diagnostics: Diagnostic[] }> {
  if (source.format !== 'pdf') return readPlainText(source);
  const file = toDisplayPath(source.path);
  const diagnostics: Diagnostic[] = [];
  let extracted = options.cacheDir ? await readExtractCache(options.cacheDir, source.sha256, EXTRACTOR_VERSION) : undefined;

  if (!extracted) {
    const read = await readSourceBytes(source);
    if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
    const result = await readPdfText(read.bytes, options.password === undefined ? {} : { password: options.password });
    if ('failure' in result) return { diagnostics: [pdfFailure(file, result.failure, result.reason)] };
    extracted = toPagedText(result.pageTexts);
    if (options.cacheDir) {
      const error = await writeExtractCache(options.cacheDir, source.sha256, EXTRACTOR_VERSION, extracted);
      if (error) {
        diagnostics.push({
          severity: 'warning',
          rule: 'ingest/cache-write-failed',
          message: `Could not store the extracted text in the cache: ${describeFsError(error)}.`,
          file,
          hint: 'Check that the cache folder is writable, or run without a cache.',
        });
      }
    }
  }
  diagnostics.push(...checkTextLayer(extracted, file));
  return { extracted, diagnostics };
}

function pdfFailure(file: string, kind: PdfFailureKind, reason: string): Diagnostic {
  if (kind === 'needs-password' || kind === 'wrong-password') {
    return {
      severity: 'error',
      rule: 'ingest/pdf-encrypted',
      message: `Cannot open this PDF: ${reason}.`,
      file,
      hint:
        kind === 'needs-password'
          ? 'Pass the PDF password, or save an unprotected copy (e.g. `qpdf --decrypt --password=... in.pdf out.pdf`).'
          : 'Check the password, or save an unprotected copy of the PDF.',
    };
  }
  if (kind === 'timeout') {
    return {
      severity: 'error',
      rule: 'ingest/pdf-timeout',
      message: `Gave up reading this PDF: ${reason}.`,
      file,
      hint: 'The file may be damaged; try re-saving it with another PDF tool or exporting it as text.',
    };
  }
  return {
    severity: 'error',
    rule: 'ingest/pdf-invalid',
    message: `Cannot read this PDF: ${reason}.`,
    file,
    hint: 'The file is empty, damaged or not a PDF; download or export it again.',
  };
}

/** A warning for a PDF without a text layer, and a note for the pages that have none. */
function checkTextLayer(extracted: ExtractedText, file: string): Diagnostic[] {
  const empty = extracted.pages.filter((page) => extracted.text.slice(page.start, page.end).trim() === '');
  if (extracted.text.trim() === '') {
    return [
      {
        severity: 'warning',
        rule: 'ingest/pdf-no-text',
        message: 'The PDF has no text layer (it is probably a scan); it counts as an empty document.',
        file,
        hint: 'Run OCR first (e.g. `ocrmypdf in.pdf out.pdf`) and use the OCRed copy.',
      },
    ];
  }
  if (empty.length === 0) return [];
  return [
    {
      severity: 'info',
      rule: 'ingest/pdf-pages-without-text',
      message: `${empty.length === 1 ? 'Page' : 'Pages'} ${empty.map((page) => page.page).join(', ')} of ${extracted.pages.length} ${empty.length === 1 ? 'has' : 'have'} no text.`,
      file,
      hint: 'Scanned pages need OCR; blank pages need nothing.',
    },
  ];
}
