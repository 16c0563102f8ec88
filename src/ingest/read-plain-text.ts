import type { Diagnostic, ExtractedText, SourceFile } from '../types.ts';
import type { ReadContent } from './read-source-bytes.ts';
import { emptyFile } from './check-text-quality.ts';
import { decodeText } from './decode-text.ts';
import { parseHtmlText } from './parse-html-text.ts';
import { readSourceBytes } from './read-source-bytes.ts';
import { stripFrontMatter } from './strip-front-matter.ts';
import { toDisplayPath } from './to-display-path.ts';

/**
 * Reads a .txt, .md or .html document (decoded as `decodeText` says; `encoding` from corpus.yaml
 * overrides the detection). Markdown front matter is dropped from the text; HTML is reduced to
 * its main content's text by `parseHtmlText`. `content` is the size and sha256 of the bytes read.
 */
export async function readPlainText(
  source: SourceFile,
  encoding?: string,
): Promise<{ extracted?: ExtractedText; diagnostics: Diagnostic[]; content?: ReadContent }> {
  const file = toDisplayPath(source.path);
  const read = await readSourceBytes(source);
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  const content = { bytes: read.bytes.length, sha256: read.sha256 };
  if (read.bytes.length === 0) return { diagnostics: [emptyFile(file)], content };
  const decoded = decodeText(read.bytes, encoding);
  if ('problem' in decoded) {
    return { diagnostics: [{ severity: 'error', file, ...decoded.problem }], content };
  }
  const diagnostics: Diagnostic[] = decoded.note ? [{ severity: 'info', file, ...decoded.note }] : [];
  if (source.format !== 'html') {
    const text = source.format === 'md' ? stripFrontMatter(decoded.text) : decoded.text;
    return { extracted: { text, pages: [] }, diagnostics, content };
  }
  const html = parseHtmlText(decoded.text, 'web');
  if ('tooDeep' in html) return { diagnostics: [...diagnostics, htmlTooDeep(file, html.tooDeep)], content };
  if ('tooManyAttributes' in html) return { diagnostics: [...diagnostics, htmlTooComplex(file, html.tooManyAttributes)], content };
  return { extracted: { text: html.text, pages: [] }, diagnostics, content };
}

export function htmlTooDeep(file: string, depth: number): Diagnostic {
  return {
    severity: 'error',
    rule: 'ingest/html-too-deep',
    message: `Its HTML nests elements more than ${depth.toLocaleString('en-US')} deep (tags opened and never closed), so the document was not read.`,
    file,
    hint: 'Open it in a browser (or Word) and save it again, or save its text as .txt: the file that made it is probably broken.',
  };
}

export function htmlTooComplex(file: string, attributes: number): Diagnostic {
  return {
    severity: 'error',
    rule: 'ingest/html-too-complex',
    message: `A tag in its HTML has more than ${attributes.toLocaleString('en-US')} attributes (no real page has so many), so the document was not read.`,
    file,
    hint: 'Open it in a browser and save it again, or save its text as .txt: the file that made it is probably broken.',
  };
}
