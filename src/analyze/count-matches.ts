import type { CodeCount, Match, TermCount } from '../types.ts';
import type { CodeRef } from '../match/compile-codebook.ts';

/** Turns one document's matches into per-code counts (codebook order, zeros included) with their terms. */
export function countMatches(matches: readonly Match[], codes: readonly CodeRef[]): CodeCount[] {
  const termCounts = codes.map((code) => new Array<number>(code.terms.length).fill(0));
  for (const match of matches) termCounts[match.codeIndex]![match.termIndex]!++;
  return codes.map((code, codeIndex) => {
    const counts = termCounts[codeIndex]!;
    return {
      theme: code.theme,
      code: code.code,
      count: counts.reduce((sum, n) => sum + n, 0),
      terms: toTermCounts(code, counts),
    };
  });
}

/** Terms with a non-zero count, most frequent first, ties by term; a value listed twice is merged. */
function toTermCounts(code: CodeRef, counts: number[]): TermCount[] {
  const byValue = new Map<string, number>();
  code.terms.forEach((term, termIndex) => {
    const count = counts[termIndex]!;
    if (count > 0) byValue.set(term.value, (byValue.get(term.value) ?? 0) + count);
  });
  return [...byValue]
    .map(([term, count]) => ({ term, count }))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}
