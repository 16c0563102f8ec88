import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../src/text/segment-text.ts';
import type { PageSpan } from '../../../src/types.ts';
import { segmentTextAsFirstWritten } from './segment-text-oracle.ts';

const piece = fc.constantFrom(
  'The',
  'city',
  'data',
  ' ',
  '  ',
  '\n',
  '\n\n',
  ' \n \n',
  '\t',
  '\u3000',
  '\u3000\n\u3000\n',
  '.',
  '. ',
  '!',
  '? ',
  '...',
  '."',
  '.)',
  ' e.g. ',
  'No. 5',
  'Dr. Li',
  '1. ',
  '\n2. ',
  '3.4',
  'U.S. ',
  'A. ',
  '大数据',
  '。',
  '！',
  '？',
  '；',
  '｡',
  '．',
  '」',
  '「',
  '(',
  '“',
  '5G',
  'é',
  '\u{20000}',
  '\uD840',
);
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

/** Pages split at some of the line breaks, joined by one `\n` as `toPagedText` joins them. */
function pagesOf(sample: string, cuts: number[]): PageSpan[] {
  const breaks = [...sample.matchAll(/\n/g)].map((m) => m.index).filter((_, k) => cuts.includes(k % 4));
  const pages: PageSpan[] = [];
  let start = 0;
  for (const at of [...breaks, sample.length]) {
    pages.push({ page: pages.length + 1, start, end: at });
    start = at + 1;
  }
  return pages;
}

describe('segmentText', () => {
  it('finds the paragraphs and sentences of the segmenter as first written, with and without pages', () => {
    fc.assert(
      fc.property(text, fc.boolean(), fc.array(fc.nat(3), { maxLength: 2 }), (sample, paged, cuts) => {
        const pages = paged ? pagesOf(sample, cuts) : [];
        expect(segmentText(sample, pages)).toEqual(segmentTextAsFirstWritten(sample, pages));
      }),
      { numRuns: 3000 },
    );
  });
});
