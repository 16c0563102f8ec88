import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { collectEvidence } from '../../../src/analyze/collect-evidence.ts';
import { collapseSpace, contextAfter, contextBefore } from '../../../src/analyze/cut-context.ts';
import type { CodeRef } from '../../../src/match/compile-codebook.ts';
import type { Match, PageSpan } from '../../../src/types.ts';
import { segmentText, spanIndexAt } from '../../../src/text/segment-text.ts';

const codes: CodeRef[] = [
  {
    theme: 'tech',
    code: 'data',
    terms: [
      { value: 'big data', kind: 'glob', caseSensitive: false },
      { value: 'data', kind: 'glob', caseSensitive: false },
    ],
  },
  { theme: 'green', code: 'env', terms: [{ value: 'green', kind: 'glob', caseSensitive: false }] },
];

/** A match of `needle` (its n-th occurrence) for code/term; token fields are not used by the evidence. */
function at(text: string, needle: string, codeIndex: number, termIndex: number, nth = 0): Match {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`no ${needle}`);
  return { codeIndex, termIndex, start, end: start + needle.length, firstToken: 0, endToken: 0 };
}

describe('collectEvidence', () => {
  // Line 1: "Plan title"; line 3-4: paragraph 2 with two sentences; line 6: paragraph 3.
  const text = 'Plan title\n\nWe build big\ndata centres. Green parks grow.\n\nData and green again.';
  const segments = segmentText(text);
  const matches = [
    at(text, 'Data', 0, 1), // paragraph 3
    at(text, 'green', 1, 0), // paragraph 3, same sentence as Data
    at(text, 'big\ndata', 0, 0),
    at(text, 'Green', 1, 0),
  ];

  it('one row per match, in text order, with line, column, sentence, paragraph and exact text', () => {
    const rows = collectEvidence({ documentId: 'doc', text, pages: [], segments }, matches, codes, 60);
    expect(rows.map((r) => [r.code, r.term, r.matched, r.page, r.line, r.column, r.sentence, r.paragraph])).toEqual([
      ['data', 'big data', 'big\ndata', null, 3, 10, 2, 2],
      ['env', 'green', 'Green', null, 4, 15, 3, 2],
      ['data', 'data', 'Data', null, 6, 1, 4, 3],
      ['env', 'green', 'green', null, 6, 10, 4, 3],
    ]);
    expect(rows.every((r) => r.document === 'doc' && text.slice(r.start, r.end) === r.matched)).toBe(true);
  });

  it('context stays inside the sentence, whitespace collapsed', () => {
    const rows = collectEvidence({ documentId: 'doc', text, pages: [], segments }, matches, codes, 60);
    expect(rows.map((r) => [r.left, r.right])).toEqual([
      ['We build', 'centres.'],
      ['', 'parks grow.'],
      ['', 'and green again.'],
      ['Data and', 'again.'],
    ]);
  });

  it('pages come from the page spans', () => {
    const paged = 'Big data first.\nGreen second.';
    const pages: PageSpan[] = [
      { page: 1, start: 0, end: 15 },
      { page: 2, start: 16, end: paged.length },
    ];
    const rows = collectEvidence(
      { documentId: 'p', text: paged, pages, segments: segmentText(paged, pages) },
      [at(paged, 'Green', 1, 0), at(paged, 'Big data', 0, 0)],
      codes,
    );
    expect(rows.map((r) => [r.matched, r.page, r.line, r.paragraph])).toEqual([
      ['Big data', 1, 1, 1],
      ['Green', 2, 2, 2],
    ]);
  });
});

describe('collectEvidence lookups and contexts', () => {
  // Each field worked out the slow, obvious way: binary searches, a count of line breaks, every context collapsed.
  function simpleRow(text: string, pages: PageSpan[], match: Match) {
    const segments = segmentText(text, pages);
    const sentenceIndex = Math.max(0, spanIndexAt(segments.sentences, match.start));
    const sentence = segments.sentences[sentenceIndex] ?? { start: 0, end: text.length };
    const before = text.slice(0, match.start);
    return {
      page: pages.length === 0 ? null : pages[Math.max(0, spanIndexAt(pages, match.start))]!.page,
      line: before.split('\n').length,
      column: match.start - (before.lastIndexOf('\n') + 1) + 1,
      sentence: sentenceIndex + 1,
      paragraph: Math.max(0, spanIndexAt(segments.paragraphs, match.start)) + 1,
      left: contextBefore(text, Math.min(sentence.start, match.start), match.start, 20),
      right: contextAfter(text, match.end, Math.max(sentence.end, match.end), 20),
    };
  }

  const piece = fc.constantFrom('Data', 'green', 'a', 'word', ' ', '  ', '\n', '\n\n', '. ', '. The', '大数据', '。', '\t', '\u{20000}', ', ', 'x');
  const sample = fc
    .tuple(fc.array(piece, { minLength: 1, maxLength: 60 }), fc.array(fc.tuple(fc.nat(), fc.nat(3)), { maxLength: 30 }), fc.boolean())
    .map(([parts, spots, paged]) => {
      const text = parts.join('');
      const matches = spots.map(([at, length], i): Match => {
        const start = at % text.length;
        return { codeIndex: i % 2, termIndex: 0, start, end: Math.min(text.length, start + length + 1), firstToken: 0, endToken: 0 };
      });
      const middle = text.indexOf('\n', text.length >> 1);
      const pages: PageSpan[] =
        paged && middle >= 0
          ? [
              { page: 1, start: 0, end: middle },
              { page: 2, start: middle + 1, end: text.length },
            ]
          : [];
      return { text, matches, pages };
    });

  it('give each row what binary searches, line counting and unhinted context cuts give', () => {
    fc.assert(
      fc.property(sample, ({ text, matches, pages }) => {
        const rows = collectEvidence({ documentId: 'd', text, pages, segments: segmentText(text, pages) }, matches, codes, 20);
        const sorted = [...matches].sort((a, b) => a.start - b.start || a.codeIndex - b.codeIndex || a.end - b.end);
        expect(rows.map(({ page, line, column, sentence, paragraph, left, right }) => ({ page, line, column, sentence, paragraph, left, right }))).toEqual(
          sorted.map((match) => simpleRow(text, pages, match)),
        );
      }),
      { numRuns: 1500 },
    );
  });
});

describe('context cutting', () => {
  it('collapses whitespace, and removes it between CJK characters', () => {
    expect(collapseSpace('a  b\n\tc')).toBe('a b c');
    expect(collapseSpace('传感\n器　　发展 5G')).toBe('传感器发展 5G');
  });

  it('cuts long context at a word boundary with an ellipsis', () => {
    const text = 'alpha beta gamma delta KEY epsilon zeta eta theta';
    const key = text.indexOf('KEY');
    // width 12: the last 12 characters before "KEY" (trailing space dropped) are "a gamma delta"[-12:] = " gamma delta"
    // -> starts at a space, so no word is cut: "gamma delta".
    expect(contextBefore(text, 0, key, 12)).toBe('…gamma delta');
    // width 10: "amma delta" cuts inside "gamma": move to the next space -> "delta".
    expect(contextBefore(text, 0, key, 10)).toBe('…delta');
    // right, width 12 after "KEY": " epsilon zeta eta theta" -> "epsilon zeta" + " " follows: no word cut.
    expect(contextAfter(text, key + 3, text.length, 12)).toBe('epsilon zeta…');
    // width 10: "epsilon ze" cuts inside "zeta": back to "epsilon".
    expect(contextAfter(text, key + 3, text.length, 10)).toBe('epsilon…');
    // Short enough: no ellipsis.
    expect(contextAfter(text, key + 3, text.length, 100)).toBe('epsilon zeta eta theta');
  });

  it('cuts CJK context by characters', () => {
    const text = '一二三四五六七八九十大数据甲乙丙丁戊己庚辛';
    const key = text.indexOf('大数据');
    expect(contextBefore(text, 0, key, 4)).toBe('…七八九十');
    expect(contextAfter(text, key + 3, text.length, 3)).toBe('甲乙丙…');
  });

  it('counts code points, not UTF-16 units', () => {
    const text = '𠀀𠀁𠀂X';
    expect(contextBefore(text, 0, text.indexOf('X'), 2)).toBe('…𠀁𠀂');
  });
});
