import type { Diagnostic } from '../types.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import type { GoldRow } from './parse-gold-csv.ts';
import type { TextUnit } from './split-units.ts';

/** A counted match, named by its code key (`theme/code`). */
export interface CodedMatch {
  code: string;
  start: number;
  end: number;
}

/** A document as validation needs it: its text, its units and the dictionary's matches. */
export interface ValidationDocument {
  id: string;
  text: string;
  units: TextUnit[];
  matches: CodedMatch[];
}

/** One unit coded by both: the human's codes (from the gold file) and the dictionary's. */
export interface ValidationUnit {
  document: string;
  /** Unit number, or null for a unit given as a character range. */
  index: number | null;
  start: number;
  end: number;
  /** The unit's text with white space collapsed. */
  text: string;
  /** Code keys, sorted. */
  human: string[];
  auto: string[];
  /** Per dictionary code, the words that matched in this unit, as written. */
  evidence: Record<string, string[]>;
}

/**
 * Lines the gold rows up with the units of the documents. A unit is auto-coded with code C when
 * at least one counted match of C starts inside it. Rows naming an unknown document, unit or code,
 * units marked both `-` and with a code, and units whose `text` does not match are reported and
 * left out, so they never distort the statistics.
 */
export function alignGoldUnits(
  rows: readonly GoldRow[],
  documents: ReadonlyMap<string, ValidationDocument>,
  codeKeys: readonly string[],
  file: string,
): { units: ValidationUnit[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const grouped = new Map<string, { rows: GoldRow[]; document: ValidationDocument; unit: TextUnit | null; start: number; end: number }>();
  const error = (row: GoldRow, rule: string, message: string, hint: string, column?: number) =>
    diagnostics.push({ severity: 'error', rule, message, file, line: row.line, ...(column === undefined ? {} : { column }), hint });

  for (const row of rows) {
    const document = documents.get(row.document);
    if (!document) {
      const suggestion = didYouMean(row.document, [...documents.keys()]);
      error(
        row,
        'gold/unknown-document',
        `No document has the id \`${row.document}\`; this row is ignored.`,
        suggestion ? `Did you mean \`${suggestion}\`?` : 'Use the ids shown by `policycoder corpus`.',
        1,
      );
      continue;
    }
    let unit: TextUnit | null = null;
    let range: { start: number; end: number };
    if (row.span) {
      if (row.span.end > document.text.length) {
        error(
          row,
          'gold/unit-out-of-range',
          `The range ${row.written ?? `${row.span.start}-${row.span.end}`} lies beyond the end of \`${row.document}\` (${document.text.length} characters).`,
          'Offsets count characters (UTF-16 code units) of the extracted text, from 0.',
        );
        continue;
      }
      range = row.span;
    } else {
      unit = document.units[row.unit! - 1] ?? null;
      if (!unit) {
        error(
          row,
          'gold/unit-out-of-range',
          `\`${row.document}\` has ${document.units.length} units; there is no unit ${row.written ?? row.unit}.`,
          'Check the unit kind (--unit sentence|paragraph) and the numbering in the units list (`validate --list-units`).',
        );
        continue;
      }
      range = unit;
    }
    if (row.code !== null && resolveCode(row, codeKeys, file, diagnostics) === undefined) continue;
    const key = `${row.document}\u0000${range.start}\u0000${range.end}`;
    const group = grouped.get(key) ?? { rows: [], document, unit, start: range.start, end: range.end };
    group.rows.push(row);
    grouped.set(key, group);
  }

  const units: ValidationUnit[] = [];
  for (const group of grouped.values()) {
    const first = group.rows[0]!;
    const text = collapse(group.document.text.slice(group.start, group.end));
    const mismatch = group.rows.find((row) => row.text !== undefined && !opensWith(text, row.text));
    if (mismatch) {
      error(
        mismatch,
        'gold/text-mismatch',
        `The unit does not begin with "${mismatch.text}"; it begins "${text.slice(0, 60)}". The unit is left out.`,
        'The gold file and the text are out of step: check the unit kind and number, or whether the document changed since coding.',
      );
      continue;
    }
    const codes = group.rows.map((row) => (row.code === null ? null : resolveCode(row, codeKeys, file, [])!));
    if (codes.includes(null) && codes.some((code) => code !== null)) {
      error(
        first,
        'gold/no-code-with-codes',
        'This unit is marked both `-` (no code) and with codes; it is left out.',
        'Remove the `-` row, or the code rows, for this unit.',
      );
      continue;
    }
    warnRepeats(group.rows, codes, diagnostics, file);
    const human = [...new Set(codes.filter((code): code is string => code !== null))].sort(byCodeOrder(codeKeys));
    const evidence: Record<string, string[]> = {};
    for (const match of group.document.matches) {
      if (match.start < group.start || match.start >= group.end) continue;
      (evidence[match.code] ??= []).push(group.document.text.slice(match.start, match.end).replace(/\s+/g, ' '));
    }
    units.push({
      document: group.document.id,
      index: group.unit ? group.unit.index : null,
      start: group.start,
      end: group.end,
      text,
      human,
      auto: Object.keys(evidence).sort(byCodeOrder(codeKeys)),
      evidence,
    });
  }
  units.sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start));
  return { units, diagnostics };
}

/** `theme/code` as given, or a bare `code` that names exactly one code. */
function resolveCode(row: GoldRow, codeKeys: readonly string[], file: string, diagnostics: Diagnostic[]): string | undefined {
  const value = row.code!;
  if (codeKeys.includes(value)) return value;
  const bare = codeKeys.filter((key) => key.slice(key.indexOf('/') + 1) === value);
  if (bare.length === 1) return bare[0];
  const suggestion =
    didYouMean(value, codeKeys) ??
    didYouMean(
      value,
      codeKeys.map((key) => key.slice(key.indexOf('/') + 1)),
    );
  diagnostics.push({
    severity: 'error',
    rule: 'gold/unknown-code',
    message:
      bare.length > 1 ? `\`${value}\` names codes in several themes: ${bare.join(', ')}.` : `The codebook has no code \`${value}\`; this row is ignored.`,
    file,
    line: row.line,
    column: row.codeColumn,
    hint: bare.length > 1 ? 'Write the code as theme/code.' : suggestion ? `Did you mean \`${suggestion}\`?` : 'Write codes as theme/code, as in the codebook.',
  });
  return undefined;
}

function byCodeOrder(codeKeys: readonly string[]): (a: string, b: string) => number {
  return (a, b) => codeKeys.indexOf(a) - codeKeys.indexOf(b);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether the unit text opens with what the coder wrote (white space collapsed, a trailing `...` or `…` dropped). */
function opensWith(unitText: string, opening: string): boolean {
  const wanted = collapse(opening)
    .replace(/(?:\.\.\.|…)$/u, '')
    .trim();
  return unitText.startsWith(wanted);
}

/** A unit listed twice with the same code (a copied row) counts once: say so, naming the lines. */
function warnRepeats(rows: readonly GoldRow[], codes: ReadonlyArray<string | null>, diagnostics: Diagnostic[], file: string): void {
  const lines = new Map<string | null, number[]>();
  rows.forEach((row, k) => {
    lines.set(codes[k]!, [...(lines.get(codes[k]!) ?? []), row.line]);
  });
  for (const [code, at] of lines) {
    if (at.length < 2) continue;
    diagnostics.push({
      severity: 'warning',
      rule: 'gold/repeated-row',
      message: `Lines ${at.join(', ')} give this unit the same code (${code ?? '-'}); it is counted once.`,
      file,
      line: at[0]!,
      column: 1,
      hint: 'Delete the copied rows: one row per unit and code.',
    });
  }
}
