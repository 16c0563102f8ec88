import type { CodeCount, DocumentMeta, DocumentResult, Period, TermCount } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';

export const PERIODS: readonly Period[] = ['year', 'quarter', 'month', 'document'];

/**
 * A series with more documents than this is compared by year unless the run says otherwise
 * (`--period`): a reviewer reads a few dozen milestones, not thousands.
 */
export const PERIOD_MIN_DOCUMENTS = 50;

/** The milestone label of documents with neither a date nor a year (they come last). */
export const UNDATED_PERIOD = 'undated';

/** The period a series is compared by: the one asked for, else year for a series of more than PERIOD_MIN_DOCUMENTS documents. */
export function periodFor(documents: number, asked?: Period): Period {
  return asked ?? (documents > PERIOD_MIN_DOCUMENTS ? 'year' : 'document');
}

/**
 * The label of a document's period: `2015`, `2015-Q2` or `2015-03`. A document dated only by its
 * year falls in the year's own period (`2015`, before `2015-Q1`); one without a date or year is `undated`.
 */
export function periodLabel(meta: DocumentMeta, period: Exclude<Period, 'document'>): string {
  const date = meta.date?.trim() ?? '';
  const year = /^\d{4}/.test(date) ? date.slice(0, 4) : meta.year !== undefined && Number.isFinite(meta.year) ? String(meta.year).padStart(4, '0') : undefined;
  if (year === undefined) return UNDATED_PERIOD;
  const month = /^\d{4}-(\d{2})/.exec(date)?.[1];
  if (period === 'year' || month === undefined) return year;
  return period === 'month' ? `${year}-${month}` : `${year}-Q${Math.ceil(Number(month) / 3)}`;
}

/**
 * The documents of one series (in milestone order) pooled by period, in the same order: each
 * period's counts, terms, words, pages and text units are the sums over its documents, and its
 * meta names the period (id and date = the label, title = how many documents it pools). Codes
 * keep the documents' (codebook) order; terms are most frequent first, ties by term.
 */
export function poolPeriods(
  members: readonly DocumentResult[],
  period: Exclude<Period, 'document'>,
): Array<{ pooled: DocumentResult; documents: DocumentResult[] }> {
  return [...groupPeriods(members, period)].map(([label, documents]) => ({ pooled: pool(label, documents), documents }));
}

/** The documents by period label, in the order the periods first occur. */
export function groupPeriods(members: readonly DocumentResult[], period: Exclude<Period, 'document'>): Map<string, DocumentResult[]> {
  const groups = new Map<string, DocumentResult[]>();
  for (const result of members) {
    const label = periodLabel(result.meta, period);
    const group = groups.get(label);
    if (group) group.push(result);
    else groups.set(label, [result]);
  }
  return groups;
}

function pool(label: string, documents: readonly DocumentResult[]): DocumentResult {
  const first = documents[0]!;
  const meta: DocumentMeta = { id: label, title: `${documents.length} ${documents.length === 1 ? 'document' : 'documents'}` };
  if (label !== UNDATED_PERIOD) {
    meta.year = Number(label.slice(0, 4));
    if (label.length > 4) meta.date = label;
  }
  if (first.meta.series !== undefined) meta.series = first.meta.series;
  let words = 0;
  let cjkCharacters = 0;
  let pages = 0;
  let sentences = 0;
  let paragraphs = 0;
  for (const result of documents) {
    words += result.words;
    cjkCharacters += result.cjkCharacters;
    pages += result.pages;
    sentences += result.units?.sentences ?? 0;
    paragraphs += result.units?.paragraphs ?? 0;
  }
  return {
    meta,
    source: first.source,
    words,
    cjkCharacters,
    pages,
    codes: poolCodes(documents),
    units: { sentences, paragraphs },
  };
}

function poolCodes(documents: readonly DocumentResult[]): CodeCount[] {
  return documents[0]!.codes.map((code, index) => {
    let count = 0;
    const terms = new Map<string, number>();
    for (const result of documents) {
      const own = result.codes[index]!;
      count += own.count;
      for (const term of own.terms) terms.set(term.term, (terms.get(term.term) ?? 0) + term.count);
    }
    return { theme: code.theme, code: code.code, count, terms: sortTerms(terms) };
  });
}

function sortTerms(terms: Map<string, number>): TermCount[] {
  return [...terms].map(([term, count]) => ({ term, count })).sort((a, b) => b.count - a.count || compareCodeUnits(a.term, b.term));
}
