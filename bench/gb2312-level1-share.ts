/**
 * Measures the share of Han characters in GB2312 level 1 (the threshold of readsAsSimplifiedChinese):
 * on the UTF-8 texts of ../shared/data/zh, and on other encodings misread as GB18030.
 * Run: npx tsx bench/gb2312-level1-share.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { level1Share } from '../src/ingest/decode-text.ts';

const folder = path.resolve('../shared/data/zh');
const texts = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.txt'));
const shares = texts.map((name) => ({ name, share: level1Share(readFileSync(path.join(folder, name), 'utf8')) })).sort((a, b) => a.share - b.share);
console.log(
  `${shares.length} texts: min ${shares[0]?.share.toFixed(4)} (${shares[0]?.name}), median ${shares[Math.floor(shares.length / 2)]?.share.toFixed(4)}`,
);

const misread: Array<[string, number[]]> = [
  // Python: ('ビッグデータと低炭素'.encode('shift_jis')*3)
  ['Shift_JIS ビッグデータと低炭素', [0x83, 0x72, 0x83, 0x62, 0x83, 0x4f, 0x83, 0x66, 0x81, 0x5b, 0x83, 0x5e, 0x82, 0xc6, 0x92, 0xe1, 0x92, 0x59, 0x91, 0x66]],
  // '數據產業發展' in Big5
  ['Big5 數據產業發展', [0xbc, 0xc6, 0xbe, 0xda, 0xb2, 0xa3, 0xb7, 0x7e, 0xb5, 0x6f, 0xae, 0x69]],
  // UTF-8-encoded surrogates ED A0 80 ED B0 80
  ['UTF-8 surrogates', [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80]],
];
for (const [name, bytes] of misread) {
  const text = new TextDecoder('gb18030').decode(Uint8Array.from(bytes));
  console.log(`${name}: ${text} ${level1Share(text).toFixed(4)}`);
}
