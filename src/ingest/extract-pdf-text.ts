import type { Diagnostic, ExtractedText } from '../types.ts';
import { decodeText } from './decode-text.ts';
import { readPdfText } from './read-pdf-text.ts';
import type { PdfFailureKind } from './read-pdf-text.ts';
import { toPagedText } from './to-paged-text.ts';
import { formatSeconds, MAX_PDF_PAGES, overBudget, TIMEOUT_HINT } from './document-budget.ts';

/** Readers look for the header in the first 1,024 bytes and for `%%EOF` in the last 1,024. */
const WINDOW = 1024;

/**
 * The text of a PDF's bytes, or an error naming `file` and why: not a PDF at all (a text file
 * named .pdf), cut off (no `%%EOF`), damaged, password-protected, hanging. A PDF that pdf.js can
 * read although it lacks `%%EOF` is read, with an `ingest/pdf-truncated` warning.
 */
export async function extractPdfText(
  bytes: Uint8Array,
  file: string,
  password: string | undefined,
  limits: { deadline?: number; timeoutMs?: number } = {},
): Promise<{ extracted?: ExtractedText; diagnostics: Diagnostic[] }> {
  if (!hasMarker(bytes.subarray(0, WINDOW), '%PDF-')) return { diagnostics: [notAPdf(bytes, file)] };
  const complete = hasMarker(bytes.subarray(Math.max(0, bytes.length - WINDOW)), '%%EOF');
  const result = await readPdfText(bytes, {
    ...(password === undefined ? {} : { password }),
    ...(limits.deadline === undefined ? {} : { deadline: limits.deadline }),
    maxPages: MAX_PDF_PAGES,
  });
  if ('failure' in result && result.failure === 'too-many-pages') {
    return {
      diagnostics: [
        overBudget(
          file,
          `The PDF was not read: ${result.reason}.`,
          'Its page tree is probably damaged (pages listed many times): re-save it with another PDF tool.',
        ),
      ],
    };
  }
  if ('failure' in result && result.failure === 'over-time') {
    const limit = limits.timeoutMs === undefined ? '' : ` (${formatSeconds(limits.timeoutMs)}, --doc-timeout)`;
    return { diagnostics: [overBudget(file, `Reading the PDF took longer than its time budget${limit}: ${result.reason}.`, TIMEOUT_HINT)] };
  }
  if ('failure' in result) {
    if (!complete && result.failure === 'invalid') return { diagnostics: [truncated(file, bytes.length, 'error')] };
    return { diagnostics: [pdfFailure(file, result.failure, result.reason)] };
  }
  const extracted = toPagedText(result.pageTexts);
  return { extracted, diagnostics: [...(complete ? [] : [truncated(file, bytes.length, 'warning')]), ...pagesWithoutText(extracted, file)] };
}

function hasMarker(bytes: Uint8Array, marker: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker, 0, 'latin1');
}

function notAPdf(bytes: Uint8Array, file: string): Diagnostic {
  const isText = 'text' in decodeText(bytes);
  return {
    severity: 'error',
    rule: 'ingest/not-a-pdf',
    message: `The file is named .pdf but is not a PDF (it does not start with %PDF-)${isText ? '; it is plain text' : ''}.`,
    file,
    hint: isText
      ? 'Rename it to .txt (or .html if it is a web page) so it is read as what it is.'
      : 'Download or export the PDF again; an error page saved under a .pdf name looks like this.',
  };
}

function truncated(file: string, size: number, severity: 'error' | 'warning'): Diagnostic {
  const cut = `The PDF ends after ${size} bytes without the %%EOF end marker: it is cut off (an incomplete download or copy)`;
  return {
    severity,
    rule: 'ingest/pdf-truncated',
    message: severity === 'error' ? `${cut} and cannot be read.` : `${cut}; the pages that could be read were analysed, later pages may be missing.`,
    file,
    hint: 'Download or copy the file again and compare its size with the original.',
  };
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
          ? "Give the password as `password:` in this file's corpus.yaml entry, or save an unprotected copy (e.g. `qpdf --decrypt --password=... in.pdf out.pdf`)."
          : "Check `password:` in this file's corpus.yaml entry, or save an unprotected copy of the PDF.",
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
    hint: 'The file is damaged or not a PDF; download or export it again.',
  };
}

/** A note for the pages that have no text, in a PDF that has some. */
function pagesWithoutText(extracted: ExtractedText, file: string): Diagnostic[] {
  const empty = extracted.pages.filter((page) => extracted.text.slice(page.start, page.end).trim() === '');
  if (empty.length === 0 || empty.length === extracted.pages.length) return [];
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
