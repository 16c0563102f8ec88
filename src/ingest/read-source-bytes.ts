import { readFile } from 'node:fs/promises';
import type { Diagnostic, SourceFile } from '../types.ts';
import { describeFsError } from './describe-fs-error.ts';
import { toDisplayPath } from './to-display-path.ts';

/** Reads a discovered file's bytes, or says plainly why it cannot be read. */
export async function readSourceBytes(source: SourceFile): Promise<{ bytes: Uint8Array } | { diagnostic: Diagnostic }> {
  try {
    return { bytes: await readFile(source.path) };
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
