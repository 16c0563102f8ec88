import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The only adapter around pdf-parse (and the pdfjs-dist inside it). */

export type PdfFailureKind = 'needs-password' | 'wrong-password' | 'invalid' | 'timeout' | 'too-many-pages' | 'over-time';

export type PdfReadResult = { pageTexts: string[] } | { failure: PdfFailureKind; reason: string };

const localRequire = createRequire(import.meta.url);
const pdfParseDir = findPackageDir(() => localRequire.resolve('pdf-parse'), 'pdf-parse');
const pdfjsDir = findPdfjsDir();

/** Names the text extraction; part of every cache key, so upgrading pdf-parse rebuilds the cache. */
export const EXTRACTOR_VERSION = `pdf2-pdf-parse-${versionOf(pdfParseDir)}-pdfjs-${versionOf(pdfjsDir)}`;

/** Per page: pdf.js needs ~0.1 s for a normal page; this only guards against a hang. */
const PAGE_TIMEOUT_MS = 30_000;

/**
 * The text of each page of a PDF, as pdf.js lays it out. Never throws for a bad PDF: password,
 * damage and hangs come back as a failure with a plain reason.
 */
export async function readPdfText(
  data: Uint8Array,
  options: { password?: string; pageTimeoutMs?: number; maxPages?: number; deadline?: number } = {},
): Promise<PdfReadResult> {
  // Loaded on first use: pdf.js takes ~0.1 s to load, which `--help` and text-only corpora need not pay.
  const { PDFParse, VerbosityLevel } = await import('pdf-parse');
  const parser = new PDFParse({
    data: new Uint8Array(data),
    ...(options.password === undefined ? {} : { password: options.password }),
    ...(pdfjsDir === undefined
      ? {}
      : {
          cMapUrl: `${path.join(pdfjsDir, 'cmaps')}${path.sep}`,
          cMapPacked: true,
          standardFontDataUrl: `${path.join(pdfjsDir, 'standard_fonts')}${path.sep}`,
        }),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
  });
  const timeoutMs = options.pageTimeoutMs ?? PAGE_TIMEOUT_MS;
  try {
    const pageTexts: string[] = [];
    for (let page = 1, total = 1; page <= total; page++) {
      // The time budget is checked between pages: a page tree that lists one page 100,000 times is not read for hours.
      if (options.deadline !== undefined && page > 1 && performance.now() > options.deadline) {
        return { failure: 'over-time', reason: `it was stopped at page ${page - 1} of ${total}` };
      }
      const result = await withTimeout(parser.getText({ partial: [page] }), timeoutMs, page);
      total = result.total;
      if (options.maxPages !== undefined && total > options.maxPages) {
        return {
          failure: 'too-many-pages',
          reason: `it says it has ${total.toLocaleString('en-US')} pages, more than the ${options.maxPages.toLocaleString('en-US')} a document may have`,
        };
      }
      if (page <= total) pageTexts.push(result.pages[0]?.text ?? '');
    }
    return { pageTexts };
  } catch (error) {
    return classify(error);
  } finally {
    await withTimeout(parser.destroy(), timeoutMs, 0).catch(() => undefined);
  }
}

function classify(error: unknown): PdfReadResult {
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'TimeoutError') return { failure: 'timeout', reason: message };
  if (name === 'PasswordException') {
    return /incorrect/i.test(message)
      ? { failure: 'wrong-password', reason: 'the password given is not correct' }
      : { failure: 'needs-password', reason: 'the PDF is password-protected' };
  }
  return { failure: 'invalid', reason: message.replace(/\.$/, '') || 'unknown error' };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, page: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`pdf.js did not finish ${page > 0 ? `page ${page}` : 'closing'} within ${ms / 1000} s`);
      error.name = 'TimeoutError';
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function findPdfjsDir(): string | undefined {
  const fromPdfParse = pdfParseDir ? createRequire(path.join(pdfParseDir, 'package.json')) : localRequire;
  const dir = findPackageDir(() => fromPdfParse.resolve('pdfjs-dist/package.json'), 'pdfjs-dist');
  return dir && existsSync(path.join(dir, 'cmaps')) ? dir : undefined;
}

/** Walks up from a resolved file to the folder whose package.json is `name`'s. */
function findPackageDir(resolve: () => string, name: string): string | undefined {
  let dir: string;
  try {
    dir = path.dirname(resolve());
  } catch {
    return undefined;
  }
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && readManifest(manifest)?.name === name) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function versionOf(dir: string | undefined): string {
  const version = dir ? readManifest(path.join(dir, 'package.json'))?.version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

function readManifest(file: string): { name?: unknown; version?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return undefined;
  }
}
