import type { ReportModel } from '../types.ts';
import { escapeMarkdown } from './markdown-table.ts';
import { toFindingsLines } from './to-findings-lines.ts';
import { resultWarnings } from './result-warnings.ts';

/** `## Findings at a glance`: each series read from its first to its last milestone. */
export function toFindingsSection(model: ReportModel): string[] {
  const out = ['## Findings at a glance', '', ...toReadFirstLines(model)];
  const findings = toFindingsLines(model.findings ?? [], model.codebook);
  if (findings.length === 0) return [...out, 'No series has two or more milestones, so there is no change to report.'];
  out.push(
    'Each series from its first to its last milestone, with the trend over all its dated milestones (rate ratio per year, ' +
      '"Trends over the whole series"). "Significant" means q < 0.05: Benjamini-Hochberg across ' +
      `${model.adjustedTests ? `all ${model.adjustedTests} tests` : 'all tests'} of the run (p is given beside it). ` +
      'The Evolution section gives every step and the passages behind each rate.',
  );
  for (const { lead, themes } of findings) {
    out.push('', `**${escapeMarkdown(lead)}**`, '', ...themes.map((line) => `- ${escapeMarkdown(line)}`));
  }
  return out;
}

/** The warnings about what the numbers mean, first: a reader must see them before quoting any figure. */
function toReadFirstLines(model: ReportModel): string[] {
  const warnings = resultWarnings(model.diagnostics);
  if (warnings.length === 0) return [];
  return [
    '**Read before quoting these numbers** (details under Warnings and failed inputs):',
    '',
    ...warnings.map((d) => `- ${escapeMarkdown(d.message)} (${escapeMarkdown(d.rule)})`),
    '',
  ];
}
