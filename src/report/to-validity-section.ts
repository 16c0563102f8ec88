import type { ReportModel } from '../types.ts';
import { VALIDITY_COLUMNS, WEAK_RATE, toCodebookValidity, validityCells } from './codebook-validity.ts';
import { code, escapeMarkdown, header, safeRow } from './markdown-table.ts';

/** The Methods subsection of report.md on the codebook's measured precision and recall per code. */
export function toValiditySection(model: ReportModel): string[] {
  const validity = toCodebookValidity(model.codebook);
  const lines = ['', '### Measured validity of the codebook', '', ...validity.provenance.flatMap((text) => [text, ''])];
  if (validity.rows.some((entry) => entry.status !== 'not measured')) {
    lines.push(...header(VALIDITY_COLUMNS));
    // The intervals' brackets are the program's own; code ids and coders are user text.
    for (const entry of validity.rows) lines.push(safeRow(validityCells(entry).map((cell, k) => (k === 0 || k === 5 ? escapeMarkdown(cell) : cell))));
    lines.push('');
  }
  lines.push(...validity.warnings.map((warning) => `- ${warning}`));
  const notes = validity.rows.filter((entry) => entry.note !== undefined && !isWeak(entry));
  lines.push(...notes.map((entry) => `- **${code(entry.code)}:** ${escapeMarkdown(entry.note!)}`));
  return lines;
}

function isWeak(entry: { precision?: { estimate: number }; recall?: { estimate: number } }): boolean {
  return [entry.precision, entry.recall].some((rate) => rate !== undefined && rate.estimate < WEAK_RATE);
}
