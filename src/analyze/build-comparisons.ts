import type { CompareBy, CompareField, Comparisons, DocumentMeta, DocumentResult, GroupComparison } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { compareRates } from './compare-rates.ts';

/**
 * Each group of documents sharing a value of `field` against all other documents that have a
 * value, per theme and code: the group's mentions and words against the rest's, compared with
 * `compareRates` (rate ratio group / rest, exact interval and conditional binomial test).
 */
export function buildComparisons(results: readonly DocumentResult[], themeOrder: readonly string[], compareBy: CompareBy): Comparisons {
  const valued = results.flatMap((result) => {
    const value = fieldValue(result.meta, compareBy.field);
    return value === undefined ? [] : [{ result, value }];
  });
  const codes = results[0]?.codes ?? [];
  const measures = [...themeOrder.map((theme) => ({ theme, code: null as string | null })), ...codes.map((c) => ({ theme: c.theme, code: c.code }))];
  // Per value: documents, words, and the counts of the themes (theme order) then of the codes (codebook order).
  const groups = new Map<string, { documents: number; words: number; counts: Float64Array }>();
  const total = { documents: 0, words: 0, counts: new Float64Array(measures.length) };
  for (const { result, value } of valued) {
    let group = groups.get(value);
    if (!group) {
      group = { documents: 0, words: 0, counts: new Float64Array(measures.length) };
      groups.set(value, group);
    }
    for (const sum of [group, total]) {
      sum.documents++;
      sum.words += result.words;
      for (const [index, code] of result.codes.entries()) {
        const theme = themeOrder.indexOf(code.theme);
        if (theme >= 0) sum.counts[theme]! += code.count;
        sum.counts[themeOrder.length + index]! += code.count;
      }
    }
  }
  const values = [...groups.keys()].sort(compareCodeUnits);
  const compared = compareBy.value === undefined ? values : values.filter((value) => value === compareBy.value);
  const rows: GroupComparison[] = [];
  for (const value of values.length >= 2 ? compared : []) {
    const group = groups.get(value)!;
    for (const [i, { theme, code }] of measures.entries()) {
      const a = group.counts[i]!;
      const b = total.counts[i]! - a;
      const restWords = total.words - group.words;
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
        ...compareRates(a, group.words, b, restWords),
      });
    }
  }
  return { compareBy, rows, leftOut: results.length - valued.length, groups: values.length };
}

/** The field's value as text; undefined when the document has none (or a blank one). */
export function fieldValue(meta: DocumentMeta, field: CompareField): string | undefined {
  const value = meta[field];
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}
