import { describe, it, expect } from 'vitest';
import { segmentText, spanIndexAt, type TextSpan } from '../../../src/text/segment-text.ts';
import type { PageSpan } from '../../../src/types.ts';

const slices = (text: string, spans: readonly TextSpan[]) => spans.map((s) => text.slice(s.start, s.end));
const sentencesOf = (text: string, pages: PageSpan[] = []) => slices(text, segmentText(text, pages).sentences);
const paragraphsOf = (text: string, pages: PageSpan[] = []) => slices(text, segmentText(text, pages).paragraphs);

describe('segmentText: English sentences', () => {
  it.each([
    ['One. Two! Three? Four', ['One.', 'Two!', 'Three?', 'Four']],
    ['a lower case start. does not break', ['a lower case start. does not break']],
    ['No space.Here not', ['No space.Here not']],
    ['Dr. Li and Mr. Wang met. They left.', ['Dr. Li and Mr. Wang met.', 'They left.']],
    ['Cities, e.g. Shenzhen, apply. Others wait.', ['Cities, e.g. Shenzhen, apply.', 'Others wait.']],
    ['See No. 5 and Fig. 2. Then go.', ['See No. 5 and Fig. 2.', 'Then go.']],
    ['Written by J. Smith today.', ['Written by J. Smith today.']],
    ['It grew by 2.5 percent. Next year', ['It grew by 2.5 percent.', 'Next year']],
    ['He said "Stop." Then "Go!" (Done.) End', ['He said "Stop."', 'Then "Go!"', '(Done.)', 'End']],
    ['Wait... What? Yes?! Fine', ['Wait...', 'What?', 'Yes?!', 'Fine']],
    ['Goals in 2012. 2014 brought more.', ['Goals in 2012.', '2014 brought more.']],
    ['Roads, bridges etc. Then parks.', ['Roads, bridges etc.', 'Then parks.']],
    ['  leading and trailing space.   ', ['leading and trailing space.']],
  ])('%j', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it('a list number at the start of a line is not a sentence end, elsewhere it is', () => {
    expect(sentencesOf('1. Purpose of the pilots')).toEqual(['1. Purpose of the pilots']);
    expect(sentencesOf('Intro.\n2. Scope of work')).toEqual(['Intro.', '2. Scope of work']);
    expect(sentencesOf('We count to 2. Then stop.')).toEqual(['We count to 2.', 'Then stop.']);
  });

  it('a sentence runs across single line breaks', () => {
    expect(sentencesOf('The city shall\nbuild networks. It\nshall grow.')).toEqual(['The city shall\nbuild networks.', 'It\nshall grow.']);
  });
});

describe('segmentText: Chinese sentences', () => {
  it.each([
    ['发展经济。保护环境！行吗？好', ['发展经济。', '保护环境！', '行吗？', '好']],
    ['第一；第二。', ['第一；', '第二。']],
    ['他说：“要创新。”然后走了。', ['他说：“要创新。”', '然后走了。']],
    ['增长77．7％，创造新高。', ['增长77．7％，创造新高。']],
    ['真的?是的!', ['真的?', '是的!']],
    ['智慧城市…… 还有', ['智慧城市…… 还有']],
    ['使用5G网络。Big data helps. 好的', ['使用5G网络。', 'Big data helps.', '好的']],
  ])('%j', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });
});

describe('segmentText: paragraphs', () => {
  it('a blank line, also one of ideographic spaces, separates paragraphs; sentences never cross them', () => {
    const text = 'First para line one\nline two\n\n　　\n第二段。\n   \nThird. Para';
    expect(paragraphsOf(text)).toEqual(['First para line one\nline two', '第二段。', 'Third. Para']);
    expect(sentencesOf(text)).toEqual(['First para line one\nline two', '第二段。', 'Third.', 'Para']);
  });

  it('offsets point into the text and are trimmed', () => {
    const text = '\n\n  Alpha beta.  \n\n Gamma. ';
    const { paragraphs, sentences } = segmentText(text);
    expect(paragraphs).toEqual([
      { start: 4, end: 15 },
      { start: 20, end: 26 },
    ]);
    expect(sentences).toEqual([
      { start: 4, end: 15 },
      { start: 20, end: 26 },
    ]);
  });

  it('empty or blank text has no units', () => {
    expect(segmentText('')).toEqual({ paragraphs: [], sentences: [] });
    expect(segmentText(' \n\n\t')).toEqual({ paragraphs: [], sentences: [] });
  });
});

describe('segmentText: PDF text (pages given, no blank lines)', () => {
  // Ten lines; the full line length (80th percentile: the 8th of 10 sorted lengths) is 38.
  const lines = [
    '1. Background', //                         13: short heading, next starts with a list marker
    '1.1 The city has a strong base for its', // 38
    'networks and its industry is among the', //  38
    'largest in the country today. It grew.', //  38: ends with '.', full width, next is ordinary text
    'More text follows on this line and the', //  38
    'paragraph ends here.', //                   20: ends with '.', short -> paragraph end
    'Another paragraph starts on this line a', // 39
    'and continues on the next page with no', //  38
    'break at all, being one long paragraph', //  38 (page 2 starts here)
    'that ends.', //                              10
  ];
  const text = lines.join('\n');
  const page2 = text.indexOf('break at all');
  const pages: PageSpan[] = [
    { page: 1, start: 0, end: page2 - 1 },
    { page: 2, start: page2, end: text.length },
  ];

  it('splits at headings, at short lines ending a sentence, and joins across a page break mid-sentence', () => {
    expect(paragraphsOf(text, pages).map((p) => p.split('\n')[0])).toEqual([
      '1. Background',
      '1.1 The city has a strong base for its',
      'Another paragraph starts on this line a',
    ]);
  });

  it('starts a paragraph at a page break when the page ended with a full stop', () => {
    const two = 'A page that ends with a full sentence.\nNext page begins here with more text';
    const at = two.indexOf('Next');
    expect(
      paragraphsOf(two, [
        { page: 1, start: 0, end: at - 1 },
        { page: 2, start: at, end: two.length },
      ]),
    ).toEqual(['A page that ends with a full sentence.', 'Next page begins here with more text']);
    // The same text without pages is one paragraph: single line breaks never split plain text.
    expect(paragraphsOf(two)).toHaveLength(1);
  });
});

describe('spanIndexAt', () => {
  const spans = [
    { start: 2, end: 5 },
    { start: 7, end: 9 },
  ];
  it.each([
    [0, -1],
    [2, 0],
    [4, 0],
    [6, 0],
    [7, 1],
    [100, 1],
  ])('offset %i -> %i', (offset, index) => {
    expect(spanIndexAt(spans, offset)).toBe(index);
  });
});
