import type { ExcludedMatch, TokenizedText } from '../types.ts';
import type { CompiledCodebook } from '../match/compile-codebook.ts';
import { findMatchesWithRules } from '../match/find-matches.ts';

export type RuleName = ExcludedMatch['rule'];
export const RULE_NAMES: readonly RuleName[] = ['boundary', 'except', 'negation', 'near'];

/** What one code counted in one text (or summed over several): per term, and what each rule removed. */
export interface CodeTally {
  count: number;
  /** Counted matches credited to each term, by index into the code's `terms`. */
  terms: number[];
  /** Matches of each term that a context rule removed. */
  excludedTerms: number[];
  /** Removed matches by rule. */
  excluded: Record<RuleName, number>;
}

export function emptyTallies(compiled: CompiledCodebook): CodeTally[] {
  return compiled.codes.map((code) => ({
    count: 0,
    terms: new Array<number>(code.terms.length).fill(0),
    excludedTerms: new Array<number>(code.terms.length).fill(0),
    excluded: { boundary: 0, except: 0, negation: 0, near: 0 },
  }));
}

/** Matches the text with the codebook (context rules applied) and tallies them per code, in the compiled code order. */
export function tallyMatches(tokenized: TokenizedText, compiled: CompiledCodebook): CodeTally[] {
  const tallies = emptyTallies(compiled);
  const { matches, excluded } = findMatchesWithRules(tokenized, compiled);
  for (const match of matches) {
    const tally = tallies[match.codeIndex]!;
    tally.count++;
    tally.terms[match.termIndex]!++;
  }
  for (const match of excluded) {
    const tally = tallies[match.codeIndex]!;
    tally.excludedTerms[match.termIndex]!++;
    tally.excluded[match.rule]++;
  }
  return tallies;
}

/** Adds `more` into `into` (same codebook). */
export function addTallies(into: CodeTally[], more: readonly CodeTally[]): void {
  more.forEach((tally, index) => {
    const target = into[index]!;
    target.count += tally.count;
    for (const [k, n] of tally.terms.entries()) target.terms[k]! += n;
    for (const [k, n] of tally.excludedTerms.entries()) target.excludedTerms[k]! += n;
    for (const rule of RULE_NAMES) target.excluded[rule] += tally.excluded[rule];
  });
}
