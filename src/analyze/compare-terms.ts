import type { CodeCount, KeynessTerm, TermShift, TermTotals } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { chiSquareP } from './chi-square-p.ts';
import { logLikelihood, logRatio } from './test-change.ts';

export interface TermComparison {
  appeared: TermShift[];
  vanished: TermShift[];
  keyness: KeynessTerm[];
  /** The lengths of the three lists before `limit` was applied, and how many tested terms have G2 > 0. */
  termTotals: TermTotals;
}

/**
 * Term by term, a milestone against the previous one of its series (the reference corpus):
 * every (theme, code, term) counted in either. `appeared`: counted now, not before (most
 * frequent first); `vanished`: the reverse (most frequent before first); `keyness`: G2 of the
 * 2x2 table term vs other words, this vs previous, with p and log ratio, highest G2 first
 * (ties: codebook order of codes, then term). Each list keeps its first `limit` entries.
 */
export function compareTerms(
  current: readonly CodeCount[],
  currentWords: number,
  previous: readonly CodeCount[],
  previousWords: number,
  limit = Number.POSITIVE_INFINITY,
): TermComparison {
  const rows: Row[] = [];
  // The first count of each (theme, code) among the previous milestone's, as `find` would take it.
  const before = new Map<string, Map<string, CodeCount>>();
  for (const code of previous) {
    const codes = before.get(code.theme) ?? before.set(code.theme, new Map()).get(code.theme)!;
    if (!codes.has(code.code)) codes.set(code.code, code);
  }
  current.forEach((code, order) => {
    const counts = new Map<string, [number, number]>();
    for (const t of code.terms) if (t.count > 0) counts.set(t.term, [t.count, 0]);
    for (const t of before.get(code.theme)?.get(code.code)?.terms ?? []) {
      if (t.count <= 0) continue;
      const entry = counts.get(t.term);
      if (entry) entry[1] = t.count;
      else counts.set(t.term, [0, t.count]);
    }
    for (const [term, [count, previousCount]] of counts) {
      rows.push({ theme: code.theme, code: code.code, term, count, previousCount, order, g2: 0 });
    }
  });
  const byCodeThenTerm = (a: Row, b: Row) => a.order - b.order || compareCodeUnits(a.term, b.term);
  const strip = ({ theme, code, term, count, previousCount }: Row): TermShift => ({ theme, code, term, count, previousCount });
  const appeared = rows.filter((r) => r.previousCount === 0).sort((a, b) => b.count - a.count || byCodeThenTerm(a, b));
  const vanished = rows.filter((r) => r.count === 0).sort((a, b) => b.previousCount - a.previousCount || byCodeThenTerm(a, b));
  let keyness: KeynessTerm[] = [];
  let key = 0;
  if (currentWords > 0 && previousWords > 0) {
    for (const r of rows) {
      r.g2 = logLikelihood(r.count, currentWords, r.previousCount, previousWords);
      if (r.g2 > 0) key++;
    }
    // Only the listed terms get a p-value and a log ratio.
    keyness = rows
      .slice()
      .sort((a, b) => b.g2 - a.g2 || byCodeThenTerm(a, b))
      .slice(0, limit)
      .map(({ theme, code, term, count, previousCount, g2 }) => ({
        theme,
        code,
        term,
        count,
        previousCount,
        g2,
        p: chiSquareP(g2),
        logRatio: logRatio(count, currentWords, previousCount, previousWords),
      }));
  }
  const tested = currentWords > 0 && previousWords > 0 ? rows.length : 0;
  return {
    appeared: appeared.slice(0, limit).map(strip),
    vanished: vanished.slice(0, limit).map(strip),
    keyness,
    termTotals: { appeared: appeared.length, vanished: vanished.length, tested, key },
  };
}

interface Row extends TermShift {
  /** The code's place in the codebook (the first tie-break). */
  order: number;
  g2: number;
}
