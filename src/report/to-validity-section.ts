import type { ReportModel } from '../types.ts';
import { WEAK_RATE, describeStatus, formatMeasuredRate, toCodebookValidity } from './codebook-validity.ts';
import { code, escapeMarkdown, header, safeRow } from './markdown-table.ts';

/** The Methods subsection of report.md on the codebook's measured precision and recall per code. */
export function toValiditySection(model: ReportModel): string[] {
  const validity = toCodebookValidity(model.codebook);
  const lines = ['', '### Measured validity of the codebook', '', ...validity.provenance.flatMap((text) => [text, ''])];
  if (validity.rows.some((entry) => entry.status !== 'not measured')) {
    lines.push(...header(['code', 'precision [95% CI]', 'n:', 'recall [95% CI]', 'n:', 'measured', 'terms']));
    for (const entry of validity.rows) {
      lines.push(
        safeRow([
          escapeMarkdown(entry.code),
          entry.precision ? formatMeasuredRate(entry.precision) : '-',
          entry.precision ? String(entry.precision.n) : '-',
          entry.recall ? formatMeasuredRate(entry.recall) : '-',
          entry.recall ? String(entry.recall.n) : '-',
          escapeMarkdown([entry.date, entry.coder ? `by ${entry.coder}` : undefined].filter(Boolean).join(' ') || '-'),
          describeStatus(entry.status),
        ]),
      );
    }
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
