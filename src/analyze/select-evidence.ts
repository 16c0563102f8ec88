import type { DocumentResult, EvidenceRow } from '../types.ts';

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
  const all = results.flatMap((result) => result.evidence ?? []);
  const codes = results.flatMap((result) => result.codes);
  const slash = query.indexOf('/');
  if (slash > 0) {
    const theme = query.slice(0, slash);
    const code = query.slice(slash + 1);
    if (codes.some((c) => c.theme === theme && c.code === code)) {
      return { kind: 'theme/code', rows: all.filter((row) => row.theme === theme && row.code === code) };
    }
  }
  if (codes.some((c) => c.code === query)) return { kind: 'code', rows: all.filter((row) => row.code === query) };
  if (codes.some((c) => c.theme === query)) return { kind: 'theme', rows: all.filter((row) => row.theme === query) };
  const wanted = normalise(query);
  return { kind: 'term', rows: all.filter((row) => normalise(row.term) === wanted || normalise(row.matched) === wanted) };
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
