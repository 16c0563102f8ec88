import type { Diagnostic } from '../types.ts';
import type { ReviewRow } from './parse-review-sheet.ts';

export interface RepeatedRows {
  /** One row per match: the first of identical repeats (a judged one before an unjudged one). */
  rows: ReviewRow[];
  /** Every row of a match judged differently on two lines: none of them counts. */
  conflicting: ReviewRow[];
  diagnostics: Diagnostic[];
}

/**
 * A match listed twice (same document, code, start and end, or the same non-empty `id`; a
 * spreadsheet copy-paste does this) counts once. Repeats judged alike (or left blank) are a
 * warning naming the lines; repeats judged differently are an error naming the lines, and that
 * match is left out of the figures.
 */
export function findRepeatedRows(rows: readonly ReviewRow[], file: string): RepeatedRows {
  const groups: ReviewRow[][] = [];
  const byMatch = new Map<string, ReviewRow[]>();
  const byId = new Map<string, ReviewRow[]>();
  for (const row of rows) {
    const matchKey = [row.document, row.theme, row.code, row.start, row.end].join('\u0000');
    const group = byMatch.get(matchKey) ?? (row.id === '' ? undefined : byId.get(row.id));
    if (group) group.push(row);
    else groups.push([row]);
    const owner = group ?? groups[groups.length - 1]!;
    if (!byMatch.has(matchKey)) byMatch.set(matchKey, owner);
    if (row.id !== '' && !byId.has(row.id)) byId.set(row.id, owner);
  }
  const kept: ReviewRow[] = [];
  const conflicting: ReviewRow[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const group of groups) {
    const first = group[0]!;
    if (group.length === 1) {
      kept.push(first);
      continue;
    }
    const lines = group.map((row) => row.line).join(', ');
    const what = `\`${first.document}\` ${first.start}-${first.end} (${first.theme}/${first.code}${first.id ? `, id ${first.id}` : ''})`;
    const judgements = new Set(group.map((row) => row.judgement).filter((judgement) => judgement !== null));
    if (judgements.size > 1) {
      conflicting.push(...group);
      diagnostics.push({
        severity: 'error',
        rule: 'review/conflicting-repeat',
        message: `Lines ${lines} are the same match ${what} judged differently (${[...judgements].join(' / ')}); it is left out of the figures.`,
        file,
        line: first.line,
        column: 1,
        hint: 'Keep one row per match (delete the copies) with the judgement you mean.',
      });
      continue;
    }
    kept.push(group.find((row) => row.judgement !== null) ?? first);
    diagnostics.push({
      severity: 'warning',
      rule: 'review/repeated-row',
      message: `Lines ${lines} are the same match ${what}; it is counted once.`,
      file,
      line: first.line,
      column: 1,
      hint: 'Delete the copied rows: each match is one row of the sheet.',
    });
  }
  kept.sort((a, b) => a.line - b.line);
  return { rows: kept, conflicting, diagnostics };
}
