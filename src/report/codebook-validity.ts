import { code, escapeMarkdown } from './markdown-table.ts';
import type { Codebook, MeasuredRate } from '../types.ts';
import { formatRate } from './format-number.ts';

/** Below this a code's recorded precision or recall is called weak in the reports. */
export const WEAK_RATE = 0.7;

export type ValidityStatus = 'current' | 'outdated' | 'unpinned' | 'not measured';

export interface CodeValidityRow {
  /** `theme/code`. */
  code: string;
  precision?: MeasuredRate;
  recall?: MeasuredRate;
  /** When the code's figures were measured (its own date, else the codebook's). */
  date?: string;
  status: ValidityStatus;
  note?: string;
  /** Who measured this code when it is not the codebook's coder. */
  coder?: string;
}

/** The measured validity a codebook records, as the Methods sections of report.md and report.html show it. */
export interface CodebookValidity {
  /** Sentences (inline Markdown) on who measured, when, on what, and how. */
  provenance: string[];
  rows: CodeValidityRow[];
  /** Inline Markdown, one per kind of problem: outdated figures, unmeasured codes, weak codes. */
  warnings: string[];
}

/** Reads the codebook's `validation:` records into rows and warnings; pure. */
export function toCodebookValidity(codebook: Codebook): CodebookValidity {
  const top = codebook.validation ?? {};
  const rows: CodeValidityRow[] = codebook.themes.flatMap((theme) =>
    theme.codes.map((code) => {
      const validation = code.validation;
      const row: CodeValidityRow = { code: `${theme.id}/${code.id}`, status: statusOf(validation) };
      if (validation?.precision) row.precision = validation.precision;
      if (validation?.recall) row.recall = validation.recall;
      const date = validation?.date ?? top.date;
      if (date !== undefined && row.status !== 'not measured') row.date = date;
      if (validation?.note !== undefined) row.note = validation.note;
      if (validation?.coder !== undefined && validation.coder !== top.coder) row.coder = validation.coder;
      return row;
    }),
  );
  return { provenance: toProvenance(codebook), rows, warnings: toWarnings(rows) };
}

/** `0.900 [0.744, 0.965]`. */
export function formatMeasuredRate(rate: MeasuredRate): string {
  return `${formatRate(rate.estimate)} [${formatRate(rate.low)}, ${formatRate(rate.high)}]`;
}

/** The validity table's columns (report.md and report.html) and one row's cells as plain text, to be escaped by the caller. */
export const VALIDITY_COLUMNS = ['code', 'precision [95% CI]', 'n:', 'recall [95% CI]', 'n:', 'measured', 'terms'];

export function validityCells(entry: CodeValidityRow): string[] {
  return [
    entry.code,
    entry.precision ? formatMeasuredRate(entry.precision) : '-',
    entry.precision ? String(entry.precision.n) : '-',
    entry.recall ? formatMeasuredRate(entry.recall) : '-',
    entry.recall ? String(entry.recall.n) : '-',
    [entry.date, entry.coder ? `by ${entry.coder}` : undefined].filter(Boolean).join(' ') || '-',
    describeStatus(entry.status),
  ];
}

export function describeStatus(status: ValidityStatus): string {
  if (status === 'current') return 'as measured';
  if (status === 'outdated') return 'changed since';
  if (status === 'unpinned') return 'unknown (no terms_sha256)';
  return 'not measured';
}

function statusOf(validation: Codebook['themes'][number]['codes'][number]['validation']): ValidityStatus {
  if (!validation || (validation.precision === undefined && validation.recall === undefined)) return 'not measured';
  if (validation.measuredTermsSha256 === undefined) return 'unpinned';
  return validation.measuredTermsSha256 === validation.currentTermsSha256 ? 'current' : 'outdated';
}

function toProvenance(codebook: Codebook): string[] {
  const top = codebook.validation ?? {};
  const lines = [
    "Precision is the share of a code's counted matches that a coder, reading each in its passage against the code's definition, judged to be instances of the code " +
      '(a random sample of its matches); recall is the share of the sentences a coder gave the code, reading random sentences blind, in which the code counted a match. ' +
      "Both as recorded in the codebook's `validation:` records, with their 95% intervals and the number of judged items (n). " +
      'They hold for texts like those they were measured on (below): a term can take another sense in another kind of text (反馈 is mostly inspectors’ feedback in city work reports), so for another kind draw and judge a sample of this corpus (`policycoder sample`).',
  ];
  const parts: string[] = [];
  if (top.coder !== undefined) parts.push(`**Coder:** ${escapeMarkdown(top.coder)}`);
  if (top.date !== undefined) parts.push(`**Date:** ${escapeMarkdown(top.date)}`);
  if (top.corpus !== undefined) parts.push(`**Corpus:** ${escapeMarkdown(top.corpus)}`);
  if (top.precisionSheet !== undefined) parts.push(`**Precision sheet:** ${code(top.precisionSheet)}`);
  if (top.recallSheet !== undefined) parts.push(`**Recall sheet:** ${code(top.recallSheet)}`);
  if (parts.length > 0) lines.push(parts.map((part) => (/[.!?]$/u.test(part) ? part : `${part}.`)).join(' '));
  if (top.method !== undefined) lines.push(`**How measured:** ${escapeMarkdown(top.method)}`);
  return lines;
}

function toWarnings(rows: readonly CodeValidityRow[]): string[] {
  const codes = (status: ValidityStatus) => rows.filter((row) => row.status === status).map((row) => code(row.code));
  const warnings: string[] = [];
  if (rows.every((row) => row.status === 'not measured')) {
    return [
      '**Not measured.** The codebook records no measured precision or recall for any code, so how often its counts are right on real text is unknown. ' +
        "Measure it (`policycoder sample`, judge the sheet, `validate --review`; `sample --sentences`, `validate --gold`) and record the figures in each code's `validation:`.",
    ];
  }
  const outdated = codes('outdated');
  if (outdated.length > 0)
    warnings.push(
      `**Terms changed since measurement:** ${outdated.join(', ')}. Their terms or rules are not those their figures were measured on, so the figures describe earlier terms; measure them again.`,
    );
  const unpinned = codes('unpinned');
  if (unpinned.length > 0)
    warnings.push(`**Figures without a terms fingerprint:** ${unpinned.join(', ')}. Whether their terms changed since they were measured cannot be told.`);
  const unmeasured = codes('not measured');
  if (unmeasured.length > 0) warnings.push(`**Not measured:** ${unmeasured.join(', ')}. Their counts have not been checked on real text.`);
  const weak = rows.filter((row) => [row.precision, row.recall].some((rate) => rate !== undefined && rate.estimate < WEAK_RATE));
  for (const row of weak) {
    const figures = (['precision', 'recall'] as const)
      .filter((key) => row[key] !== undefined && row[key]!.estimate < WEAK_RATE)
      .map((key) => `${key} ${formatMeasuredRate(row[key]!)}`)
      .join(', ');
    warnings.push(
      `**Weak code ${code(row.code)}** (${figures}, below ${WEAK_RATE.toFixed(2)}): ${row.note === undefined ? 'read its evidence before quoting its counts.' : escapeMarkdown(row.note)}`,
    );
  }
  return warnings;
}
