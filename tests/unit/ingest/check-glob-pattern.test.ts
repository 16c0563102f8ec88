import { describe, expect, it } from 'vitest';
import { checkGlobPattern } from '../../../src/ingest/check-glob-pattern.ts';
import { countBraceExpansions } from '../../../src/ingest/count-brace-expansions.ts';
import { parseCorpusYaml } from '../../../src/ingest/parse-corpus-yaml.ts';

describe('countBraceExpansions', () => {
  it.each([
    ['*.txt', 1],
    ['{a,b}.txt', 2],
    ['{a,b}{c,d,e}/*.pdf', 6],
    ['{a,{b,c}}x', 3],
    ['{1..100}', 100],
    ['{a..z}', 26],
    ['{0..100..10}', 11],
    ['{x}', 1], // neither a comma nor a range: literal
    ['{a,b', 1], // unclosed: literal
    ['\\{a,b\\}', 1], // escaped
  ])('%s expands to %i', (glob, count) => {
    expect(countBraceExpansions(glob, 1000)).toBe(count);
  });

  it('stops counting past the cap: 40 groups of two (2^40) and {1..100000000} are cap + 1', () => {
    expect(countBraceExpansions(`${'{a,b}'.repeat(40)}.txt`, 1000)).toBe(1001);
    expect(countBraceExpansions('{1..100000000}', 1000)).toBe(1001);
  });
});

describe('checkGlobPattern: patterns too costly to match', () => {
  it.each(['{1..100000000}', `${'{a,b}'.repeat(40)}.txt`, '{1..40}{1..40}.txt'])('refuses %s (too many expansions)', (glob) => {
    expect(checkGlobPattern(glob)?.message).toContain('expands to more than 1000 patterns');
  });

  it.each(['*(a*)b.txt', '+(a|b).txt', 'x/@(a).txt', 'x/!(draft).txt', '?(a)b'])('refuses the extended glob %s', (glob) => {
    expect(checkGlobPattern(glob)?.message).toContain('extended glob');
  });

  it('refuses four `*` in one path part, allows three and any number of `**` parts', () => {
    expect(checkGlobPattern('*a*a*a*b.txt')?.message).toContain('has 4 `*` in one path part');
    expect(checkGlobPattern('**/*a*b*.txt')).toBeUndefined();
    expect(checkGlobPattern('**/x/**/y/**/*.txt')).toBeUndefined();
  });

  it.each(['{national,shenzhen}/**', '{2019..2024}-*.pdf', 'report \\(1\\).pdf', '**/*.{pdf,txt}'])('accepts %s', (glob) => {
    expect(checkGlobPattern(glob)).toBeUndefined();
  });

  it('in corpus.yaml the error is at the pattern: line:column, corpus/bad-pattern', () => {
    const yaml = ['include:', `  - "${'{a,b}'.repeat(40)}.txt"`, 'exclude: ["*(a*)b.txt"]', ''].join('\n');
    const { diagnostics } = parseCorpusYaml(yaml, 'corpus.yaml');
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['2:5 corpus/bad-pattern', '3:11 corpus/bad-pattern']);
    expect(diagnostics.every((d) => d.hint)).toBe(true);
  });
});
