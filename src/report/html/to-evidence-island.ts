import type { DocumentResult, EvidenceRow, ReportModel } from '../../types.ts';
import type { EvidenceFilter } from './evidence-links.ts';
import { joinContext } from './join-excerpt.ts';
import { evidenceRows } from '../evidence-rows.ts';
import { isPeriodResult } from './to-period-view.ts';

/** Evidence rows embedded per document x code; the rest are in evidence.csv. */
export const EVIDENCE_CAP = 50;

/**
 * One embedded row: term, matched, page (or null), line, column, sentence, paragraph, left, right;
 * left and right carry the space that joins them to the match, if any (`joinContext`). A period's
 * rows add the document they come from.
 */
export type IslandRow =
  | [string, string, number | null, number, number, number, number, string, string]
  | [string, string, number | null, number, number, number, number, string, string, string];

export interface IslandCode {
  theme: string;
  code: string;
  /** All counted mentions (rows of evidence.csv); `rows` holds the first `cap` in text order. */
  count: number;
  rows: IslandRow[];
}

export interface EvidenceIsland {
  cap: number;
  /** `pooled`: a period, with how many documents it pools. */
  documents: Array<{ id: string; title: string; date: string; codes: IslandCode[]; pooled?: true }>;
  links: Record<string, EvidenceFilter>;
}

/**
 * The page's evidence data: per document and code with mentions, the first `cap` evidence rows
 * in text order and the full count; plus every link's filter by anchor id.
 */
export function toEvidenceIsland(model: ReportModel, links: Record<string, EvidenceFilter>, cap = EVIDENCE_CAP): EvidenceIsland {
  return {
    cap,
    documents: model.results.map((result) => ({
      id: result.meta.id,
      title: result.meta.title,
      date: result.meta.date ?? (result.meta.year === undefined ? 'n.d.' : String(result.meta.year)),
      codes: islandCodes(result, cap),
      ...(isPeriodResult(result) ? { pooled: true as const } : {}),
    })),
    links,
  };
}

function islandCodes(result: DocumentResult, cap: number): IslandCode[] {
  const byCode = new Map<string, EvidenceRow[]>();
  for (const row of evidenceRows(result)) {
    const rows = byCode.get(row.code);
    if (rows) rows.push(row);
    else byCode.set(row.code, [row]);
  }
  return result.codes
    .filter((code) => code.count > 0 || byCode.has(code.code))
    .map((code) => ({
      theme: code.theme,
      code: code.code,
      count: code.count,
      rows: (byCode.get(code.code) ?? []).slice(0, cap).map((row) => toIslandRow(row, isPeriodResult(result))),
    }));
}

function toIslandRow(row: EvidenceRow, period: boolean): IslandRow {
  const [left, right] = joinContext(row.left, row.matched, row.right);
  const cells: IslandRow = [row.term, row.matched, row.page, row.line, row.column, row.sentence, row.paragraph, left, right];
  return period ? [...cells, row.document] : cells;
}
