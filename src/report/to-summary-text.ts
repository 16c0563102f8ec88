import type { Diagnostic, DocumentResult, InputRecord, SeriesFinding } from '../types.ts';
import { toSummaryFindings } from './to-summary-findings.ts';
import { resultWarnings } from './result-warnings.ts';
import { formatInteger, formatPercent } from './format-number.ts';

export interface SummaryOptions {
  /** Where the reports were written, as the user should see it. */
  outDir: string;
  /** Inputs that could not be analysed. */
  failedInputs: number;
  /** The failed inputs themselves, listed with their reasons under "Failed inputs:". */
  failed?: readonly InputRecord[];
  /** Total words; defaults to the sum of the documents' words. */
  totalWords?: number;
  /** The run's diagnostics: warnings about the results are listed, the others counted. */
  diagnostics?: readonly Diagnostic[];
  /** Per series, first against last milestone and the trend: a few lines of findings. */
  findings?: readonly SeriesFinding[];
}

/**
 * The short plain-text summary the CLI prints after a run: documents read and failed, total
 * words, each theme's share of all coded mentions, and where the reports are. No colours.
 */
export function toSummaryText(results: readonly DocumentResult[], themeOrder: readonly string[], options: SummaryOptions): string {
  const counts = new Map<string, number>(themeOrder.map((theme) => [theme, 0]));
  for (const { codes } of results) {
    for (const code of codes) {
      const sum = counts.get(code.theme);
      if (sum !== undefined) counts.set(code.theme, sum + code.count);
    }
  }
  const totalMentions = [...counts.values()].reduce((a, b) => a + b, 0);
  const totalWords = options.totalWords ?? results.reduce((sum, r) => sum + r.words, 0);

  const read = `Read ${plural(results.length, 'document')}`;
  const lines = [
    options.failedInputs > 0 ? `${read}; ${plural(options.failedInputs, 'input')} failed.` : `${read}.`,
    `Total words: ${formatInteger(totalWords)}`,
    `Coded mentions: ${formatInteger(totalMentions)}`,
  ];
  if (themeOrder.length > 0) {
    lines.push('Share of coded mentions by theme:');
    const nameWidth = Math.max(...themeOrder.map((theme) => theme.length));
    const shares = themeOrder.map((theme) => {
      const count = counts.get(theme) ?? 0;
      return { theme, count, share: formatPercent(totalMentions > 0 ? count / totalMentions : 0) };
    });
    const shareWidth = Math.max(...shares.map((s) => s.share.length));
    for (const { theme, count, share } of shares) {
      lines.push(`  ${theme.padEnd(nameWidth)}  ${share.padStart(shareWidth)}  (${plural(count, 'mention')})`);
    }
  }
  if (options.failed && options.failed.length > 0) {
    lines.push('Failed inputs:');
    for (const input of options.failed) lines.push(`  ${input.relPath}: ${input.reason ?? 'failed'}`);
  }
  lines.push(...toSummaryFindings(options.findings ?? []));
  lines.push(...toWarningLines(options.diagnostics ?? []));
  lines.push(`Reports written to ${options.outDir}`);
  return `${lines.join('\n')}\n`;
}

function plural(n: number, noun: string): string {
  return `${formatInteger(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** The warnings about what the numbers mean, each in full; other warnings (printed above the summary) counted; or that there are none. */
function toWarningLines(diagnostics: readonly Diagnostic[]): string[] {
  const about = resultWarnings(diagnostics);
  const others = diagnostics.filter((d) => d.severity !== 'info' && !d.rule.startsWith('results/')).length;
  if (about.length === 0 && others === 0) return ['No warnings.'];
  const lines = about.length > 0 ? ['Read before quoting these numbers:', ...about.map((d) => `  - ${d.message} [${d.rule}]`)] : [];
  if (others > 0) lines.push(`${plural(others, 'other problem')} with the inputs or the codebook: see the messages above and report.md.`);
  return lines;
}
