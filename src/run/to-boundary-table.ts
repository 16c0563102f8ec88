import type { TermBoundaries } from './check-word-boundaries.ts';
import { toTextTable } from './to-text-table.ts';

/** `lint --corpus`: per CJK term, its matches that straddle a segmenter word and the most frequent words around them. */
export function toBoundaryTable(terms: readonly TermBoundaries[], topContexts: number, icu: string): string {
  const title = `Chinese terms read across a word boundary (ICU ${icu} word segmentation, a diagnostic: counts ignore it unless a term has \`boundary: word\`):`;
  if (terms.length === 0) return `${title}\nnone: every match of a Chinese term starts and ends at a word boundary.`;
  const rows = terms.map((term) => [
    `${term.theme}/${term.code}`,
    term.checked ? `${term.term} (boundary: word)` : term.term,
    String(term.matches),
    String(term.across),
    String(term.inside),
    term.contexts
      .slice(0, topContexts)
      .map((context) => `${context.words} (${context.count})`)
      .join(', '),
  ]);
  const table = toTextTable(['code', 'term', 'matches', 'across', 'inside', 'most frequent words around'], rows, [false, false, true, true, true, false]);
  return `${title}\n${table}\n(across: the match spans parts of two words; inside: it lies within one longer word. \`boundary: word\` would remove both.)`;
}
