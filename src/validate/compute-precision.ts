import type { Judgement, Stratum } from './review-sheet.ts';
import { type Interval, wilsonInterval } from './wilson-interval.ts';

/** A judged (or not yet judged) sampled match, credited to the term the codebook credits it to now. */
export interface JudgedMatch {
  theme: string;
  code: string;
  term: string;
  judgement: Judgement | null;
  drawnFrom?: Stratum;
  population?: number;
}

export interface PrecisionCell {
  yes: number;
  no: number;
  unsure: number;
  unjudged: number;
  /** Counted matches in the corpus when the sample was drawn (when the sheet says). */
  population: number | null;
  /** yes / (yes + no); null with no yes/no judgement. `unsure` is left out of both. */
  precision: number | null;
  /** 95% Wilson score interval. */
  interval: Interval | null;
  /** `wilson`: a simple random sample of this code or term; `stratified`: a code drawn per term (see computePrecision). */
  method: 'wilson' | 'stratified';
  /** Stratified only: the share of the code's matches in terms with at least one yes/no judgement. */
  coverage?: number;
}

export interface CodePrecision extends PrecisionCell {
  theme: string;
  code: string;
  terms: Array<PrecisionCell & { term: string }>;
}

/**
 * Precision per code and per term from a judged sample. A term's rows are a simple random sample
 * of its matches either way, so its precision is yes / (yes + no) with a Wilson interval. A code
 * drawn per code likewise. A code drawn per term (`sample --per-term`: N from each term, whatever
 * its frequency) is a stratified sample: its precision is the mean of the terms' precisions
 * weighted by each term's share of the code's matches, p = sum w_h p_h, and its interval the Wilson
 * interval at the effective sample size n_eff = p(1 - p) / sum(w_h^2 p_h (1 - p_h) / n_h), at most
 * the number judged (Korn & Graubard 1998); terms without judgements are left out of the weights
 * (see `coverage`). Codes come in the order given, terms in the order of `terms`.
 */
export function computePrecision(
  codes: ReadonlyArray<{ theme: string; code: string; terms: readonly string[] }>,
  rows: readonly JudgedMatch[],
): CodePrecision[] {
  return codes.map(({ theme, code, terms }) => {
    const own = rows.filter((row) => row.theme === theme && row.code === code);
    const byTerm = terms.map((term) => ({ term, ...simpleCell(own.filter((row) => row.term === term)) })).filter((cell) => cellRows(cell) > 0);
    const perTerm = own.some((row) => row.drawnFrom === 'term');
    return { theme, code, ...(perTerm ? stratifiedCell(own, byTerm) : simpleCell(own)), terms: byTerm };
  });
}

function cellRows(cell: PrecisionCell): number {
  return cell.yes + cell.no + cell.unsure + cell.unjudged;
}

function tally(rows: readonly JudgedMatch[]): Pick<PrecisionCell, 'yes' | 'no' | 'unsure' | 'unjudged'> {
  const count = (judgement: Judgement | null) => rows.filter((row) => row.judgement === judgement).length;
  return { yes: count('yes'), no: count('no'), unsure: count('unsure'), unjudged: count(null) };
}

function simpleCell(rows: readonly JudgedMatch[]): PrecisionCell {
  const counts = tally(rows);
  const judged = counts.yes + counts.no;
  const precision = judged > 0 ? counts.yes / judged : null;
  const population = rows.find((row) => row.population !== undefined && row.drawnFrom === 'code')?.population ?? null;
  return { ...counts, population, precision, interval: precision === null ? null : wilsonInterval(precision, judged), method: 'wilson' };
}

function stratifiedCell(rows: readonly JudgedMatch[], terms: ReadonlyArray<PrecisionCell & { term: string }>): PrecisionCell {
  const counts = tally(rows);
  const strata = terms.map((cell) => ({
    size: rows.find((row) => row.term === cell.term && row.population !== undefined)?.population ?? 0,
    judged: cell.yes + cell.no,
    p: cell.precision,
  }));
  const population = strata.reduce((sum, stratum) => sum + stratum.size, 0);
  const covered = strata.filter((stratum) => stratum.judged > 0 && stratum.p !== null);
  const coveredSize = covered.reduce((sum, stratum) => sum + stratum.size, 0);
  const base = { ...counts, population, method: 'stratified' as const, coverage: population > 0 ? coveredSize / population : 0 };
  if (coveredSize === 0) return { ...base, precision: null, interval: null };
  let precision = 0;
  let variance = 0;
  for (const stratum of covered) {
    const weight = stratum.size / coveredSize;
    precision += weight * stratum.p!;
    variance += (weight * weight * stratum.p! * (1 - stratum.p!)) / stratum.judged;
  }
  const judged = covered.reduce((sum, stratum) => sum + stratum.judged, 0);
  const effective = variance > 0 ? Math.min(judged, (precision * (1 - precision)) / variance) : judged;
  return { ...base, precision, interval: wilsonInterval(precision, effective) };
}
