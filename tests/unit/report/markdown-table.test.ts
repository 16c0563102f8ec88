import { describe, expect, it } from 'vitest';
import { code, escapeMarkdown, header, row, safeRow } from '../../../src/report/markdown-table.ts';

describe('escapeMarkdown', () => {
  it.each([
    ['plain text stays as it is', 'big data 大数据', 'big data 大数据'],
    ['an HTML tag becomes text', '<script>x</script>', '\\<script\\>x\\</script\\>'],
    ['a link or image becomes text', '![a](javascript:x)', '!\\[a\\](javascript:x)'],
    ['emphasis, code, headings, table pipes and backslashes', '*a* _b_ `c` # d | e \\', '\\*a\\* \\_b\\_ \\`c\\` \\# d \\| e \\\\'],
    ['line breaks collapse to one space', 'one\n  two\r\nthree', 'one two three'],
  ])('%s', (_name, text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });
});

describe('rows, headers and inline code', () => {
  it('row escapes every cell; safeRow and header write them as given', () => {
    expect(row(['<b>', 'a|b'])).toBe('| \\<b\\> | a\\|b |');
    expect(safeRow(['**yes**', '1'])).toBe('| **yes** | 1 |');
    expect(header(['Name', 'Count:'])).toEqual(['| Name | Count |', '| --- | ---: |']);
  });

  it('code fences text by one backtick more than its longest run, so no text ends it early', () => {
    expect(code('tech')).toBe('`tech`');
    expect(code('a`b')).toBe('`` a`b ``');
    expect(code('a``b`<x>')).toBe('``` a``b`<x> ```');
  });
});
