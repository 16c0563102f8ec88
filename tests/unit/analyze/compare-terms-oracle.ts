// The comparison as first written: the oracle for the faster compareTerms (same rows, same order, same keys).
import type { CodeCount, KeynessTerm, TermShift } from '../../../src/types.ts';
import { compareCodeUnits } from '../../../src/text/compare-code-units.ts';
import { chiSquareP } from '../../../src/analyze/chi-square-p.ts';
import { logLikelihood, logRatio } from '../../../src/analyze/test-change.ts';

/**
 * Term by term, a milestone against the previous one of its series (the reference corpus):
 * every (theme, code, term) counted in either. `appeared`: counted now, not before (most
 * frequent first); `vanished`: the reverse (most frequent before first); `keyness`: G2 of the
 * 2x2 table term vs other words, this vs previous, with p and log ratio, highest G2 first
 * (ties: codebook order of codes, then term).
 */
export function compareTermsAsFirstWritten(
  current: readonly CodeCount[],
  currentWords: number,
  previous: readonly CodeCount[],
  previousWords: number,
): { appeared: TermShift[]; vanished: TermShift[]; keyness: KeynessTerm[] } {
  const rows: Array<TermShift & { order: number }> = [];
  current.forEach((code, order) => {
    const before = previous.find((p) => p.theme === code.theme && p.code === code.code);
    const counts = new Map<string, [number, number]>();
    for (const t of code.terms) if (t.count > 0) counts.set(t.term, [t.count, 0]);
    for (const t of before?.terms ?? []) {
      if (t.count <= 0) continue;
      const entry = counts.get(t.term);
      if (entry) entry[1] = t.count;
      else counts.set(t.term, [0, t.count]);
    }
    for (const [term, [count, previousCount]] of counts) {
      rows.push({ theme: code.theme, code: code.code, term, count, previousCount, order });
    }
  });
  const byCodeThenTerm = (a: { order: number; term: string }, b: { order: number; term: string }) => a.order - b.order || compareCodeUnits(a.term, b.term);
  const strip = ({ theme, code, term, count, previousCount }: TermShift): TermShift => ({ theme, code, term, count, previousCount });
  const appeared = rows.filter((r) => r.previousCount === 0).sort((a, b) => b.count - a.count || byCodeThenTerm(a, b));
  const vanished = rows.filter((r) => r.count === 0).sort((a, b) => b.previousCount - a.previousCount || byCodeThenTerm(a, b));
  const keyness =
    currentWords > 0 && previousWords > 0
      ? rows
          .map((r) => {
            const g2 = logLikelihood(r.count, currentWords, r.previousCount, previousWords);
            return { ...r, g2, p: chiSquareP(g2), logRatio: logRatio(r.count, currentWords, r.previousCount, previousWords) };
          })
          .sort((a, b) => b.g2 - a.g2 || byCodeThenTerm(a, b))
          .map(({ order: _order, ...rest }) => rest)
      : [];
  return { appeared: appeared.map(strip), vanished: vanished.map(strip), keyness };
}
