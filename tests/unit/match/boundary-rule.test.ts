import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/codebook/parse-codebook.ts';
import { compileCodebook } from '../../../src/match/compile-codebook.ts';
import { findMatchesWithRules } from '../../../src/match/find-matches.ts';
import type { WordSegmenter } from '../../../src/text/cjk-word-breaks.ts';
import { tokenize } from '../../../src/text/tokenize.ts';

const CODEBOOK = `
themes:
  participation:
    codes:
      voice:
        definition: Public opinion and interests.
        terms: [{ term: 民意, boundary: word }, 利益相关, { term: 惠民, boundary: word }, opinion]
      stakeholders:
        definition: Stakeholders.
        terms: [{ term: 利益相关, boundary: word }]
`;

/** Words given by hand (longest listed word first at each place, else one character). */
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

function run(text: string, segment?: WordSegmenter) {
  const { codebook, diagnostics } = parseCodebook(CODEBOOK, 'cb.yaml');
  expect(diagnostics).toEqual([]);
  const { compiled } = compileCodebook(codebook!);
  const { matches, excluded } = findMatchesWithRules(tokenize(text), compiled, segment);
  return {
    counted: matches.map((m) => text.slice(m.start, m.end)),
    excluded: excluded.map((m) => [text.slice(m.start, m.end), m.rule, m.reason]),
  };
}

describe('boundary: word (hand segmentation)', () => {
  const words = handSegmenter(['尊重', '农民', '意愿', '民意', '调查', '群众', '切身利益', '相关', '惠', '民生', '工程']);

  it('民意 across 农民|意愿 is excluded with its reason; 民意 as a word counts', () => {
    // 尊重|农民|意愿，民意|调查: the first 民意 starts inside 农民 and ends inside 意愿.
    expect(run('尊重农民意愿，民意调查', words)).toEqual({
      counted: ['民意'],
      excluded: [['民意', 'boundary', 'across the words "农民|意愿"']],
    });
  });

  it('惠民 inside 惠|民生 is excluded when the segmenter splits 惠 from 民生', () => {
    expect(run('惠民生工程', words)).toEqual({ counted: [], excluded: [['惠民', 'boundary', 'across the words "惠|民生"']] });
  });

  it('the same value with and without `boundary` in two codes: only the checked one is excluded', () => {
    // 群众|切身利益|相关|的: 利益相关 starts inside 切身利益. Code voice has it unchecked, stakeholders checked.
    expect(run('群众切身利益相关的', words)).toEqual({
      counted: ['利益相关'],
      excluded: [['利益相关', 'boundary', 'across the words "切身利益|相关"']],
    });
  });

  it('a match that fills whole words counts: 利益相关 in 利益|相关|方 (each word given by hand)', () => {
    expect(run('利益相关方', handSegmenter(['利益', '相关', '方'])).excluded).toEqual([]);
  });

  it('Latin terms are unaffected', () => {
    expect(run('public opinion', words).counted).toEqual(['opinion']);
  });
});

describe('boundary: word with ICU (the default segmenter), on the issue-13 examples', () => {
  // Real sentences from ../shared/data/zh (1990s-2000s government work reports and the 2024 city
  // reports); the expected words are ICU's segmentation, checked in tests/unit/text/cjk-word-breaks.test.ts.
  it('民意 in 尊重农民意愿 is excluded: ICU reads 农民|意愿', () => {
    expect(run('充分尊重农民意愿，绝不能搞强迫命令').excluded).toEqual([['民意', 'boundary', 'across the words "农民|意愿"']]);
  });

  it('利益相关 in 切身利益相关的 is excluded from the checked code: ICU reads 切身利益|相关', () => {
    expect(run('力解决与人民群众切身利益相关的突出问题').excluded).toEqual([['利益相关', 'boundary', 'across the words "切身利益|相关"']]);
  });

  it('惠民 in 惠民生 still counts: ICU reads 惠民|生, so the check cannot catch this one (use except: [惠民生])', () => {
    expect(run('扩消费、优投资、惠民生、守底线')).toEqual({ counted: ['惠民'], excluded: [] });
  });
});
