import type { Diagnostic } from '../types.ts';

/**
 * What one document may cost. Over it, that document fails with `ingest/over-budget` and the run
 * goes on: a damaged or hostile file never costs the whole run.
 */
export interface DocumentBudget {
  /** Reading and analysing it, in milliseconds (`--doc-timeout`). */
  timeoutMs: number;
  /** What a compressed document (the XML of a DOCX) may unpack to, in bytes (`--doc-max-mb`). */
  maxUnpackedBytes: number;
}

export const DEFAULT_DOC_TIMEOUT_SECONDS = 300;
export const DEFAULT_DOC_MAX_MB = 256;

export const DEFAULT_BUDGET: DocumentBudget = { timeoutMs: DEFAULT_DOC_TIMEOUT_SECONDS * 1000, maxUnpackedBytes: DEFAULT_DOC_MAX_MB * 1024 * 1024 };

/** Pages of a PDF at most: more is a damaged page tree (one page listed 100,000 times took minutes), not a document. */
export const MAX_PDF_PAGES = 10_000;

export const OVER_BUDGET = 'ingest/over-budget';

export function overBudget(file: string, message: string, hint: string): Diagnostic {
  return { severity: 'error', rule: OVER_BUDGET, message, file, hint };
}

/** `120 s`, `1.5 s`: a timeout as the message shows it. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1)).toLocaleString('en-US')} s`;
}

export const TIMEOUT_HINT =
  'A document this slow is usually damaged (e.g. a PDF whose page tree repeats pages): re-save it with another tool or export its text. ' +
  'If it is sound and only big, raise --doc-timeout.';
