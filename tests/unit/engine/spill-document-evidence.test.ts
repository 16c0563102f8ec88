import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { collectEvidence } from '../../../src/analyze/collect-evidence.ts';
import { openEvidenceSpill } from '../../../src/engine/evidence-spill.ts';
import { toCompactEvidence } from '../../../src/engine/pack-evidence.ts';
import { spillDocumentEvidence } from '../../../src/engine/spill-document-evidence.ts';
import type { CodeRef } from '../../../src/match/compile-codebook.ts';
import { toEvidenceLines } from '../../../src/report/to-evidence-csv.ts';
import { segmentText } from '../../../src/text/segment-text.ts';
import type { Match, PageSpan } from '../../../src/types.ts';

const spill = openEvidenceSpill();
afterAll(() => spill.close());

// Names that need quoting in CSV or lie outside the Basic Multilingual Plane, and one with a lone surrogate (its rows go the way of the row objects).
const codes: CodeRef[] = [
  { theme: 'tech', code: 'data', terms: [{ value: 'big data', kind: 'glob', caseSensitive: false }] },
  { theme: 'emoji 😀', code: '𠀀', terms: [{ value: '😀', kind: 'glob', caseSensitive: false }] },
  {
    theme: 'green, "clean"',
    code: 'env',
    terms: [
      { value: 'green', kind: 'glob', caseSensitive: false },
      { value: '数据', kind: 'glob', caseSensitive: false },
    ],
  },
];
const loneCodes: CodeRef[] = [...codes, { theme: 'odd\uD800', code: 'x', terms: [{ value: 'x', kind: 'glob', caseSensitive: false }] }];

// Plain words, sentence ends, runs of whitespace, CSV specials, CJK, pairs and lone surrogates.
const piece = fc.constantFrom(
  'data',
  'Green',
  'a',
  'policy',
  'interconnectedness',
  // Words around the 15 characters a cut may move to reach a space.
  ' abcdefghijklm',
  ' abcdefghijklmn',
  ' abcdefghijklmno',
  ' abcdefghijklmnop',
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  '\u00a0',
  '\u3000',
  '. ',
  '. The',
  '? ',
  '。',
  ',',
  '"',
  "'",
  '大',
  '数据',
  'é',
  '…',
  '\u{20000}',
  '😀',
  '\uFEFF',
);
// A lone surrogate only where the text may hold one: without it, every row goes the fused way.
const wellFormedText = fc.array(piece, { minLength: 1, maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.array(fc.oneof(piece, fc.constantFrom('\uD840', '\uDC00')), { minLength: 1, maxLength: 60 }).map((parts) => parts.join(''));

/** Moves an offset off the second unit of a surrogate pair (matches never split one). */
function onCodePoint(text: string, offset: number): number {
  const unit = text.charCodeAt(offset);
  const before = text.charCodeAt(offset - 1);
  return offset > 0 && unit >= 0xdc00 && unit <= 0xdfff && before >= 0xd800 && before <= 0xdbff ? offset - 1 : offset;
}

const documentCase = (text: fc.Arbitrary<string>, codebook: readonly CodeRef[]) =>
  text.chain((sample) =>
    fc.record({
      text: fc.constant(sample),
      matches: fc.array(
        fc
          .record({ a: fc.nat(sample.length), b: fc.nat(sample.length), code: fc.nat(codebook.length - 1), term: fc.nat(1) })
          .map(({ a, b, code, term }): Match => {
            const start = onCodePoint(sample, Math.min(a, b));
            const end = Math.max(start, onCodePoint(sample, Math.max(a, b)));
            return { codeIndex: code, termIndex: Math.min(term, codebook[code]!.terms.length - 1), start, end, firstToken: 0, endToken: 0 };
          }),
        { maxLength: 12 },
      ),
      width: fc.integer({ min: 0, max: 70 }),
      paged: fc.boolean(),
      documentId: fc.constantFrom('doc', 'a,b', '文件', '\uFEFFdoc'),
    }),
  );

function pagesOf(sample: string, paged: boolean): PageSpan[] {
  if (!paged) return [];
  const middle = Math.floor(sample.length / 2);
  return [
    { page: 1, start: 0, end: middle },
    { page: 2, start: middle, end: sample.length },
  ];
}

describe('spillDocumentEvidence', () => {
  for (const [name, sampleText, codebook] of [
    ['well-formed text and names (the fused way)', wellFormedText, codes],
    ['text that may hold a lone surrogate', anyText, codes],
    ['a name with a lone surrogate', anyText, loneCodes],
  ] as const) {
    it(`writes the rows collectEvidence makes, and their evidence.csv lines: ${name}`, () => {
      fc.assert(
        fc.property(documentCase(sampleText, codebook), ({ text: sample, matches, width, paged, documentId }) => {
          const pages = pagesOf(sample, paged);
          const input = { documentId, text: sample, pages, segments: segmentText(sample, pages) };
          const expected = collectEvidence(input, matches, codebook, width);
          const seen: unknown[] = [];
          const spilled = spillDocumentEvidence(input, matches, codebook, width, spill.append, (theme, sentence, paragraph) =>
            seen.push([theme, sentence, paragraph]),
          );
          const compact = toCompactEvidence(spilled, spill.read);
          expect(compact.rows()).toEqual(expected);
          // Byte for byte the lines the rows make (evidence.csv is UTF-8: a lone surrogate becomes U+FFFD).
          expect(Buffer.concat([...compact.csv()]).equals(Buffer.from(toEvidenceLines(expected), 'utf8'))).toBe(true);
          expect(seen).toEqual(expected.map((row) => [row.theme, row.sentence, row.paragraph]));
        }),
        { numRuns: 1500 },
      );
    });
  }

  it('cuts a plain context at a space near the cut, and marks the cut', () => {
    const sample = 'The city builds broadband networks for every district and data centres near the port.';
    const start = sample.indexOf('data');
    const match: Match = { codeIndex: 0, termIndex: 0, start, end: start + 4, firstToken: 0, endToken: 0 };
    const input = { documentId: 'doc', text: sample, pages: [], segments: segmentText(sample) };
    const [row] = toCompactEvidence(spillDocumentEvidence(input, [match], codes, 20, spill.append), spill.read).rows();
    // The 20 characters before "data" start in "for" ("r every district and"): the cut moves past the
    // next space. The 20 after it end in "port" ("centres near the por"): the cut moves back to a space.
    expect(row).toMatchObject({ left: '…every district and', right: 'centres near the…', sentence: 1, line: 1, column: start + 1 });
  });
});
