import { describe, expect, it } from 'vitest';
import { checkGlobTerms } from '../../../src/codebook/check-glob-terms.ts';
import { makeCodebook, type TermSpec } from '../../support/make-codebook.ts';

const check = (terms: TermSpec[]) =>
  checkGlobTerms(makeCodebook({ t: { c: terms } }).themes[0]!.codes[0]!, 'code `c`', 'cb.yaml').map((d) => [
    d.severity,
    d.rule,
    d.message.match(/^Term `([^`]+)`/)?.[1],
  ]);

describe('checkGlobTerms', () => {
  it('terms made only of wildcards are errors, in any spelling', () => {
    expect(check(['*', '**', '?', '* ?', 'sensor*'])).toEqual([
      ['error', 'codebook/invalid-glob', '*'],
      ['error', 'codebook/invalid-glob', '**'],
      ['error', 'codebook/invalid-glob', '?'],
      ['error', 'codebook/invalid-glob', '* ?'],
    ]);
  });

  it('a `*` word next to real words, and a `*` glued to CJK characters, are fine', () => {
    expect(check(['public * participation', '数据*', '*数据'])).toEqual([]);
  });

  it('`**` inside a word is a warning; regex syntax in a glob is a warning', () => {
    expect(check(['smart**', 'sensor.*', 'colo[u]r', '^gov', 'e-gov|egov', 'R&D', 'C++'])).toEqual([
      ['warning', 'codebook/redundant-wildcard', 'smart**'],
      ['warning', 'codebook/glob-looks-like-regex', 'sensor.*'],
      ['warning', 'codebook/glob-looks-like-regex', 'colo[u]r'],
      ['warning', 'codebook/glob-looks-like-regex', '^gov'],
      ['warning', 'codebook/glob-looks-like-regex', 'e-gov|egov'],
    ]);
  });

  it('exact and regex terms are not globs', () => {
    expect(
      check([
        { value: '*', kind: 'exact' },
        { value: '^gov.*', kind: 'regex' },
      ]),
    ).toEqual([]);
  });
});
