import type { CooccurrenceRow, CooccurrenceTable, CooccurrenceUnit, DocumentResult, EvidencePlace, SeriesEvolution, TextUnitCounts } from '../types.ts';
import { evidencePlaces } from './evidence-rows.ts';

export const COOCCURRENCE_UNITS: readonly CooccurrenceUnit[] = ['paragraph', 'sentence'];

/**
 * Theme x theme co-occurrence within paragraphs and within sentences, from the evidence rows:
 * a unit "holds" a theme when at least one counted match of the theme lies in it. For every
 * series (in `evolution` order), its documents in milestone order, then the series total (sums of
 * `both`, `aUnits`, `bUnits` and `units` over its documents, `document: null`); each unit;
 * each pair of themes a < b in `themeOrder`.
 *
 *   jaccard = both / (aUnits + bUnits - both)        (null when neither theme occurs)
 *   obsExp  = both / (aUnits * bUnits / units)       (null when either theme is absent)
 *
 * obsExp compares the units holding both with the number expected if the themes fell into units
 * independently: 1 = as often as chance, above 1 = together more often than chance.
 * The counts are kept in one typed array per series (doubles: a series total may pass 2^31) and
 * the rows made when asked for.
 */
export function buildCooccurrence(results: readonly DocumentResult[], evolution: readonly SeriesEvolution[], themeOrder: readonly string[]): CooccurrenceTable {
  const layout = countLayout(themeOrder.length);
  const byId = new Map(results.map((result) => [result.meta.id, result]));
  const counted = new Map<string, SeriesCounts>();
  // Fewer than two themes: no pairs, no rows, no series.
  for (const { series, steps } of themeOrder.length < 2 ? [] : evolution) {
    // A milestone that pools a period counts its documents one by one.
    const documents = steps
      .flatMap((step) => step.members ?? [step.document.id])
      .map((id) => byId.get(id))
      .filter((result) => result !== undefined);
    const counts = new Float64Array((documents.length + 1) * layout.document);
    const totals = documents.length * layout.document;
    for (const [d, result] of documents.entries()) {
      const at = d * layout.document;
      // Counted where the document was analysed (the rows were at hand there), else from its evidence now.
      if (result.cooccurrence?.length === layout.document) counts.set(result.cooccurrence, at);
      else counts.set(countDocumentCooccurrence(result.units, evidencePlaces(result), themeOrder), at);
      for (let k = 0; k < layout.document; k++) counts[totals + k]! += counts[at + k]!;
    }
    const ids = documents.map((result) => result.meta.id);
    counted.set(series, { documents: ids, index: new Map(ids.map((id, d) => [id, d])), counts });
  }
  const rows = (series: string, document: string | null, only?: CooccurrenceUnit): CooccurrenceRow[] => {
    const own = counted.get(series);
    const d = own === undefined ? undefined : document === null ? own.documents.length : own.index.get(document);
    const found: CooccurrenceRow[] = [];
    if (own === undefined || d === undefined) return found;
    for (const [u, unit] of COOCCURRENCE_UNITS.entries()) {
      if (only === undefined || only === unit) pushRows(found, series, document, unit, own.counts, d * layout.document + u * layout.unit, themeOrder);
    }
    return found;
  };
  return {
    series: [...counted.keys()],
    documents: (series) => counted.get(series)?.documents ?? [],
    rows,
    *allRows() {
      for (const [series, { documents }] of counted) {
        for (const document of documents) yield* rows(series, document);
        yield* rows(series, null);
      }
    },
  };
}

/**
 * One document's counts in the layout `buildCooccurrence` keeps (per unit: units, then per theme
 * the units holding it, then per pair a < b the units holding both), from where its evidence rows
 * lie: `DocumentResult.cooccurrence`.
 */
export function countDocumentCooccurrence(
  units: TextUnitCounts | undefined,
  places: readonly Pick<EvidencePlace, 'theme' | 'sentence' | 'paragraph'>[],
  themeOrder: readonly string[],
): Float64Array {
  const counter = cooccurrenceCounter(themeOrder);
  for (const place of places) counter.add(place.theme, place.sentence, place.paragraph);
  return counter.counts(units);
}

/** `countDocumentCooccurrence` a row at a time, as the rows are made (three numbers kept per row, no object). */
export function cooccurrenceCounter(themeOrder: readonly string[]): {
  add(theme: string, sentence: number, paragraph: number): void;
  counts(units: TextUnitCounts | undefined): Float64Array;
} {
  const themeIndex = new Map(themeOrder.map((theme, index) => [theme, index]));
  const themes: number[] = [];
  const sentences: number[] = [];
  const paragraphs: number[] = [];
  return {
    add(theme, sentence, paragraph) {
      const index = themeIndex.get(theme);
      if (index === undefined) return;
      themes.push(index);
      sentences.push(sentence);
      paragraphs.push(paragraph);
    },
    counts(units) {
      const layout = countLayout(themeOrder.length);
      const counts = new Float64Array(layout.document);
      for (const [u, unit] of COOCCURRENCE_UNITS.entries()) {
        const at = u * layout.unit;
        counts[at] = (unit === 'paragraph' ? units?.paragraphs : units?.sentences) ?? 0;
        countUnits(themes, unit === 'paragraph' ? paragraphs : sentences, themeOrder.length, counts, at);
      }
      return counts;
    },
  };
}

interface SeriesCounts {
  /** Ids in milestone order; the totals come after the last. */
  documents: string[];
  index: Map<string, number>;
  /** Per document and then the totals: per unit, `units`, then per theme the units holding it, then per pair a < b the units holding both. */
  counts: Float64Array;
}

/** Sizes of one unit's counts and of one document's (both units). */
function countLayout(themes: number): { unit: number; document: number } {
  const unit = 1 + themes + (themes * (themes - 1)) / 2;
  return { unit, document: unit * COOCCURRENCE_UNITS.length };
}

/** Offset of pair (i, j), i < j, within a unit's counts, after `units` and the per-theme counts. */
function pairOffset(i: number, j: number, themes: number): number {
  // Pairs in row order: (0,1), (0,2), ..., (1,2), ...: pairs before row i, then j's place in it.
  return 1 + themes + i * themes - (i * (i + 1)) / 2 + (j - i - 1);
}

/** One document's counts for a unit, written at `at` after its number of units: the rows' themes grouped by unit number (`keys`). */
function countUnits(indexes: readonly number[], keys: readonly number[], themes: number, counts: Float64Array, at: number): void {
  // Rows come in text order, so the units are usually in order already.
  let sorted = true;
  for (let k = 1; k < keys.length && sorted; k++) if (keys[k]! < keys[k - 1]!) sorted = false;
  const order = keys.map((_, k) => k);
  if (!sorted) order.sort((a, b) => keys[a]! - keys[b]!);
  const present = new Uint8Array(themes);
  const inUnit: number[] = [];
  const flush = () => {
    inUnit.sort((a, b) => a - b);
    for (let k = 0; k < inUnit.length; k++) {
      const i = inUnit[k]!;
      present[i] = 0;
      counts[at + 1 + i]!++;
      for (let l = k + 1; l < inUnit.length; l++) counts[at + pairOffset(i, inUnit[l]!, themes)]!++;
    }
    inUnit.length = 0;
  };
  for (let k = 0; k < order.length; k++) {
    const row = order[k]!;
    if (k > 0 && keys[row] !== keys[order[k - 1]!]) flush();
    const index = indexes[row]!;
    if (present[index] === 0) {
      present[index] = 1;
      inUnit.push(index);
    }
  }
  flush();
}

function pushRows(
  rows: CooccurrenceRow[],
  series: string,
  document: string | null,
  unit: CooccurrenceUnit,
  counts: Float64Array,
  at: number,
  themeOrder: readonly string[],
): void {
  const themes = themeOrder.length;
  const units = counts[at]!;
  for (let i = 0; i < themes; i++) {
    for (let j = i + 1; j < themes; j++) {
      const both = counts[at + pairOffset(i, j, themes)]!;
      const aUnits = counts[at + 1 + i]!;
      const bUnits = counts[at + 1 + j]!;
      const union = aUnits + bUnits - both;
      rows.push({
        series,
        document,
        unit,
        themeA: themeOrder[i]!,
        themeB: themeOrder[j]!,
        both,
        aUnits,
        bUnits,
        units,
        jaccard: union > 0 ? both / union : null,
        obsExp: aUnits > 0 && bUnits > 0 && units > 0 ? (both * units) / (aUnits * bUnits) : null,
      });
    }
  }
}
