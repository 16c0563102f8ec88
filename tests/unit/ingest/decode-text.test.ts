import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/ingest/decode-text.ts';
import { findInvalidUtf8 } from '../../../src/text/find-invalid-utf8.ts';

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));
const bytes = (...parts: Array<number[] | string>): Uint8Array => Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? ascii(part) : part)));

describe('decodeText: decoded text', () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['plain ASCII', bytes('abc'), 'abc'],
    ['UTF-8 without BOM, Chinese', bytes([0xe4, 0xb8, 0xad, 0xe6, 0x96, 0x87]), '中文'],
    ['UTF-8 BOM is stripped', bytes([0xef, 0xbb, 0xbf], 'h', [0xc3, 0xa9], 'llo'), 'héllo'],
    ['CRLF becomes LF', bytes('a\r\nb\r\n'), 'a\nb\n'],
    ['lone CR becomes LF', bytes('a\rb\r\rc'), 'a\nb\n\nc'],
    ['CRLF followed by a lone CR is two breaks', bytes('a\r\n\rb'), 'a\n\nb'],
    ['NFC: e + combining acute becomes U+00E9', bytes('e', [0xcc, 0x81]), '\u00e9'],
    ['UTF-16LE with BOM', bytes([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00, 0x0d, 0x00, 0x0a, 0x00, 0x2d, 0x4e]), 'hi\n中'],
    ['UTF-16BE with BOM', bytes([0xfe, 0xff, 0x00, 0x68, 0x4e, 0x2d]), 'h中'],
    ['a literal U+FFFD in valid UTF-8 is kept', bytes('a', [0xef, 0xbf, 0xbd]), 'a\ufffd'],
    ['empty file', bytes(), ''],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(decodeText(input)).toEqual({ text: expected });
  });
});

describe('decodeText: problems', () => {
  it('reports bytes that are neither UTF-8 nor GB18030 with line and column of the first bad byte', () => {
    // "ab\nc" then 0xFF 0x41: 0xFF starts no sequence in either encoding; offset 4, line 2, column 2.
    const result = decodeText(bytes('ab\nc', [0xff, 0x41]));
    expect(result).toMatchObject({ problem: { rule: 'ingest/not-utf8', line: 2, column: 2 } });
    if (!('problem' in result)) throw new Error('expected a problem');
    expect(result.problem.message).toContain('0xFF 0x41');
    expect(result.problem.message).toContain('byte offset 4');
    expect(result.problem.hint).toMatch(/UTF-8/);
    expect(result.problem.hint).toMatch(/encoding:/);
  });

  it('does not take Latin-1 text for GB18030 when the bytes do not decode (é before a space)', () => {
    // "caf" E9 " au lait": E9 20 is not a GB18030 pair.
    expect(decodeText(bytes('caf', [0xe9], ' au lait'))).toMatchObject({ problem: { rule: 'ingest/not-utf8', line: 1, column: 4 } });
  });

  it('does not take GB18030 that yields no Chinese for Chinese (0x80 alone is the euro sign there)', () => {
    expect(decodeText(bytes('price ', [0x80], '5'))).toMatchObject({ problem: { rule: 'ingest/not-utf8' } });
  });

  it('counts the offset from the start of the file when there is a UTF-8 BOM', () => {
    const result = decodeText(bytes([0xef, 0xbb, 0xbf], 'a', [0xff]));
    expect(result).toMatchObject({ problem: { rule: 'ingest/not-utf8', line: 1, column: 2 } });
    if (!('problem' in result)) throw new Error('expected a problem');
    expect(result.problem.message).toContain('byte offset 4');
  });

  it('counts a CRLF line break once when placing the bad byte', () => {
    // "x\r\nyz" + 0x80: line 2, after "yz" -> column 3.
    expect(decodeText(bytes('x\r\nyz', [0x80]))).toMatchObject({ problem: { line: 2, column: 3 } });
  });

  it('reports a NUL byte as a binary file', () => {
    expect(decodeText(bytes('a', [0x00], 'b'))).toMatchObject({ problem: { rule: 'ingest/binary-file' } });
  });

  it('reports UTF-16 without BOM (NUL bytes) as a binary file', () => {
    expect(decodeText(bytes([0x68, 0x00, 0x69, 0x00]))).toMatchObject({ problem: { rule: 'ingest/binary-file' } });
  });

  it('reports a NUL character inside UTF-16 text as a binary file', () => {
    expect(decodeText(bytes([0xff, 0xfe, 0x00, 0x00]))).toMatchObject({ problem: { rule: 'ingest/binary-file' } });
  });

  it('reports a UTF-16LE file with an odd number of bytes', () => {
    expect(decodeText(bytes([0xff, 0xfe, 0x68, 0x00, 0x69]))).toMatchObject({ problem: { rule: 'ingest/invalid-utf16' } });
  });
});

describe('decodeText: GB18030 and named encodings', () => {
  it('reads GBK Chinese that is not UTF-8 as GB18030, with a note', () => {
    // "ab\n" then GBK 中文 (D6D0 CEC4): two Han characters, one Latin word.
    const result = decodeText(bytes('ab\n', [0xd6, 0xd0, 0xce, 0xc4]));
    expect(result).toMatchObject({ text: 'ab\n中文', note: { rule: 'ingest/decoded-gb18030' } });
  });

  // Issue 14, item 17: these decoded "cleanly" as GB18030 and were counted.
  it('does not read Windows-1252 German as GB18030: Größe der Städte is not Gr鲞e der St鋎te', () => {
    // ö ß = F6 DF (one GBK pair: 鲞), ä d = E4 64 (鋎): 2 Han characters against 4 Latin words.
    const german = bytes('Gr', [0xf6, 0xdf], 'e der St', [0xe4], 'dte');
    expect(new TextDecoder('gb18030').decode(german)).toBe('Gr鲞e der St鋎te');
    expect(decodeText(german)).toMatchObject({ problem: { rule: 'ingest/not-utf8', line: 1, column: 3 } });
    expect(decodeText(german, 'windows-1252')).toEqual({ text: 'Größe der Städte' });
  });

  it('stray Windows-1252 bytes in English text are ingest/not-utf8, not GB18030', () => {
    // 0x92 (a curly apostrophe) then "t": a GBK pair.
    expect(decodeText(bytes('The city don', [0x92], 't stop the big data plan.'))).toMatchObject({ problem: { rule: 'ingest/not-utf8', column: 13 } });
  });

  it('Chinese text with some English is still GB18030 (as many Han characters as Latin words)', () => {
    // 智慧城市 (D6C7 BBDB B3C7 CAD0) then " big data smart city": 4 Han, 4 Latin words.
    const mixed = bytes([0xd6, 0xc7, 0xbb, 0xdb, 0xb3, 0xc7, 0xca, 0xd0], ' big data smart city');
    expect(decodeText(mixed)).toMatchObject({ text: '智慧城市 big data smart city', note: { rule: 'ingest/decoded-gb18030' } });
    expect(decodeText(bytes([0xd6, 0xc7, 0xbb, 0xdb, 0xb3, 0xc7, 0xca, 0xd0], ' big data smart city now'))).toMatchObject({
      problem: { rule: 'ingest/not-utf8' },
    });
  });

  it.each([
    // GBK 智慧城市 then AA A1: a user-defined code, U+E000 (private use) in GB18030.
    ['a user-defined (private-use) code', [0xaa, 0xa1], '\ue000'],
    // 81 30 81 30: the four-byte sequence for U+0080, a C1 control.
    ['a C1 control', [0x81, 0x30, 0x81, 0x30], '\u0080'],
  ])('Chinese that decodes to %s is not taken for GB18030', (_name, tail, decoded) => {
    const input = bytes([0xd6, 0xc7, 0xbb, 0xdb, 0xb3, 0xc7, 0xca, 0xd0], tail);
    expect(new TextDecoder('gb18030').decode(input)).toBe(`智慧城市${decoded}`);
    expect(decodeText(input)).toMatchObject({ problem: { rule: 'ingest/not-utf8' } });
  });

  // Issue 14 round three: these decode "cleanly" as GB18030 into Han characters, but rare ones.
  it('does not read Shift_JIS Japanese as GB18030: ビッグデータと低炭素 is not 價僢僌僨乕僞偲掅扽慺', () => {
    // Python: 'ビッグデータと低炭素'.encode('shift_jis'), three times.
    const once = [0x83, 0x72, 0x83, 0x62, 0x83, 0x4f, 0x83, 0x66, 0x81, 0x5b, 0x83, 0x5e, 0x82, 0xc6, 0x92, 0xe1, 0x92, 0x59, 0x91, 0x66];
    const sjis = bytes(once, once, once);
    expect(new TextDecoder('gb18030').decode(sjis).slice(0, 10)).toBe('價僢僌僨乕僞偲掅扽慺');
    const result = decodeText(sjis);
    expect(result).toMatchObject({ problem: { rule: 'ingest/not-utf8', line: 1, column: 1 } });
    const hint = 'problem' in result ? result.problem.hint : '';
    for (const named of ['encoding:', 'shift_jis', 'big5', 'gbk']) expect(hint).toContain(named);
  });

  it('does not read Big5 traditional Chinese as GB18030 (數據產業發展 would be 计沮玻穨祇甶: 3 of 6 in level 1)', () => {
    const big5 = bytes([0xbc, 0xc6, 0xbe, 0xda, 0xb2, 0xa3, 0xb7, 0x7e, 0xb5, 0x6f, 0xae, 0x69]);
    expect(decodeText(big5)).toMatchObject({ problem: { rule: 'ingest/not-utf8' } });
  });

  it('UTF-8-encoded surrogates (ED A0 80 ED B0 80) are not UTF-8 and not GB18030', () => {
    const input = bytes('data ', [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80], ' green');
    expect(decodeText(input)).toMatchObject({ problem: { rule: 'ingest/not-utf8', line: 1, column: 6 } });
  });

  it('reads GB18030 with CRLF line breaks: 政府数据开放 over two lines', () => {
    // 政府数据 D5FE B8AE CAFD BEDD, CRLF, 开放 BFAA B7C5.
    const input = bytes([0xd5, 0xfe, 0xb8, 0xae, 0xca, 0xfd, 0xbe, 0xdd, 0x0d, 0x0a, 0xbf, 0xaa, 0xb7, 0xc5]);
    expect(decodeText(input)).toMatchObject({ text: '政府数据\n开放' });
  });

  it('keeps UTF-8 when the bytes are valid UTF-8, without a note', () => {
    expect(decodeText(bytes([0xe4, 0xb8, 0xad]))).toEqual({ text: '中' });
  });

  it('decodes with a named encoding: big5 智慧城市 (B4BC BC7A ABB0 A5AB)', () => {
    expect(decodeText(bytes([0xb4, 0xbc, 0xbc, 0x7a, 0xab, 0xb0, 0xa5, 0xab]), 'big5')).toEqual({ text: '智慧城市' });
  });

  it('decodes with a named encoding: windows-1252 café, which detection alone refuses', () => {
    expect(decodeText(bytes('caf', [0xe9]), 'windows-1252')).toEqual({ text: 'café' });
  });

  it('a named encoding wins over detection: gbk bytes named utf-8 are an error', () => {
    expect(decodeText(bytes([0xd6, 0xd0]), 'utf-8')).toMatchObject({ problem: { rule: 'ingest/wrong-encoding' } });
  });

  it('strips the BOM and converts CRLF for a named utf-8', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'a\r\nb'), 'utf-8')).toEqual({ text: 'a\nb' });
  });

  it('reports an unknown encoding name', () => {
    expect(decodeText(bytes('a'), 'klingon')).toMatchObject({ problem: { rule: 'ingest/unknown-encoding' } });
  });
});

describe('findInvalidUtf8', () => {
  const cases: Array<[string, number[], number]> = [
    ['valid ASCII', ascii('abc'), -1],
    ['valid 4-byte emoji', [0xf0, 0x9f, 0x98, 0x80], -1],
    ['overlong C0 80', [0x61, 0xc0, 0x80], 1],
    ['encoded surrogate ED A0 80', [0xed, 0xa0, 0x80], 0],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['truncated at the end', [0x61, 0x62, 0xe4, 0xb8], 2],
    ['stray continuation byte', [0x61, 0x80], 1],
    ['lead byte followed by ASCII', [0xe4, 0x61, 0x62], 0],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(findInvalidUtf8(Uint8Array.from(input))).toBe(expected);
  });

  it('agrees with the fatal TextDecoder on whether bytes are valid', () => {
    const samples = [
      [0xe4, 0xb8, 0xad],
      [0xe0, 0x80, 0x80],
      [0xef, 0xbf, 0xbf],
      [0xf0, 0x8f, 0xbf, 0xbf],
      [0xc2, 0xa0],
    ];
    for (const sample of samples) {
      const input = Uint8Array.from(sample);
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(input);
      } catch {
        valid = false;
      }
      expect(findInvalidUtf8(input) === -1, sample.join(' ')).toBe(valid);
    }
  });
});
