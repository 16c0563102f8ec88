import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCodebook, type TermIndex } from '../../../src/match/compile-codebook.ts';
import type { CompiledTerm } from '../../../src/match/compile-term.ts';
import { candidatesFor, findMatchesWithRules, matchLength, scanTerms } from '../../../src/match/find-matches.ts';
import { tokenize, tokensOf } from '../../../src/text/tokenize.ts';
import type { Match, TermKind, TokenizedText } from '../../../src/types.ts';
import { makeCodebook } from '../../support/make-codebook.ts';

/** The scan as first written (the best term of each code kept in a Map, codes sorted afterwards): the oracle. */
function scanAsFirstWritten(tokenized: TokenizedText, index: TermIndex): Match[] {
  const tokens = tokensOf(tokenized);
  const consumedUntil = new Int32Array(index.codes.length);
  const matches: Match[] = [];
  const bestByCode = new Map<number, { term: CompiledTerm; length: number }>();
  for (let i = 0; i < tokens.length; i++) {
    bestByCode.clear();
    for (const term of candidatesFor(tokens[i]!.norm, index)) {
      if (consumedUntil[term.codeIndex]! > i) continue;
      const length = matchLength(term, tokenized, i, index);
      if (length === 0) continue;
      const best = bestByCode.get(term.codeIndex);
      const beats =
        !best || (length !== best.length ? length > best.length : term.literal !== best.term.literal ? term.literal : term.termIndex < best.term.termIndex);
      if (beats) bestByCode.set(term.codeIndex, { term, length });
    }
    for (const codeIndex of [...bestByCode.keys()].sort((a, b) => a - b)) {
      const { term, length } = bestByCode.get(codeIndex)!;
      consumedUntil[codeIndex] = i + length;
      matches.push({ codeIndex, termIndex: term.termIndex, start: tokens[i]!.start, end: tokens[i + length - 1]!.end, firstToken: i, endToken: i + length });
    }
  }
  return matches;
}

const word = fc.constantFrom('data', 'big', 'Data', 'city', 'cities', 'smart', 'running', 'runs', '大', '数据', 'e-gov');
const kind = fc.constantFrom<TermKind>('glob', 'glob', 'exact', 'stem', 'lemma');
const value = fc.oneof(
  word,
  fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  word.map((w) => `${w.slice(0, 2)}*`),
  fc.constant('*a'),
);
const term = fc
  .record({ value, kind, caseSensitive: fc.boolean() })
  .map((t) => (t.kind === 'glob' || t.kind === 'exact' ? t : { ...t, value: t.value.replace('*', '') }));
const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '', '\n', '. ')), { maxLength: 40 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('scanTerms', () => {
  it('finds what the scan as first written found, codes sharing terms and overlapping phrases included', () => {
    fc.assert(
      fc.property(fc.array(fc.array(term, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), text, (codes, sample) => {
        const codebook = makeCodebook({ theme: Object.fromEntries(codes.map((terms, k) => [`c${k}`, terms])) });
        const { compiled } = compileCodebook(codebook);
        const tokenized = tokenize(sample);
        expect(scanTerms(tokenized, compiled)).toEqual(scanAsFirstWritten(tokenized, compiled));
        expect(findMatchesWithRules(tokenized, compiled).matches).toEqual(scanAsFirstWritten(tokenized, compiled));
      }),
      { numRuns: 1000 },
    );
    // About 5 s on a quiet machine; more time when other work shares the cores.
  }, 180_000);
});
