import type { Diagnostic, ExtractedText, SourceFile } from '../types.ts';
import { decodeText } from './decode-text.ts';
import { readSourceBytes } from './read-source-bytes.ts';
import { stripFrontMatter } from './strip-front-matter.ts';
import { toDisplayPath } from './to-display-path.ts';

/** Reads a .txt or .md document; Markdown front matter is dropped from the text. */
export async function readPlainText(
  source: SourceFile,
): Promise<{ extracted?: ExtractedText; diagnostics: Diagnostic[] }> {
  const file = toDisplayPath(source.path);
  const read = await readSourceBytes(source);
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  const decoded = decodeText(read.bytes);
  if ('problem' in decoded) {
    return { diagnostics: [{ severity: 'error', file, ...decoded.problem }] };
  }
  const text = source.format === 'md' ? stripFrontMatter(decoded.text) : decoded.text;
  return { extracted: { text, pages: [] }, diagnostics: [] };
}
