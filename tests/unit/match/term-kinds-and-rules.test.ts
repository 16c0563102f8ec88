import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../../../src/match/compile-codebook.ts';
import { findMatchesWithRules } from '../../../src/match/find-matches.ts';
import { tokenize } from '../../../src/text/tokenize.ts';
import type { Codebook, CodeRules, Term, TermKind } from '../../../src/types.ts';

function term(value: string, kind: TermKind = 'glob', caseSensitive = false): Term {
  return { value, kind, caseSensitive };
}

function codebookOf(terms: Term[], rules?: CodeRules): Codebook {
  return {
    name: 't',
    format: 'native',
    path: 't.yaml',
    sha256: '',
    themes: [{ id: 'theme', label: 'theme', codes: [{ id: 'code', label: 'code', terms, ...(rules ? { rules } : {}) }] }],
  };
}

function run(text: string, terms: Term[], rules?: CodeRules) {
  const { compiled } = compileCodebook(codebookOf(terms, rules));
  const { matches, excluded } = findMatchesWithRules(tokenize(text), compiled);
  return {
    counted: matches.map((m) => text.slice(m.start, m.end)),
    excluded: excluded.map((m) => [text.slice(m.start, m.end), m.rule, m.reason]),
  };
}

describe('term kinds', () => {
  it.each<[string, string, Term[], string[]]>([
    [
      'regex is searched inside each token (quanteda regex)',
      'government e-gov governance GOV',
      [term('gov', 'regex')],
      ['government', 'e-gov', 'governance', 'GOV'],
    ],
    ['regex anchors are honoured', 'digital digitise undigital', [term('^digit', 'regex')], ['digital', 'digitise']],
    [
      'a regex phrase is one pattern per word',
      'smart city and smart cities, smart citizens',
      [term('smart ^cit(y|ies)$', 'regex')],
      ['smart city', 'smart cities'],
    ],
    ['a case-sensitive regex', 'AI and ai and Ai', [term('^AI$', 'regex', true)], ['AI']],
    [
      'stem: one entry covers participate, participation, participatory',
      'participation, participatory budgeting, participants, participating, partake',
      [term('participate', 'stem')],
      ['participation', 'participatory', 'participants', 'participating'],
    ],
    [
      'stem phrases stem each word',
      'sustainable developments and sustainability development',
      [term('sustainable development', 'stem')],
      ['sustainable developments', 'sustainability development'],
    ],
    ['lemma: nouns to the singular', 'cities, City and citizens', [term('city', 'lemma')], ['cities', 'City']],
    ['lemma: verbs to the infinitive', 'governed, governing and governance', [term('govern', 'lemma')], ['governed', 'governing']],
    ['stems do not apply to CJK characters', '参与和参与者', [term('参与', 'stem')], ['参与', '参与']],
  ])('%s', (_name, text, terms, expected) => {
    expect(run(text, terms).counted).toEqual(expected);
  });

  it("a regex that backtracks exponentially in JavaScript, (a+)+$, takes linear time on a word of 40 a's and a b (it hung)", () => {
    const word = `${'a'.repeat(40)}b`;
    expect(run(`${word} aaaa ${word.repeat(1000)}`, [term('(a+)+$', 'regex')]).counted).toEqual(['aaaa']);
  });

  it('regex terms keep JavaScript spellings RE2 writes otherwise: \\u00e9, \\p{Script=Han}, named groups', () => {
    expect(run('café 数据 x', [term('^caf\\u00e9$', 'regex')]).counted).toEqual(['café']);
    expect(run('café 数据 x', [term('^\\p{Script=Han}$', 'regex')]).counted).toEqual(['数', '据']);
    expect(run('café 数据 x', [term('^(?<letter>x)$', 'regex')]).counted).toEqual(['x']);
  });

  it('an invalid regular expression is reported with its position, not thrown', () => {
    const bad: Term = { ...term('(unclosed', 'regex'), position: { line: 7, column: 11 } };
    const { diagnostics } = compileCodebook(codebookOf([bad]));
    expect(diagnostics).toMatchObject([{ rule: 'codebook/unmatchable-term', line: 7, column: 11 }]);
  });
});

describe('context rules', () => {
  it('except: a match overlapping an exception is not counted but kept', () => {
    const result = run('smart city, smartphones and smart cards', [term('smart*')], { except: [term('smartphone*'), term('smart card*')] });
    expect(result.counted).toEqual(['smart']);
    expect(result.excluded).toEqual([
      ['smartphones', 'except', 'inside the exception "smartphones"'],
      ['smart', 'except', 'inside the exception "smart cards"'],
    ]);
  });

  it('negation: a cue at most N tokens before, in the same sentence', () => {
    const cues = [term('lack of'), term('no'), term('without')];
    const text = 'There is a lack of genuine public participation. Public participation grew. No participation. Without doubt. Participation rose.';
    const result = run(text, [term('participation'), term('public participation')], { negation: { window: 3, cues } });
    expect(result.counted).toEqual(['Public participation', 'Participation']);
    expect(result.excluded).toEqual([
      ['public participation', 'negation', 'after the negation cue "lack of"'],
      ['participation', 'negation', 'after the negation cue "No"'],
    ]);
  });

  it('negation: the window counts the tokens between cue and term', () => {
    const rules: CodeRules = { negation: { window: 1, cues: [term('no')] } };
    expect(run('no real participation', [term('participation')], rules).counted).toEqual([]);
    expect(run('no real and full participation', [term('participation')], rules).counted).toEqual(['participation']);
  });

  it('negation in Chinese: cues are character sequences too', () => {
    const result = run('缺乏公众参与。加强公众参与', [term('公众参与')], { negation: { window: 2, cues: [term('缺乏')] } });
    expect(result.counted).toEqual(['公众参与']);
    expect(result.excluded.map((row) => row[1])).toEqual(['negation']);
  });

  const nearText = 'Technology for green growth. Many words come here first, then technology.';
  it('near within N tokens of another term', () => {
    const result = run(nearText, [term('technology')], { near: { terms: [term('green'), term('sustainab*')], window: 3 } });
    expect(result.counted).toEqual(['Technology']);
    expect(result.excluded).toEqual([['technology', 'near', 'no near-term within 3 tokens']]);
  });

  it('near in the same sentence or paragraph', () => {
    expect(run(nearText, [term('technology')], { near: { terms: [term('green')], within: 'sentence' } }).counted).toEqual(['Technology']);
    expect(run(nearText, [term('technology')], { near: { terms: [term('green')], within: 'paragraph' } }).counted).toEqual(['Technology', 'technology']);
    expect(run(`${nearText}\n\nTechnology again.`, [term('technology')], { near: { terms: [term('green')], within: 'paragraph' } }).counted).toEqual([
      'Technology',
      'technology',
    ]);
  });
});
