import type { ValidationResult } from './compare-coding.ts';
import type { AgreementStats } from './compute-agreement.ts';
import type { Interval } from './wilson-interval.ts';
import { formatStat } from './format-stat.ts';
import type { UnitKind } from './split-units.ts';

export interface ValidationReportContext {
  goldFile: string;
  codebookName: string;
  codebookPath: string;
  unitKind: UnitKind;
  documents: number;
}

/** `validation.md`: agreement per code, the confusion table and every disagreeing unit with its text. */
export function toValidationMarkdown(result: ValidationResult, context: ValidationReportContext): string {
  const lines: string[] = [];
  lines.push('# Validation: dictionary coding against hand coding', '');
  lines.push(
    `Gold file \`${context.goldFile}\`; codebook "${context.codebookName}" (\`${context.codebookPath}\`); ` +
      `unit: ${context.unitKind}; ${result.units} units in ${context.documents} ${context.documents === 1 ? 'document' : 'documents'}.`,
    '',
    `The human coding is the reference. A ${context.unitKind} counts as coded with a code by the dictionary when at least one ` +
      'counted match of that code starts in it. Each code is a yes/no variable per unit; precision, recall and F1 treat the ' +
      "dictionary as a classifier; Cohen's kappa and Krippendorff's alpha (nominal, two coders: the human and the dictionary) " +
      'correct agreement for chance. Krippendorff recommends alpha >= 0.800 for drawing conclusions and >= 0.667 for ' +
      'tentative ones. Precision and recall come with their 95% Wilson score intervals, which treat the units as a ' +
      'simple random sample (the pooled ones are too narrow: one unit counts once per code). ' +
      '`n/a`: undefined (no unit coded by that side, or only one value in the data).',
    '',
    '## Agreement per code',
    '',
    '| code | human | dictionary | both | precision [95% CI] | recall [95% CI] | F1 | kappa | alpha |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const { code, stats } of result.codes) lines.push(statRow(`\`${code}\``, stats));
  lines.push(statRow('**all codes (pooled)**', result.pooled), '');
  lines.push('`human` and `dictionary`: units each coded with the code; `both`: units both coded with it.', '');

  const names = shortNames(result.codes.map((entry) => entry.code));
  lines.push('## Confusion table', '');
  lines.push(
    'Units by the code the human gave (rows) and the code the dictionary gave (columns). A unit with several codes counts in each of their cells; the diagonal holds the agreements.',
    '',
  );
  lines.push(`| human \\ dictionary | ${[...names, '(none)'].join(' | ')} |`);
  lines.push(`| --- | ${[...names, '(none)'].map(() => '---:').join(' | ')} |`);
  result.confusion.forEach((row, index) => {
    lines.push(`| ${names[index] ?? '(none)'} | ${row.join(' | ')} |`);
  });
  lines.push('');

  lines.push('## Disagreements', '');
  if (result.disagreements.length === 0) lines.push('None: the dictionary coded every unit as the human did.', '');
  for (const { code } of result.codes) {
    const cases = result.disagreements.filter((d) => d.code === code);
    if (cases.length === 0) continue;
    lines.push(`### \`${code}\``, '');
    for (const { unit, kind } of cases) {
      const where = `${unit.document} ${unit.index === null ? `${unit.start}-${unit.end}` : `#${unit.index}`}`;
      const label = kind === 'missed' ? 'missed (human only)' : `extra (dictionary only: ${unit.evidence[code]!.map((word) => `"${word}"`).join(', ')})`;
      lines.push(`- **${label}**, ${where}: ${quote(unit.text)}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function statRow(name: string, s: AgreementStats): string {
  const cells = [
    s.tp + s.fn,
    s.tp + s.fp,
    s.tp,
    withInterval(s.precision, s.precisionInterval),
    withInterval(s.recall, s.recallInterval),
    formatStat(s.f1),
    formatStat(s.kappa),
    formatStat(s.alpha),
  ];
  return `| ${name} | ${cells.join(' | ')} |`;
}

/** `0.538 [0.472, 0.603]`, or `n/a` when the proportion is undefined. */
export function withInterval(value: number | null, interval: Interval | null): string {
  if (value === null || interval === null) return 'n/a';
  return `${formatStat(value)} [${formatStat(interval.low)}, ${formatStat(interval.high)}]`;
}

/** Bare code ids when they are unique across themes, else `theme/code`. */
function shortNames(codeKeys: readonly string[]): string[] {
  const bare = codeKeys.map((key) => key.slice(key.indexOf('/') + 1));
  return bare.map((name, index) => (bare.indexOf(name) === bare.lastIndexOf(name) ? name : codeKeys[index]!));
}

function quote(text: string): string {
  const shown = text.length > 400 ? `${text.slice(0, 400)}...` : text;
  return `"${shown.replaceAll('|', '\\|')}"`;
}
