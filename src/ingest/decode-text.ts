import type { Diagnostic } from '../types.ts';
import { findInvalidUtf8 } from '../text/find-invalid-utf8.ts';

/** Why bytes could not be decoded (or a note on how they were): a diagnostic without the file, which the caller adds. */
export type DecodeProblem = Pick<Diagnostic, 'rule' | 'message' | 'hint' | 'line' | 'column'>;

export type DecodeResult = { text: string; note?: DecodeProblem } | { problem: DecodeProblem };

/**
 * Decodes a text file: UTF-8 with or without BOM, UTF-16 LE/BE with BOM; a file that is not
 * valid UTF-8 but decodes cleanly as GB18030 (which includes GBK and GB2312) into text where
 * Chinese dominates, in mostly common simplified characters, is read as GB18030, with a `note` saying so. `encoding` (a WHATWG label such as `gbk`,
 * `big5`, `windows-1252`; from corpus.yaml) overrides the detection. The result has no BOM,
 * `\n` line endings and is NFC-normalised. Undecodable bytes and NUL bytes are reported, never
 * replaced by U+FFFD.
 */
export function decodeText(bytes: Uint8Array, encoding?: string): DecodeResult {
  if (encoding !== undefined) return decodeAs(bytes, encoding);
  let raw: string;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const utf16 = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      raw = new TextDecoder(utf16, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return {
        problem: {
          rule: 'ingest/invalid-utf16',
          message: `The file starts with a ${utf16.toUpperCase()} byte-order mark but is not valid ${utf16.toUpperCase()}.`,
          hint: 'Save the file again as UTF-8.',
        },
      };
    }
    if (raw.includes('\u0000')) return { problem: binaryFile() };
    return { text: normalise(raw) };
  }
  if (bytes.includes(0)) return { problem: binaryFile() };
  const bomLength = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  const body = bytes.subarray(bomLength);
  try {
    raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text: normalise(raw) };
  } catch {
    // Not UTF-8: GBK/GB18030 is the usual other encoding of Chinese documents.
  }
  const chinese = bomLength === 0 ? decodeGb18030(body) : undefined;
  if (chinese !== undefined) {
    return {
      text: normalise(chinese),
      note: {
        rule: 'ingest/decoded-gb18030',
        message: 'The file is not valid UTF-8 but is valid GB18030 (GBK) Chinese text, so it was read as GB18030.',
        hint: 'If that is wrong, set `encoding:` for this file in corpus.yaml (e.g. `encoding: big5`); saving it as UTF-8 silences this note.',
      },
    };
  }
  return { problem: notUtf8(body, bomLength) };
}

/**
 * The text, when `body` decodes without error as GB18030 and reads as Chinese: Chinese
 * dominates (`chineseDominates`), and it has no user-defined (private-use) codes or C1 controls,
 * which real text does not use. Windows-1252 German decodes "cleanly" too: `Größe der Städte`
 * as `Gr鲞e der St鋎te` (each accented letter and the byte after it make one Han character).
 */
function decodeGb18030(body: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
  return chineseDominates(text) && !/[\u0080-\u009f\ue000-\uf8ff]/u.test(text) && readsAsSimplifiedChinese(text) ? text : undefined;
}

/**
 * Real simplified Chinese uses mostly the 3,755 common characters of GB2312 level 1; other
 * encodings misread as GB18030 give rarer ones. Share of Han characters in level 1, measured with
 * `npx tsx bench/gb2312-level1-share.ts`: the 177 UTF-8 texts of
 * shared/data/zh 0.9919 (泸州) to 1.0, median 0.9985; misread as GB18030, Shift_JIS
 * `ビッグデータと低炭素` 0.00 (價僢僌僨乕僞偲...), Big5 `數據產業發展` 0.50 (most Big5 also hits the
 * private-use guard), UTF-8-encoded surrogates 0.00. EUC-KR and EUC-JP use the level-1 byte range
 * and score 1.0 on a sample sentence: this test cannot tell them apart (they need `encoding:`).
 */
const MIN_LEVEL1_SHARE = 0.9;

export function readsAsSimplifiedChinese(text: string): boolean {
  return level1Share(text) >= MIN_LEVEL1_SHARE;
}

/** The share of the Han characters of `text` that are in GB2312 level 1 (0 without Han). */
export function level1Share(text: string): number {
  const level1 = gb2312Level1();
  let han = 0;
  let common = 0;
  for (const char of text) {
    if (!HAN.test(char)) continue;
    han++;
    if (level1.has(char)) common++;
  }
  return han === 0 ? 0 : common / han;
}

const HAN = /\p{Script=Han}/u;
let level1Set: Set<string> | undefined;

/** The 3,755 characters of GB2312 level 1: byte rows 0xB0-0xD7, columns 0xA1-0xFE (0xD7FA-0xD7FE are unassigned). */
function gb2312Level1(): Set<string> {
  if (level1Set !== undefined) return level1Set;
  const decoder = new TextDecoder('gb18030');
  const set = new Set<string>();
  for (let row = 0xb0; row <= 0xd7; row++) {
    for (let column = 0xa1; column <= 0xfe; column++) {
      const char = decoder.decode(Uint8Array.of(row, column));
      if (HAN.test(char)) set.add(char);
    }
  }
  level1Set = set;
  return set;
}

/**
 * At least as many Han characters as Latin words, and at least one. The 177 Chinese texts of
 * shared/data/zh have 66 to thousands of Han characters per Latin word; a European text misread
 * as GB18030 has one Han character per accented letter (or stray byte), far fewer than its words.
 */
export function chineseDominates(text: string): boolean {
  let han = 0;
  let latinWords = 0;
  let inLatinWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const latin = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
    if (latin && !inLatinWord) latinWords++;
    inLatinWord = latin;
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)) han++;
    // Han beyond the BMP (extensions B to H, U+20000-U+3FFFF): high surrogates D840-D8BF.
    else if (code >= 0xd840 && code <= 0xd8bf) han++;
  }
  return han > 0 && han >= latinWords;
}

function decodeAs(bytes: Uint8Array, encoding: string): DecodeResult {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    return {
      problem: {
        rule: 'ingest/unknown-encoding',
        message: `\`${encoding}\` is not an encoding this tool knows.`,
        hint: 'Use a standard label such as utf-8, utf-16le, gb18030, gbk, big5, shift_jis or windows-1252.',
      },
    };
  }
  let raw: string;
  try {
    raw = decoder.decode(bytes);
  } catch {
    return {
      problem: {
        rule: 'ingest/wrong-encoding',
        message: `The file is not valid ${decoder.encoding} (the \`encoding:\` given in corpus.yaml).`,
        hint: 'Check the encoding the file was saved in, or remove `encoding:` to let the tool detect UTF-8, UTF-16 and GB18030.',
      },
    };
  }
  if (raw.includes('\u0000')) return { problem: binaryFile() };
  return { text: normalise(raw) };
}

/** Anything but ASCII without carriage returns. */
const NOT_PLAIN_ASCII = /[^\u0000-\u000c\u000e-\u007f]/;

function normalise(raw: string): string {
  // ASCII without carriage returns (most files) is NFC with LF endings already: one native scan instead of two.
  if (!NOT_PLAIN_ASCII.test(raw)) return raw;
  return toLf(raw).normalize('NFC');
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
    hint: 'Only plain-text documents can be read under a text extension; if this is UTF-16 text, save it as UTF-8 (or with a byte-order mark).',
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
    message: `The file is not valid UTF-8 (nor GB18030 Chinese): bytes ${shown.join(' ')} at byte offset ${offset + bomLength} cannot be decoded.`,
    hint:
      'Save the file as UTF-8 (in most editors: "Save with encoding" > UTF-8), or name its encoding with `encoding:` in corpus.yaml ' +
      '(e.g. `encoding: windows-1252` for Western European text, `encoding: gbk` for Chinese mixed with much English, ' +
      '`encoding: big5` for traditional Chinese, `encoding: shift_jis` for Japanese).',
    line,
    column: before.length - lineStart + 1,
  };
}
