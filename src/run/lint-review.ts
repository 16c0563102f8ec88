import type { Codebook, Diagnostic } from '../types.ts';
import { segmentText, spanIndexAt, type TextSpan } from '../text/segment-text.ts';
import { formatStat } from '../validate/format-stat.ts';
import { wilsonInterval } from '../validate/wilson-interval.ts';
import { readReview, type ReadReviewOptions } from './read-review.ts';
import { type JudgedPassage, suggestTermFixes, type TermFix } from './suggest-term-fixes.ts';

/** Fewer judged rows than this never make a term "likely below": a term is not condemned on a handful of readings. */
export const MIN_JUDGED = 5;

export interface LintReviewOptions extends ReadReviewOptions {
  /** A term is likely below this precision when its 95% Wilson interval lies wholly below it. */
  minPrecision: number;
}

export interface LintReviewOutcome {
  diagnostics: Diagnostic[];
  lines: string[];
  cannotRun: boolean;
}

/**
 * `lint --review`: the terms whose judged precision is likely below `minPrecision` (the upper end
 * of the 95% Wilson interval below it, with at least MIN_JUDGED rows judged yes or no:
 * `lint/low-precision`, warning), and those below it with too few judgements to tell
 * (`lint/precision-uncertain`, info), each with the fixes its rejected and accepted passages
 * suggest, tried on those passages.
 */
export async function lintReview(codebook: Codebook, options: LintReviewOptions): Promise<LintReviewOutcome> {
  const reading = await readReview(options);
  if (reading.cannotRun || !reading.compiled) return { diagnostics: reading.diagnostics, lines: [], cannotRun: true };
  const diagnostics = [...reading.diagnostics];
  const codes = codebook.themes.flatMap((theme) => theme.codes.map((code) => ({ theme, code })));
  const sentences = new Map<string, TextSpan[]>();
  const groups = new Map<string, JudgedPassage[]>();
  for (const row of reading.rows) {
    if (row.status !== 'counted' || row.judgement === null || row.judgement === 'unsure') continue;
    const text = reading.texts.get(row.document)!.text;
    let spans = sentences.get(row.document);
    if (!spans) sentences.set(row.document, (spans = segmentText(text).sentences));
    const sentence = spans[Math.max(0, spanIndexAt(spans, row.start))] ?? { start: 0, end: text.length };
    const from = Math.min(sentence.start, row.start);
    const to = Math.max(sentence.end, row.end);
    const key = `${row.codeIndex}/${row.termIndex}`;
    const passages = groups.get(key) ?? [];
    passages.push({ accepted: row.judgement === 'yes', text: text.slice(from, to), start: row.start - from, end: row.end - from });
    groups.set(key, passages);
  }
  let below = 0;
  let uncertain = 0;
  codes.forEach(({ theme, code }, codeIndex) => {
    code.terms.forEach((term, termIndex) => {
      const passages = groups.get(`${codeIndex}/${termIndex}`);
      if (!passages) return;
      const yes = passages.filter((passage) => passage.accepted).length;
      const precision = yes / passages.length;
      if (precision >= options.minPrecision) return;
      const interval = wilsonInterval(precision, passages.length)!;
      const likely = interval.high < options.minPrecision && passages.length >= MIN_JUDGED;
      if (likely) below++;
      else uncertain++;
      const figures = `precision ${formatStat(precision)} (${yes} of ${passages.length} judged yes; 95% CI ${formatStat(interval.low)}-${formatStat(interval.high)})`;
      const where = `term \`${term.value}\` of code \`${code.id}\` of theme \`${theme.id}\``;
      const fixes = suggestTermFixes(term, passages, code.rules?.except !== undefined);
      diagnostics.push({
        severity: likely ? 'warning' : 'info',
        rule: likely ? 'lint/low-precision' : 'lint/precision-uncertain',
        message: likely
          ? `The ${where} has ${figures}: likely below ${formatStat(options.minPrecision)}.`
          : `The ${where} has ${figures}: below ${formatStat(options.minPrecision)}, but not enough judged to tell.`,
        file: codebook.path,
        ...(term.position ? { line: term.position.line, column: term.position.column } : {}),
        hint: likely ? toFixHint(fixes) : `Judge more of its matches (policycoder sample --per-term N) before changing it. ${toFixHint(fixes)}`,
      });
    });
  });
  const judged = [...groups.values()].reduce((sum, passages) => sum + passages.length, 0);
  const lines = [
    `review ${options.sheetPath}: ${judged} judged rows (yes or no) of ${groups.size} terms; ${below} term${below === 1 ? '' : 's'} likely below precision ${formatStat(options.minPrecision)}, ${uncertain} below it with too few judgements to tell`,
  ];
  return { diagnostics, lines, cannotRun: false };
}

function toFixHint(fixes: readonly TermFix[]): string {
  const shown = fixes.map((fix) => {
    if (fix.kind === 'remove') {
      return fix.accepted === 0
        ? `None of its ${fix.rejected} judged passages was accepted: ${fix.change}, or judge more of its matches.`
        : `No except, case, boundary or phrase change separates its ${fix.rejected} rejected passages from the ${fix.accepted} accepted: ${fix.change}, or narrow it by hand.`;
    }
    const after = fix.precisionAfter === null ? '' : `; precision on the judged passages ${formatStat(fix.precisionAfter)}`;
    return `${capitalise(fix.change)}: removes ${fix.removedRejected} of ${fix.rejected} rejected and ${fix.removedAccepted} of ${fix.accepted} accepted passages${after}.`;
  });
  return shown.length === 1 ? shown[0]! : `Fixes, best first: ${shown.join(' Or: ')}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
