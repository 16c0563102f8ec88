import type { CodePrecision, PrecisionCell } from './compute-precision.ts';
import { csvLine, formatStat } from './format-stat.ts';

/** A sheet row left out of the figures, as the report lists it. */
export interface LeftOutRow {
  line: number;
  id: string;
  theme: string;
  code: string;
  matched: string;
  document: string;
  why: string;
}

export interface ReviewReportContext {
  sheet: string;
  codebookName: string;
  codebookPath: string;
  leftOut: readonly LeftOutRow[];
}

/** `0.833 [0.664, 0.927]`, or `n/a` with nothing judged yes or no. */
export function formatPrecision(cell: PrecisionCell): string {
  if (cell.precision === null || cell.interval === null) return 'n/a';
  return `${formatStat(cell.precision)} [${formatStat(cell.interval.low)}, ${formatStat(cell.interval.high)}]`;
}

/** `review.md`: precision per code and per term with 95% Wilson intervals, the counts behind them, and the rows left out. */
export function toReviewMarkdown(codes: readonly CodePrecision[], context: ReviewReportContext): string {
  const lines: string[] = ['# Precision review: sampled matches judged by hand', ''];
  lines.push(
    `Review sheet \`${context.sheet}\`; codebook "${context.codebookName}" (\`${context.codebookPath}\`).`,
    '',
    'Precision = yes / (yes + no): the share of the dictionary’s counted matches that are instances of their code. ' +
      '`unsure` rows are left out of it (and counted), as are rows not judged yet. The interval is the 95% Wilson score ' +
      'interval. A code sampled per term (`sample --per-term`) is a stratified sample: its precision weights each term’s ' +
      'precision by the term’s share of the code’s matches, with a Wilson interval at the effective sample size ' +
      '(`stratified`; `coverage` is the share of the code’s matches in terms with judgements).',
    '',
    '## Per code',
    '',
    '| code | matches | yes | no | unsure | not judged | precision [95% CI] | method |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  );
  for (const code of codes) lines.push(row(`\`${code.theme}/${code.code}\``, code, methodOf(code)));
  lines.push('', '`matches`: counted matches of the code in the corpus when the sample was drawn (empty when the sheet does not say).', '');
  lines.push('## Per term', '', '| code | term | yes | no | unsure | not judged | precision [95% CI] |', '| --- | --- | ---: | ---: | ---: | ---: | --- |');
  for (const code of codes) {
    for (const term of code.terms) {
      lines.push(
        `| \`${code.theme}/${code.code}\` | \`${term.term}\` | ${term.yes} | ${term.no} | ${term.unsure} | ${term.unjudged} | ${formatPrecision(term)} |`,
      );
    }
  }
  lines.push('', '## Rows left out', '');
  if (context.leftOut.length === 0) lines.push('None: every row names a match the codebook counts in the corpus as it is now.');
  for (const left of context.leftOut) {
    lines.push(
      `- line ${left.line}${left.id ? ` (id ${left.id})` : ''}, \`${left.theme}/${left.code}\`, "${left.matched.replaceAll('|', '\\|')}" in ${left.document}: ${left.why}`,
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** `review.csv`: one row per code (`level` code, term empty) followed by its terms (`level` term). */
export function toReviewCsv(codes: readonly CodePrecision[]): string {
  let out = csvLine(['level', 'theme', 'code', 'term', 'matches', 'yes', 'no', 'unsure', 'unjudged', 'precision', 'ci_low', 'ci_high', 'method', 'coverage']);
  const cells = (cell: PrecisionCell) => [
    cell.yes,
    cell.no,
    cell.unsure,
    cell.unjudged,
    cell.precision === null ? '' : formatStat(cell.precision),
    cell.interval ? formatStat(cell.interval.low) : '',
    cell.interval ? formatStat(cell.interval.high) : '',
  ];
  for (const code of codes) {
    out += csvLine([
      'code',
      code.theme,
      code.code,
      '',
      code.population ?? '',
      ...cells(code),
      code.method,
      code.coverage === undefined ? '' : formatStat(code.coverage),
    ]);
    for (const term of code.terms) out += csvLine(['term', code.theme, code.code, term.term, '', ...cells(term), 'wilson', '']);
  }
  return out;
}

function row(name: string, cell: PrecisionCell, method: string): string {
  return `| ${name} | ${cell.population ?? ''} | ${cell.yes} | ${cell.no} | ${cell.unsure} | ${cell.unjudged} | ${formatPrecision(cell)} | ${method} |`;
}

function methodOf(cell: PrecisionCell): string {
  return cell.method === 'stratified' ? `stratified, coverage ${formatStat(cell.coverage ?? 0)}` : 'wilson';
}
