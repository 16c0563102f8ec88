import { readFile } from 'node:fs/promises';
import type { Diagnostic, ExtractedText, SourceFile } from '../types.ts';
import { decodeText } from './decode-text.ts';
import { describeFsError } from './describe-fs-error.ts';
import { stripFrontMatter } from './strip-front-matter.ts';
import { toDisplayPath } from './to-display-path.ts';

/** Reads a .txt or .md document; Markdown front matter is dropped from the text. */
export async function readPlainText(
  source: SourceFile,
): Promise<{ extracted?: ExtractedText; diagnostics: Diagnostic[] }> {
  const file = toDisplayPath(source.path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(source.path);
  } catch (error) {
    return {
      diagnostics: [
        {
          severity: 'error',
          rule: 'ingest/unreadable',
          message: `Cannot read this file: ${describeFsError(error)}.`,
          file,
          hint: 'Check that the file exists and that you have permission to read it.',
        },
      ],
    };
  }
  const decoded = decodeText(bytes);
  if ('problem' in decoded) {
    return { diagnostics: [{ severity: 'error', file, ...decoded.problem }] };
  }
  const text = source.format === 'md' ? stripFrontMatter(decoded.text) : decoded.text;
  return { extracted: { text, pages: [] }, diagnostics: [] };
}
