import type { DocumentResult, EvidenceRow } from '../types.ts';
import { evidenceRows } from './evidence-rows.ts';

export interface EvidenceSelection {
  /** How the query was read. */
  kind: 'theme/code' | 'code' | 'theme' | 'term';
  rows: EvidenceRow[];
}

const normalise = (text: string) => text.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();

/**
 * The evidence a `kwic` query asks for, in document (results) and text order. The query is read as
 * `theme/code` when it holds a `/` naming one, else as a code id, else as a theme id, else as a
 * term: rows whose codebook term or matched text equals it (case, width and whitespace ignored).
 */
export function selectEvidence(results: readonly DocumentResult[], query: string): EvidenceSelection {
  const codes = results.flatMap((result) => result.codes);
  // One document's rows at a time: all of them at once can be millions of objects.
  const select = (kind: EvidenceSelection['kind'], wanted: (row: EvidenceRow) => boolean): EvidenceSelection => {
    const rows: EvidenceRow[] = [];
    for (const result of results) for (const row of evidenceRows(result)) if (wanted(row)) rows.push(row);
    return { kind, rows };
  };
  const slash = query.indexOf('/');
  if (slash > 0) {
    const theme = query.slice(0, slash);
    const code = query.slice(slash + 1);
    if (codes.some((c) => c.theme === theme && c.code === code)) {
      return select('theme/code', (row) => row.theme === theme && row.code === code);
    }
  }
  if (codes.some((c) => c.code === query)) return select('code', (row) => row.code === query);
  if (codes.some((c) => c.theme === query)) return select('theme', (row) => row.theme === query);
  const wanted = normalise(query);
  return select('term', (row) => normalise(row.term) === wanted || normalise(row.matched) === wanted);
}

/** Everything a query could name, for "did you mean": theme ids, code ids, theme/code, and matched terms. */
export function evidenceNames(results: readonly DocumentResult[]): string[] {
  const names = new Set<string>();
  for (const result of results) {
    for (const code of result.codes) {
      names.add(code.theme).add(code.code).add(`${code.theme}/${code.code}`);
      for (const term of code.terms) names.add(term.term);
    }
  }
  return [...names];
}
