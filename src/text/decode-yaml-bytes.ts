import { findInvalidUtf8 } from './find-invalid-utf8.ts';

export type DecodedYaml = { text: string } | { problem: { message: string; hint: string; line?: number; column?: number } };

/**
 * The text of a YAML file (a codebook, corpus.yaml) as the YAML spec reads it: UTF-16 when a
 * byte-order mark says so or when the first two bytes are an ASCII character and a NUL (how
 * Windows Notepad's "Unicode" saves), else UTF-8. A BOM is dropped. Bytes that are not UTF-8 are
 * a problem at their line:column (decoded, they would become U+FFFD: terms that never match).
 */
export function decodeYamlBytes(bytes: Uint8Array): DecodedYaml {
  const utf16 = detectUtf16(bytes);
  if (utf16 !== undefined) return decodeUtf16(bytes, utf16);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: notUtf8(bytes) };
  }
}

/** UTF-16 by its BOM, or by an ASCII character next to a NUL in the first two bytes (the YAML spec's rule). */
export function detectUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2) return undefined;
  const first = bytes[0]!;
  const second = bytes[1]!;
  if ((first === 0xff && second === 0xfe) || (first !== 0 && first < 0x80 && second === 0)) return 'utf-16le';
  if ((first === 0xfe && second === 0xff) || (first === 0 && second !== 0 && second < 0x80)) return 'utf-16be';
  return undefined;
}

/** UTF-16 text (without its BOM), or a problem when the bytes are not UTF-16 after all. */
export function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedYaml {
  const name = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  try {
    if (bytes.length % 2 !== 0) throw new RangeError('odd length');
    // TextDecoder drops a leading BOM.
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return {
      problem: {
        message: `The file starts like ${name} text but is not valid ${name} (an odd number of bytes, or a broken character)`,
        hint: 'Open the file in a text editor and save it as UTF-8.',
      },
    };
  }
}

function notUtf8(bytes: Uint8Array): { message: string; hint: string; line: number; column: number } {
  const offset = Math.max(0, findInvalidUtf8(bytes));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const before = new TextDecoder('utf-8').decode(bytes.subarray(bom, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  const value = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return {
    message: `The file is not UTF-8: byte 0x${value} here is not a UTF-8 character`,
    hint: 'Save the file as UTF-8 in your editor (YAML is UTF-8; a file from Windows may be in Windows-1252 or GBK).',
    line: before.split('\n').length,
    column: before.length - lineStart + 1,
  };
}
