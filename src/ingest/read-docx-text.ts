import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { HTML_TEXT_VERSION, parseHtmlText } from './parse-html-text.ts';

/** The only adapter around mammoth. */

export type DocxReadResult = { text: string } | { failure: string } | { tooDeep: number } | { tooManyAttributes: number };

/** Names the DOCX extraction (mammoth's version and the HTML-to-text rules); part of its cache key. */
export const DOCX_EXTRACTOR_VERSION = `docx1-mammoth-${mammothVersion()}-${HTML_TEXT_VERSION}`;

/**
 * The text of a .docx file: mammoth turns it into HTML (paragraphs, headings, lists, tables,
 * text boxes, then footnotes and endnotes at the end), which `parseHtmlText` turns into text
 * with a blank line between blocks. Footnote reference marks (`[1]`) and back-links are dropped;
 * images are skipped without being read. Never throws for a bad file.
 */
export async function readDocxText(bytes: Uint8Array): Promise<DocxReadResult> {
  try {
    // Loaded on first use (~70 ms), so runs without Word files do not pay for it.
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    return parseHtmlText(result.value, 'docx');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { failure: describe(message) };
  }
}

function describe(message: string): string {
  if (/central directory|zip/i.test(message)) return 'it is not a valid .docx file (not a ZIP archive, or a damaged one)';
  if (/word\/document\.xml|main document/i.test(message)) return 'the .docx archive has no main document part';
  if (/Maximum call stack size exceeded/.test(message)) return 'its XML is nested too deep to read (elements inside elements without end)';
  if (/\[xmldom /.test(message)) return `its XML is not well-formed (${describeXmlError(message)})`;
  return oneLine(message).replace(/\.$/, '') || 'unknown error';
}

/** xmldom's `error: [xmldom error]\tentity not found:&l9;\n@#[line:undefined,col:undefined]` as `entity not found: &l9;`. */
function describeXmlError(message: string): string {
  const place = /@#\[line:(\d+),col:(\d+)\]/.exec(message);
  const what = oneLine(
    message
      .replace(/@#\[line:\w*,col:\w*\]/g, '')
      .replace(/^\s*\w*:?\s*\[xmldom \w+\]/, '')
      .replace(/:(?=\S)/g, ': '),
  );
  return place ? `${what}, at line ${place[1]}, column ${place[2]} of its XML` : what;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function mammothVersion(): string {
  try {
    const manifest = createRequire(import.meta.url).resolve('mammoth/package.json');
    const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}
