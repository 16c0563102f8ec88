import { NO_SERIES, type DocumentResult, type EvidenceRow, type ReportModel } from '../../types.ts';
import { compareCodeUnits } from '../../text/compare-code-units.ts';
import { evidencePlaces, evidenceRows, evidenceRowsAt } from '../evidence-rows.ts';

/** The periods' stand-in results made by `toPeriodView`. */
const periodResults = new WeakSet<DocumentResult>();

/** Whether `result` stands for a period (its evidence rows name their own documents). */
export function isPeriodResult(result: DocumentResult): boolean {
  return periodResults.has(result);
}

/** Evidence rows embedded per period x code (from its documents in order, a few from each); all are in evidence.csv. */
export const PERIOD_EVIDENCE_CAP = 10;

/** Documents listed per theme at each end (highest and lowest rates) when a series is read by period. */
export const EXTREME_DOCUMENTS = 5;

/** A theme's documents with the highest and the lowest rates, among those of the series read by period. */
export interface ThemeExtremes {
  theme: string;
  highest: DocumentRate[];
  lowest: DocumentRate[];
}

export interface DocumentRate {
  result: DocumentResult;
  count: number;
  per1000: number;
}

/**
 * report.html for a corpus of any size: the documents of a series read by period (`--period`, or
 * year for a big series) are shown as their periods, each a milestone whose evidence is a sample of
 * PERIOD_EVIDENCE_CAP rows per code from its documents; per theme the documents with the highest
 * and lowest rates are kept as documents, with their evidence. Series read document by document
 * are left as they are. Without periods the model is returned unchanged.
 */
export function toPeriodView(model: ReportModel): { model: ReportModel; extremes: ThemeExtremes[] } {
  const pooled = model.evolution.filter((series) => series.period !== undefined);
  if (pooled.length === 0) return { model, extremes: [] };
  const byId = new Map(model.results.map((result) => [result.meta.id, result]));
  const inPeriods = new Set(pooled.flatMap((series) => series.steps.flatMap((step) => step.members ?? [])));
  const pooledResults = model.results.filter((result) => inPeriods.has(result.meta.id));
  const extremes = themeExtremes(
    pooledResults,
    model.codebook.themes.map((theme) => theme.id),
  );
  const shown = new Set(extremes.flatMap(({ highest, lowest }) => [...highest, ...lowest].map(({ result }) => result.meta.id)));
  const periods = pooled.flatMap((series) =>
    series.steps.map((step): DocumentResult => {
      const members = (step.members ?? []).map((id) => byId.get(id)).filter((result) => result !== undefined);
      const period: DocumentResult = {
        meta: { ...step.document, ...(series.series === NO_SERIES ? {} : { series: series.series }) },
        source: members[0]!.source,
        words: step.words,
        cjkCharacters: 0,
        pages: 0,
        codes: (step.codes ?? []).map((code) => ({ theme: code.theme, code: code.code, count: code.count, terms: [] })),
        evidence: sampleEvidence(members, PERIOD_EVIDENCE_CAP),
      };
      periodResults.add(period);
      return period;
    }),
  );
  const results = [...model.results.filter((result) => !inPeriods.has(result.meta.id) || shown.has(result.meta.id)), ...periods];
  return { model: { ...model, results }, extremes };
}

/** Rows a period's sample takes per code from one document: its `cap` rows come from several documents. */
const ROWS_PER_DOCUMENT = 2;

/** Per code, up to `cap` rows, at most ROWS_PER_DOCUMENT from each document, the documents in their order (each row names its document). */
function sampleEvidence(members: readonly DocumentResult[], cap: number): EvidenceRow[] {
  const taken = new Map<string, number>();
  const rows: EvidenceRow[] = [];
  // Codes with mentions in the period: once each has `cap` rows, no more documents are read.
  let open = new Set(members.flatMap((member) => member.codes.filter((code) => code.count > 0).map((code) => `${code.theme}\u0000${code.code}`))).size;
  for (const member of members) {
    if (open === 0) break;
    const places = evidencePlaces(member);
    const indexes: number[] = [];
    const fromThis = new Map<string, number>();
    for (let index = 0; index < places.length; index++) {
      const key = `${places[index]!.theme}\u0000${places[index]!.code}`;
      const count = taken.get(key) ?? 0;
      const own = fromThis.get(key) ?? 0;
      if (count >= cap || own >= ROWS_PER_DOCUMENT) continue;
      fromThis.set(key, own + 1);
      taken.set(key, count + 1);
      if (count + 1 === cap) open--;
      indexes.push(index);
    }
    if (indexes.length === 0) continue;
    const picked = indexes.length === places.length ? evidenceRows(member) : evidenceRowsAt(member, indexes);
    for (const row of picked) rows.push(row);
  }
  return rows;
}

function themeExtremes(results: readonly DocumentResult[], themes: readonly string[]): ThemeExtremes[] {
  const worded = results.filter((result) => result.words > 0);
  return themes.map((theme) => {
    const rates = worded.map((result) => {
      let count = 0;
      for (const code of result.codes) if (code.theme === theme) count += code.count;
      return { result, count, per1000: (count * 1000) / result.words };
    });
    const byRate = (a: DocumentRate, b: DocumentRate) => b.per1000 - a.per1000 || compareCodeUnits(a.result.meta.id, b.result.meta.id);
    const sorted = rates.sort(byRate);
    const highest = sorted.slice(0, EXTREME_DOCUMENTS);
    const lowest = sorted.slice(Math.max(highest.length, sorted.length - EXTREME_DOCUMENTS)).reverse();
    return { theme, highest, lowest };
  });
}
