import type { CaseVariantCount, Match } from '../types.ts';
import type { CodeRef } from '../match/compile-codebook.ts';
import { foldFullWidth } from '../text/fold-text.ts';

/**
 * True for a value whose letter case looks meant (`US`, `AI`, `IoT`, `5G`): some word of it has a
 * capital after its first character. A capital only at the start (`Beijing`) is how any word may be
 * written at the start of a sentence, so it says nothing.
 */
export function looksCaseSensitive(value: string): boolean {
  for (const word of value.split(/\s+/)) {
    const letters = word.replace(/[*?]/g, '');
    for (let i = 1; i < letters.length; i++) {
      const char = letters[i]!;
      if (char !== char.toLowerCase() && char === char.toUpperCase()) return true;
    }
  }
  return false;
}

const watchedTerms = new WeakMap<readonly CodeRef[], Array<boolean[]>>();

/** Per code, which terms to watch: case-insensitive words, globs and phrases that look case-sensitive. */
function watchedOf(codes: readonly CodeRef[]): Array<boolean[]> {
  let watched = watchedTerms.get(codes);
  if (!watched) {
    watched = codes.map((code) =>
      code.terms.map((term) => !term.caseSensitive && (term.kind === 'glob' || term.kind === 'exact') && looksCaseSensitive(term.value)),
    );
    watchedTerms.set(codes, watched);
  }
  return watched;
}

/**
 * For each watched term that matched, how many of its matches are written as the term is (`US`)
 * and how many in another case (`us`), with the first such text as an example. Terms that look
 * case-sensitive but are matched case-insensitively are how the pronoun "us" came to count as the
 * United States. Codebook order, then term order; O(matches).
 */
export function countCaseVariants(matches: readonly Match[], codes: readonly CodeRef[], text: string): CaseVariantCount[] {
  const watched = watchedOf(codes);
  const tallies = new Map<string, CaseVariantCount>();
  for (const match of matches) {
    if (!watched[match.codeIndex]![match.termIndex]) continue;
    const code = codes[match.codeIndex]!;
    const term = code.terms[match.termIndex]!;
    const key = `${match.codeIndex}\u0000${term.value}`;
    let tally = tallies.get(key);
    if (!tally) {
      tally = { theme: code.theme, code: code.code, term: term.value, asWritten: 0, otherCase: 0 };
      tallies.set(key, tally);
    }
    const matched = foldFullWidth(text.slice(match.start, match.end)).replace(/\s+/g, ' ');
    if (isWrittenAs(matched, term.value)) tally.asWritten++;
    else {
      tally.otherCase++;
      tally.example ??= matched;
    }
  }
  return [...tallies.values()];
}

/** The matched text has the term's case: equal to it, or for a glob, starting with its literal prefix. */
function isWrittenAs(matched: string, value: string): boolean {
  const wildcard = value.search(/[*?]/);
  if (wildcard < 0) return matched === value.replace(/\s+/g, ' ');
  return matched.startsWith(value.slice(0, wildcard));
}
