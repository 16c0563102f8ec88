import { describe, expect, it } from 'vitest';
import { checkSlowRegexTerms } from '../../../src/codebook/check-slow-regex-terms.ts';
import type { Codebook, Term } from '../../../src/types.ts';

const codebookOf = (values: string[]): Codebook => ({
  name: 't',
  format: 'native',
  path: 'c.yaml',
  sha256: '',
  themes: [
    {
      id: 't',
      label: 't',
      codes: [
        { id: 'c', label: 'c', terms: values.map((value, k): Term => ({ value, kind: 'regex', caseSensitive: false, position: { line: 10 + k, column: 7 } })) },
      ],
    },
  ],
});

describe('checkSlowRegexTerms (issue 14, item 8: lint flags catastrophic patterns)', () => {
  it.each([
    ['a quantifier inside a quantified group', '(a+)+$', /exponential time .* `a\+` repeats inside `\(a\+\)\+`.* would hang/],
    ['a word pattern repeated with an optional separator', '(\\w+\\s?)*$', /exponential time/],
    ['two adjacent unbounded quantifiers over the same letters', '(x+x+)+y', /exponential time/],
    ['several .* that can trade characters', '.*a.*a.*b', /a power of the word length .* would slow down/],
  ])('%s: %s is a codebook/slow-regex warning at the term', (_name, pattern, message) => {
    const [warning, ...rest] = checkSlowRegexTerms(codebookOf([pattern]));
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ severity: 'warning', rule: 'codebook/slow-regex', file: 'c.yaml', line: 10, column: 7 });
    expect(warning!.message).toMatch(message);
  });

  it.each(['^e-?gov', 'colou?r', '^smart ^cit(y|ies)$', '^[a-z]+(-[a-z]+)*$', '\\p{Han}+', '(?P<x>a)'])(
    '%s is not flagged (linear, or RE2-only syntax)',
    (pattern) => {
      expect(checkSlowRegexTerms(codebookOf([pattern]))).toEqual([]);
    },
  );

  it('gives an equivalent pattern when scslre can make one', () => {
    expect(checkSlowRegexTerms(codebookOf(['(x+x+)+y']))[0]!.hint).toBe('An equivalent pattern without this backtracking: `(x{2,})+y`.');
  });
});
