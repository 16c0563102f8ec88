import { describe, expect, it } from 'vitest';
import { compileLinearRegex } from '../../../src/text/compile-linear-regex.ts';

const test = (pattern: string, text: string, ignoreCase = true) => {
  const compiled = compileLinearRegex(pattern, { ignoreCase });
  if ('problem' in compiled) throw new Error(compiled.problem);
  return compiled.regex.test(text);
};

describe('compileLinearRegex (the re2js adapter)', () => {
  it.each<[string, string, string, boolean]>([
    ['searched, not anchored', 'gov', 'e-government', true],
    ['anchors', '^gov', 'e-government', false],
    ['letter case ignored when asked', '^ai$', 'AI', true],
    ['Unicode case folding', '^größe$', 'GRÖSSE', false],
    ['Unicode letters', '^\\p{L}+$', 'größe', true],
    ['JavaScript \\u escapes', '^caf\\u00e9$', 'café', true],
    ['JavaScript \\p{Script=...}', '^\\p{Script=Han}+$', '数据', true],
    ['the short form \\p{sc=...}', '^\\p{sc=Han}$', 'a', false],
  ])('%s: %s in %s', (_name, pattern, text, expected) => {
    expect(test(pattern, text)).toBe(expected);
  });

  it('is case-sensitive unless asked', () => {
    expect(test('^AI$', 'ai', false)).toBe(false);
    expect(test('^AI$', 'AI', false)).toBe(true);
  });

  it('(a+)+$ on 100,000 a and a b: no backtracking', () => {
    expect(test('(a+)+$', `${'a'.repeat(100_000)}b`)).toBe(false);
  });

  it('\\s and \\S mean what they mean in JavaScript: U+3000 and U+00A0 are spaces', () => {
    expect(test('^\\s+$', '\u3000\u00a0 ')).toBe(true);
    expect(test('^[\\s\\d]+$', '\u30001')).toBe(true);
    expect(test('^\\S$', '\u3000')).toBe(false);
    expect(test('^\\S$', '\\')).toBe(true);
  });

  it.each([
    ['data(?=base)', /lookahead and lookbehind .* not supported by the linear-time engine/],
    ['(?<!big )data', /lookahead and lookbehind/],
    ['(a)\\1', /backreferences .* not supported/],
    ['(?<n>a)\\k<n>', /backreferences .* not supported/],
    ['(unclosed', /missing closing \)/],
    ['a{2,1}', /invalid repeat count/],
  ])('%s is a problem with a plain reason, not a throw', (pattern, reason) => {
    const compiled = compileLinearRegex(pattern, { ignoreCase: false });
    expect('problem' in compiled && compiled.problem).toMatch(reason);
  });
});
