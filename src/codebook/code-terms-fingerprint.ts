import { createHash } from 'node:crypto';
import type { Code, Term } from '../types.ts';

/**
 * The first 16 hex digits of the SHA-256 of what decides a code's counts: its terms and its
 * context rules (value, kind, case, boundary; except, negation, near), each list sorted, so
 * that reordering terms, moving them between language groups, rewording notes or changing
 * weights keeps the fingerprint, and any change to what is matched changes it. A code's
 * `validation:` records it as `terms_sha256` to tell whether its figures still describe it.
 */
export function codeTermsFingerprint(code: Pick<Code, 'terms' | 'rules'>): string {
  const { except, negation, near } = code.rules ?? {};
  const canonical = {
    terms: sortedTerms(code.terms),
    except: sortedTerms(except ?? []),
    negation: negation ? { window: negation.window, cues: sortedTerms(negation.cues) } : null,
    near: near ? { window: near.window ?? null, within: near.within ?? null, terms: sortedTerms(near.terms) } : null,
  };
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex').slice(0, 16);
}

function sortedTerms(terms: readonly Term[]): string[] {
  return terms.map((term) => JSON.stringify([term.value, term.kind, term.caseSensitive, term.boundary ?? null])).sort();
}
