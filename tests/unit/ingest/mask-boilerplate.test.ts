import { describe, expect, it } from 'vitest';
import type { BoilerplateRule } from '../../../src/types.ts';
import { maskBoilerplate } from '../../../src/ingest/mask-boilerplate.ts';

// Texts written for these tests; the header imitates the layout of a PKULaw citation header.
const at = { line: 1, column: 1 };
const from = (marker: string, plusLines = 0): BoilerplateRule => ({ name: `from ${marker}`, position: at, scope: 'corpus', drop: 'from', marker, plusLines });
const until = (marker: string, plusLines = 0): BoilerplateRule => ({
  name: `until ${marker}`,
  position: at,
  scope: 'corpus',
  drop: 'until',
  marker,
  plusLines,
});
const lines = (pattern: string): BoilerplateRule => ({ name: `lines ${pattern}`, position: at, scope: 'corpus', drop: 'lines', pattern });
const between = (start: string, end: string): BoilerplateRule => ({ name: `between ${start}`, position: at, scope: 'corpus', drop: 'between', start, end });

/** Masks with a word counter that records the removed text it is given (one "word" per whitespace-separated piece). */
function mask(text: string, rules: BoilerplateRule[]) {
  const removedTexts: string[] = [];
  const result = maskBoilerplate(text, rules, (removed) => {
    removedTexts.push(removed);
    return removed.split(/\s+/).filter(Boolean).length;
  });
  return { ...result, removedTexts };
}

const blank = (line: string) => ' '.repeat(line.length);

describe('maskBoilerplate', () => {
  const footer = ['Line one has data.', 'Second line.', '', '本作品是公有领域', 'Public domain', 'false'];

  it('drop_from blanks the first line that starts with the marker and everything after it, keeping length and line breaks', () => {
    const { text, removals, removedTexts, visibleCharacters } = mask(footer.join('\n'), [from('本作品')]);
    expect(text).toBe(['Line one has data.', 'Second line.', '', blank('本作品是公有领域'), blank('Public domain'), blank('false')].join('\n'));
    expect(text.length).toBe(footer.join('\n').length);
    // 8 + 12 + 5 characters besides spaces; the blank line before the footer is kept (and would count no line).
    expect(removals).toEqual([{ rule: 'from 本作品', characters: 25, lines: 3, words: 4 }]);
    expect(removedTexts).toEqual(['本作品是公有领域\nPublic domain\nfalse']);
    expect(visibleCharacters).toBe(15 + 11 + 25);
  });

  it('finds a marker only at the start of a line, after leading spaces (U+3000 too)', () => {
    const text = ['正文提到本作品一词。', '　本作品是公有领域', '尾'].join('\n');
    expect(mask(text, [from('本作品')]).text).toBe(['正文提到本作品一词。', blank('　本作品是公有领域'), blank('尾')].join('\n'));
    expect(mask('正文提到本作品一词。', [from('本作品')]).removals).toEqual([{ rule: 'from 本作品', characters: 0, lines: 0, words: 0 }]);
  });

  it('drop_until with plus_lines drops a citation header and the repeated title, and keeps the title as the document gives it', () => {
    const header = ['    【法宝引证码】 CLI.12.1', '原文链接：https://example.org/x.html', '关于数据的通知', '关于数据的通知', '各区政府：', '正文。'];
    const { text, removals } = mask(header.join('\n'), [until('原文链接', 1)]);
    expect(text.split('\n')).toEqual([blank(header[0]!), blank(header[1]!), blank(header[2]!), '关于数据的通知', '各区政府：', '正文。']);
    // 【法宝引证码】CLI.12.1 = 7 + 8; 原文链接：https://example.org/x.html = 5 + 26; 关于数据的通知 = 7
    expect(removals).toEqual([{ rule: 'until 原文链接', characters: 53, lines: 3, words: 4 }]);
  });

  it('drop_from with plus_lines also drops the lines before the marker line', () => {
    expect(mask('a\nb\n----\nEND x\ny', [from('END', 1)]).text).toBe('a\nb\n    \n     \n ');
  });

  it('drop_lines blanks every matching line, counts no blank line, and tests no line over 500 characters', () => {
    const long = `- ${'9'.repeat(600)} -`;
    const text = ['text', '- 1 -', '', '  - 2 -  ', 'more text', long].join('\n');
    const { text: masked, removals } = mask(text, [lines('^\\s*(?:- \\d+ -)?\\s*$')]);
    expect(masked.split('\n')).toEqual(['text', blank('- 1 -'), '', blank('  - 2 -  '), 'more text', long]);
    expect(removals).toEqual([{ rule: 'lines ^\\s*(?:- \\d+ -)?\\s*$', characters: 6, lines: 2, words: 6 }]);
  });

  it("drop_lines runs on a linear-time engine: patterns that backtrack for hours on 499 a's finish at once", () => {
    // Lines made up for the test: 40 lines of 499 `a`s (no `b` at the end) and one `aab`.
    const text = [...Array.from({ length: 40 }, () => 'a'.repeat(499)), 'aab'].join('\n');
    for (const pattern of ['^a*a*a*a*a*a*a*a*b$', '^\\s*\\S*\\s*\\S*\\s*\\S*\\s*\\S*\\s*\\S*b$', '^(a+)+b$']) {
      const { text: masked } = mask(text, [lines(pattern)]);
      expect(masked.split('\n').at(-1)).toBe('   ');
      expect(
        masked
          .split('\n')
          .slice(0, 40)
          .every((line) => line === 'a'.repeat(499)),
      ).toBe(true);
    }
  });

  it("drop_lines keeps JavaScript's \\s: an ideographic space (U+3000) or no-break space is a space", () => {
    const text = ['\u3000- 3 -\u3000', '\u00a0- 4 -', '正文\u3000第一段'].join('\n');
    const { text: masked } = mask(text, [lines('^\\s*- \\d+ -\\s*$')]);
    expect(masked.split('\n')).toEqual([blank('\u3000- 3 -\u3000'), blank('\u00a0- 4 -'), '正文\u3000第一段']);
  });

  it('drop_between drops each closed block with its marker lines, and keeps an unclosed one', () => {
    const text = ['a', '编者按：', 'note', '编者按完', 'b', '编者按：', 'c', '编者按完', 'd', '编者按：', 'never closed'].join('\n');
    const { text: masked, removals } = mask(text, [between('编者按：', '编者按完')]);
    expect(masked.split('\n')).toEqual([
      'a',
      blank('编者按：'),
      blank('note'),
      blank('编者按完'),
      'b',
      blank('编者按：'),
      ' ',
      blank('编者按完'),
      'd',
      '编者按：',
      'never closed',
    ]);
    expect(removals[0]).toMatchObject({ characters: 4 + 4 + 4 + 4 + 1 + 4, lines: 6 }); // 编者按： and 编者按完 are 4 characters each
  });

  it('applies rules in order: a line an earlier rule removed is credited to it and is blank for the later rules', () => {
    const text = ['- 3 -', 'END of page', 'body', 'END'].join('\n');
    const { text: masked, removals } = mask(text, [lines('^(?:- \\d+ -|END of page)$'), from('END')]);
    expect(masked.split('\n')).toEqual([blank('- 3 -'), blank('END of page'), 'body', blank('END')]);
    expect(removals.map((removal) => [removal.rule, removal.lines])).toEqual([
      ['lines ^(?:- \\d+ -|END of page)$', 2],
      ['from END', 1],
    ]);
  });

  it('keeps offsets of surrogate pairs (a removed emoji becomes two spaces)', () => {
    const text = 'x\nEND 😀\ny';
    const { text: masked, removals } = mask(text, [between('END', 'y')]);
    expect(masked).toBe('x\n      \n ');
    expect(masked.length).toBe(text.length);
    expect(removals[0]).toMatchObject({ characters: 5, lines: 2 });
  });
});
