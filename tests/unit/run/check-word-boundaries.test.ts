import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/codebook/parse-codebook.ts';
import { compileCodebook } from '../../../src/match/compile-codebook.ts';
import { checkWordBoundaries } from '../../../src/run/check-word-boundaries.ts';
import { toBoundaryTable } from '../../../src/run/to-boundary-table.ts';
import type { WordSegmenter } from '../../../src/text/cjk-word-breaks.ts';
import { tokenize } from '../../../src/text/tokenize.ts';

/** Words given by hand: at each place the longest listed word, else one character. */
function handSegmenter(words: string[]): WordSegmenter {
  return (run) => {
    const starts: number[] = [];
    for (let offset = 0; offset < run.length; ) {
      starts.push(offset);
      const word = words.filter((candidate) => run.startsWith(candidate, offset)).sort((a, b) => b.length - a.length)[0];
      offset += word ? word.length : 1;
    }
    return starts;
  };
}

const CODEBOOK = `
themes:
  p:
    codes:
      voice: { definition: d, terms: [民意, opinion] }
      data: { definition: d, terms: [{ term: 数据, boundary: word }] }
`;

describe('checkWordBoundaries', () => {
  it('counts, per CJK term, matches across two words and inside one word, with the words around them', () => {
    const { codebook } = parseCodebook(CODEBOOK, 'cb.yaml');
    const { compiled } = compileCodebook(codebook!);
    // Hand words: 尊重|农民|意愿 (twice), 听|民意, 大数据, 数据. So 民意: 3 matches, 2 across (农民|意愿), 0 inside;
    // 数据: 2 matches (one counted, one removed by its own boundary check), 1 inside (大数据).
    const text = '尊重农民意愿。听民意。尊重农民意愿。大数据。数据。public opinion';
    const texts = [{ id: 'd', relPath: 'd.txt', tokenized: tokenize(text) }];
    const result = checkWordBoundaries(codebook!, compiled, texts, handSegmenter(['尊重', '农民', '意愿', '民意', '大数据', '数据']));
    expect(result).toEqual([
      { theme: 'p', code: 'voice', term: '民意', checked: false, matches: 3, across: 2, inside: 0, contexts: [{ words: '农民|意愿', count: 2 }] },
      { theme: 'p', code: 'data', term: '数据', checked: true, matches: 2, across: 0, inside: 1, contexts: [{ words: '大数据', count: 1 }] },
    ]);
    const table = toBoundaryTable(result, 3, '78.2');
    expect(table).toContain('ICU 78.2');
    expect(table).toMatch(/p\/voice\s+民意\s+3\s+2\s+0\s+农民\|意愿 \(2\)/);
    expect(table).toMatch(/p\/data\s+数据 \(boundary: word\)\s+2\s+0\s+1\s+大数据 \(1\)/);
  });

  it('says so when no match straddles', () => {
    expect(toBoundaryTable([], 3, '78.2')).toContain('none: every match of a Chinese term starts and ends at a word boundary');
  });
});
