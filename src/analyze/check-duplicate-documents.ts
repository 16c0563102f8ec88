import type { Diagnostic, DocumentResult } from '../types.ts';
import { listSome, type ResultCheckInput } from './check-results.ts';

/**
 * Files with the same bytes (the same sha256) analysed as different documents: each copy is
 * counted, so one text weighs two or three times in totals, trends and group comparisons. Real
 * collections have such copies (three of the 143 city work reports of 2024 in ../shared/data are one
 * text under three city names); `add` refuses them, but a folder analysed without `add` keeps them.
 */
export function checkDuplicateDocuments({ results, fileOf }: ResultCheckInput): Diagnostic[] {
  const groups = new Map<string, DocumentResult[]>();
  for (const result of results) {
    const group = groups.get(result.source.sha256);
    if (group) group.push(result);
    else groups.set(result.source.sha256, [result]);
  }
  const copies = [...groups.values()].filter((group) => group.length > 1);
  if (copies.length === 0) return [];
  const extra = copies.reduce((sum, group) => sum + group.length - 1, 0);
  const described = copies.map((group) => group.map(fileOf).join(' = '));
  return [
    {
      severity: 'warning',
      rule: 'results/duplicate-documents',
      message:
        `${extra === 1 ? '1 document is a copy' : `${extra} documents are copies`} of another (the same bytes, sha256): ${listSome(described, 3)}. ` +
        'Each copy is counted, so its text weighs as many times in the totals, trends and comparisons.',
      hint: 'keep one file of each (delete the copies or leave them out with `exclude:` in corpus.yaml), unless the same text really was issued under each name',
    },
  ];
}
