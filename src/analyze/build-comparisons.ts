import type { CompareBy, CompareField, Comparisons, DocumentMeta, DocumentResult, GroupComparison } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { compareRates } from './compare-rates.ts';
import { compareRatesQuasi, type SideSums } from './compare-rates-quasi.ts';

/** Per group (or all valued documents): documents, words, and per measure the mentions and sum of mentions^2 / words. */
interface GroupSums {
  documents: number;
  /** Documents with words: the units of the quasi-Poisson fit. */
  withWords: number;
  words: number;
  counts: Float64Array;
  squaresOverWords: Float64Array;
}

/**
 * Each group of documents sharing a value of `field` against all other documents that have a
 * value, per theme and code: the group's mentions and words against the rest's. The exact test
 * on pooled counts (`compareRates`) treats every word as independent; the quasi-Poisson test on
 * document counts (`compareRatesQuasi`) allows for documents varying more than that, and decides
 * whenever it can be computed. A one-document group also gets its document's rank by rate.
 */
export function buildComparisons(results: readonly DocumentResult[], themeOrder: readonly string[], compareBy: CompareBy): Comparisons {
  const valued = results.flatMap((result) => {
    const value = fieldValue(result.meta, compareBy.field);
    return value === undefined ? [] : [{ result, value }];
  });
  const codes = results[0]?.codes ?? [];
  const measures = [...themeOrder.map((theme) => ({ theme, code: null as string | null })), ...codes.map((c) => ({ theme: c.theme, code: c.code }))];
  const groups = new Map<string, GroupSums>();
  const total = emptySums(measures.length);
  const documentCounts = (result: DocumentResult): Float64Array => {
    // The counts of the themes (theme order) then of the codes (codebook order).
    const counts = new Float64Array(measures.length);
    for (const [index, code] of result.codes.entries()) {
      const theme = themeOrder.indexOf(code.theme);
      if (theme >= 0) counts[theme]! += code.count;
      counts[themeOrder.length + index]! += code.count;
    }
    return counts;
  };
  for (const { result, value } of valued) {
    let group = groups.get(value);
    if (!group) {
      group = emptySums(measures.length);
      groups.set(value, group);
    }
    const counts = documentCounts(result);
    for (const sum of [group, total]) addDocument(sum, result.words, counts);
  }
  const values = [...groups.keys()].sort(compareCodeUnits);
  const compared = values.length >= 2 ? (compareBy.value === undefined ? values : values.filter((value) => value === compareBy.value)) : [];
  const ranks = compared.some((value) => groups.get(value)!.documents === 1)
    ? rankTable(
        valued.map(({ result }) => ({ words: result.words, counts: documentCounts(result) })),
        measures.length,
      )
    : undefined;
  const rows: GroupComparison[] = [];
  for (const value of compared) {
    const group = groups.get(value)!;
    for (const [i, { theme, code }] of measures.entries()) {
      const a = group.counts[i]!;
      const b = total.counts[i]! - a;
      const restWords = total.words - group.words;
      const exact = compareRates(a, group.words, b, restWords);
      const quasi = compareRatesQuasi(sideOf(group, i), {
        documents: total.withWords - group.withWords,
        count: b,
        words: restWords,
        squaresOverWords: total.squaresOverWords[i]! - group.squaresOverWords[i]!,
      });
      const decides = quasi.p !== null;
      const rank = ranks && group.documents === 1 && group.withWords === 1 ? ranks.rankOf(i, a / group.words) : undefined;
      rows.push({
        field: compareBy.field,
        group: value,
        theme,
        code,
        documents: group.documents,
        count: a,
        words: group.words,
        restDocuments: total.documents - group.documents,
        restCount: b,
        restWords,
        rateRatio: exact.rateRatio,
        low: decides ? quasi.low : exact.low,
        high: decides ? quasi.high : exact.high,
        p: decides ? quasi.p : exact.p,
        test: decides ? 'quasi-poisson' : exact.p === null ? null : 'exact-poisson',
        exactLow: exact.low,
        exactHigh: exact.high,
        exactP: exact.p,
        dispersion: quasi.dispersion,
        df: quasi.df,
        ...(quasi.reason === undefined ? {} : { reason: quasi.reason }),
        ...(rank === undefined ? {} : { rank, rankOf: ranks!.documents }),
      });
    }
  }
  return { compareBy, rows, leftOut: results.length - valued.length, groups: values.length };
}

function emptySums(measures: number): GroupSums {
  return { documents: 0, withWords: 0, words: 0, counts: new Float64Array(measures), squaresOverWords: new Float64Array(measures) };
}

function addDocument(sum: GroupSums, words: number, counts: Float64Array): void {
  sum.documents++;
  sum.words += words;
  if (!(words > 0)) return;
  sum.withWords++;
  for (let i = 0; i < counts.length; i++) {
    sum.counts[i]! += counts[i]!;
    sum.squaresOverWords[i]! += (counts[i]! * counts[i]!) / words;
  }
}

function sideOf(sums: GroupSums, measure: number): SideSums {
  return { documents: sums.withWords, count: sums.counts[measure]!, words: sums.words, squaresOverWords: sums.squaresOverWords[measure]! };
}

/**
 * Per measure, the rates of the documents with words sorted from the highest: a rate's rank is 1 +
 * the number of documents with a higher rate (found by bisection), so ties share the best rank.
 */
function rankTable(documents: ReadonlyArray<{ words: number; counts: Float64Array }>, measures: number) {
  const withWords = documents.filter((d) => d.words > 0);
  const sorted = Array.from({ length: measures }, (_, i) =>
    Float64Array.from(withWords, (d) => d.counts[i]! / d.words)
      .sort()
      .reverse(),
  );
  return {
    documents: withWords.length,
    rankOf(measure: number, rate: number): number {
      const rates = sorted[measure]!;
      let lo = 0;
      let hi = rates.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rates[mid]! > rate) lo = mid + 1;
        else hi = mid;
      }
      return lo + 1;
    },
  };
}

/** The field's value as text; undefined when the document has none (or a blank one). */
export function fieldValue(meta: DocumentMeta, field: CompareField): string | undefined {
  const value = meta[field];
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}
