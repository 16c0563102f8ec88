/**
 * A minimal PDF 1.4 writer for English test text (no dependency).
 *
 * Standard Type1 font Helvetica with /WinAnsiEncoding, one `Tj` per line, lines word-wrapped at
 * spaces only (a word longer than the limit is emitted whole, never split), blank lines kept as
 * empty lines, several pages. Output is deterministic (no dates). Characters outside WinAnsi
 * (e.g. CJK) throw: this is a test/support tool, not a general PDF writer.
 *
 * Run directly to convert a file: `npx tsx tests/support/text-to-pdf.ts IN.txt OUT.pdf`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface TextToPdfOptions {
  /** Lines per page (default 56). */
  linesPerPage?: number;
  /** Wrap lines longer than this many characters at a space (default 90). */
  maxLineLength?: number;
}

/** WinAnsi bytes 0x80-0x9F, keyed by the Unicode character they stand for. */
const WIN_ANSI_HIGH: ReadonlyMap<string, number> = new Map([
  ['€', 0x80],
  ['‚', 0x82],
  ['ƒ', 0x83],
  ['„', 0x84],
  ['…', 0x85],
  ['†', 0x86],
  ['‡', 0x87],
  ['ˆ', 0x88],
  ['‰', 0x89],
  ['Š', 0x8a],
  ['‹', 0x8b],
  ['Œ', 0x8c],
  ['Ž', 0x8e],
  ['‘', 0x91],
  ['’', 0x92],
  ['“', 0x93],
  ['”', 0x94],
  ['•', 0x95],
  ['–', 0x96],
  ['—', 0x97],
  ['˜', 0x98],
  ['™', 0x99],
  ['š', 0x9a],
  ['›', 0x9b],
  ['œ', 0x9c],
  ['ž', 0x9e],
  ['Ÿ', 0x9f],
]);

const FONT_SIZE = 10;
const LEADING = 12;
const LEFT = 50;
const TOP = 750;

/** Converts `text` to the bytes of a PDF file. Throws on characters outside WinAnsi. */
export function textToPdf(text: string, options: TextToPdfOptions = {}): Uint8Array {
  const linesPerPage = options.linesPerPage ?? 56;
  const maxLineLength = options.maxLineLength ?? 90;
  if (!Number.isInteger(linesPerPage) || linesPerPage < 1) {
    throw new Error(`textToPdf: linesPerPage must be a positive integer, got ${linesPerPage}`);
  }
  if (!Number.isInteger(maxLineLength) || maxLineLength < 1) {
    throw new Error(`textToPdf: maxLineLength must be a positive integer, got ${maxLineLength}`);
  }
  const sourceLines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .split('\n');
  if (sourceLines.length > 1 && sourceLines[sourceLines.length - 1] === '') sourceLines.pop();
  const lines: string[] = [];
  sourceLines.forEach((line, i) => {
    for (const piece of wrapLine(line, maxLineLength)) lines.push(encodeLine(piece, i + 1));
  });
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += linesPerPage) pages.push(lines.slice(i, i + linesPerPage));
  if (pages.length === 0) pages.push([]);
  return assemble(pages.map(toContentStream));
}

/** Splits one source line into lines of at most `max` characters, breaking at spaces only. */
export function wrapLine(line: string, max: number): string[] {
  const out: string[] = [];
  let rest = line.replace(/\s+$/, '');
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut <= 0) cut = rest.indexOf(' ', max); // a long word: emit it whole
    if (cut <= 0) break;
    out.push(rest.slice(0, cut).replace(/\s+$/, ''));
    rest = rest.slice(cut).replace(/^ +/, '');
  }
  out.push(rest);
  return out;
}

/** Returns the line as a PDF literal string body: ASCII only, `( ) \` escaped, high bytes in octal. */
function encodeLine(line: string, lineNumber: number): string {
  let out = '';
  for (const ch of line) {
    const code = ch.codePointAt(0) ?? 0;
    let byte: number | undefined;
    if (code >= 0x20 && code <= 0x7e) byte = code;
    else if (code >= 0xa0 && code <= 0xff) byte = code;
    else byte = WIN_ANSI_HIGH.get(ch);
    if (byte === undefined) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      throw new Error(
        `textToPdf: line ${lineNumber}: character '${ch}' (U+${hex}) cannot be written with ` +
          'Helvetica/WinAnsiEncoding; this writer supports English (Latin-1) text only',
      );
    }
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (byte > 0x7e) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return out;
}

function toContentStream(lines: string[]): string {
  const body = lines.map((l) => (l === '' ? 'T*' : `T* (${l}) Tj`)).join('\n');
  // Start one leading above TOP so that the first T* lands on TOP.
  return `BT\n/F1 ${FONT_SIZE} Tf\n${LEADING} TL\n${LEFT} ${TOP + LEADING} Td\n${body}\nET\n`;
}

/** Lays out the objects and the xref table. Every char is <= U+00FF (one byte), so length = bytes. */
function assemble(streams: string[]): Uint8Array {
  const objects: string[] = [];
  const pageIds = streams.map((_, i) => 4 + 2 * i);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  streams.forEach((stream, i) => {
    const pageId = 4 + 2 * i;
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}endstream`;
  });
  const infoId = objects.length;
  objects[infoId] = '<< /Producer (policycoder tests/support/text-to-pdf) >>';

  let pdf = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = pdf.length;
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefOffset = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) {
    pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  }
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\n`;
  pdf += `startxref\n${xrefOffset}\n%%EOF\n`;
  return Uint8Array.from(pdf, (c) => c.charCodeAt(0));
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  const [input, output] = process.argv.slice(2);
  if (input === undefined || output === undefined) {
    console.error('usage: npx tsx tests/support/text-to-pdf.ts IN.txt OUT.pdf');
    process.exit(2);
  }
  const bytes = textToPdf(readFileSync(input, 'utf8'));
  writeFileSync(output, bytes);
  console.error(`wrote ${output} (${bytes.length} bytes)`);
}
