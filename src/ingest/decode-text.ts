import type { Diagnostic } from '../types.ts';
import { findInvalidUtf8 } from './find-invalid-utf8.ts';

/** Why bytes could not be decoded: a diagnostic without the file, which the caller adds. */
export type DecodeProblem = Pick<Diagnostic, 'rule' | 'message' | 'hint' | 'line' | 'column'>;

/**
 * Decodes a text file: UTF-8 with or without BOM, UTF-16 LE/BE with BOM. The result has no BOM,
 * `\n` line endings (CRLF and lone CR converted) and is NFC-normalised. Invalid UTF-8 and
 * NUL bytes are reported, never replaced by U+FFFD.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: DecodeProblem } {
  let raw: string;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      raw = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return {
        problem: {
          rule: 'ingest/invalid-utf16',
          message: `The file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}.`,
          hint: 'Save the file again as UTF-8.',
        },
      };
    }
    if (raw.includes('\u0000')) return { problem: binaryFile() };
  } else {
    if (bytes.includes(0)) return { problem: binaryFile() };
    const bomLength = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
    const body = bytes.subarray(bomLength);
    try {
      raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return { problem: notUtf8(body, bomLength) };
    }
  }
  return { text: toLf(raw).normalize('NFC') };
}

function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function binaryFile(): DecodeProblem {
  return {
    rule: 'ingest/binary-file',
    message: 'The file contains NUL bytes, so it looks like a binary file, not text.',
    hint: 'Only plain-text documents can be read; if this is UTF-16 text, save it as UTF-8 (or with a byte-order mark).',
  };
}

/** `body` is the file after any BOM, which is `bomLength` bytes long. */
function notUtf8(body: Uint8Array, bomLength: number): DecodeProblem {
  const offset = Math.max(0, findInvalidUtf8(body));
  const before = toLf(new TextDecoder('utf-8').decode(body.subarray(0, offset)));
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  const shown = Array.from(body.subarray(offset, offset + 2), (byte) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`);
  return {
    rule: 'ingest/not-utf8',
    message: `The file is not valid UTF-8: bytes ${shown.join(' ')} at byte offset ${offset + bomLength} cannot be decoded.`,
    hint: 'Save the file as UTF-8 (in most editors: "Save with encoding" > UTF-8). GBK/GB18030 files are not supported yet.',
    line,
    column: before.length - lineStart + 1,
  };
}
