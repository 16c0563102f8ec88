import type { TermCount } from '../types.ts';

/** `term (n); term (n)`, in the order given; empty when there are none. */
export function formatTerms(terms: readonly TermCount[]): string {
  return terms.map(({ term, count }) => `${term} (${count})`).join('; ');
}
