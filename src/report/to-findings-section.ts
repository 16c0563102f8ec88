import type { ReportModel } from '../types.ts';
import { escapeMarkdown } from './markdown-table.ts';
import { toFindingsLines } from './to-findings-lines.ts';

/** `## Findings at a glance`: each series read from its first to its last milestone. */
export function toFindingsSection(model: ReportModel): string[] {
  const out = ['## Findings at a glance', ''];
  const findings = toFindingsLines(model.findings ?? [], model.codebook);
  if (findings.length === 0) return [...out, 'No series has two or more milestones, so there is no change to report.'];
  out.push(
    'Each series from its first to its last milestone. The tests are uncorrected; the Evolution section gives every step, ' +
      'the Bonferroni threshold of each series, and the passages behind each rate.',
  );
  for (const { lead, themes } of findings) {
    out.push('', `**${escapeMarkdown(lead)}**`, '', ...themes.map((line) => `- ${escapeMarkdown(line)}`));
  }
  return out;
}
