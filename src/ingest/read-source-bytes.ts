import { readFileSync } from 'node:fs';
import type { Diagnostic, SourceFile } from '../types.ts';
import { describeFsError } from './describe-fs-error.ts';
import { toDisplayPath } from './to-display-path.ts';

/**
 * Reads a discovered file's bytes, or says plainly why it cannot be read. Synchronously: documents
 * are read on worker threads with nothing else to do meanwhile, and `fs.promises.readFile` costs
 * four trips through libuv's thread pool per file (open, stat, read, close), more than reading a
 * 30 KB file (2,000 files of 55 MB: 0.45-0.75 s against 0.15-0.3 s).
 */
export async function readSourceBytes(source: SourceFile): Promise<{ bytes: Uint8Array } | { diagnostic: Diagnostic }> {
  try {
    return { bytes: readFileSync(source.path) };
  } catch (error) {
    return {
      diagnostic: {
        severity: 'error',
        rule: 'ingest/unreadable',
        message: `Cannot read this file: ${describeFsError(error)}.`,
        file: toDisplayPath(source.path),
        hint: 'Check that the file exists and that you have permission to read it.',
      },
    };
  }
}
