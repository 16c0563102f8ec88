import type { ReportModel } from '../types.ts';
import { escapeMarkdown } from './markdown-table.ts';
import { toCodebookSection } from './to-codebook-section.ts';
import { toCooccurrenceSection } from './to-cooccurrence-section.ts';
import { toEvolutionSection } from './to-evolution-section.ts';
import { toComparisonsSection } from './to-comparisons-section.ts';
import { toTrendsSection } from './to-trends-section.ts';
import { toFindingsSection } from './to-findings-section.ts';
import { toMethodsSection } from './to-methods-section.ts';
import { toOverviewSection } from './to-overview-section.ts';
import { toProblemsSection } from './to-problems-section.ts';
import { joinPieces, linePieces } from './join-pieces.ts';

/**
 * `report.md`: the reviewer's report as Markdown tables, the same content as `report.html`:
 * overview, evolution with change tests and evidence excerpts, co-occurrence, codebook, methods,
 * warnings and failed inputs. Each count names its evidence.csv filter. Deterministic.
 */
export function toReportMarkdown(model: ReportModel): string {
  return joinPieces(linePieces(toReportMarkdownLines(model)));
}

/** The lines of `toReportMarkdown`, each section made as it is written. */
export function* toReportMarkdownLines(model: ReportModel): Generator<string> {
  yield* [
    '# Policy coding report',
    '',
    `Codebook: ${escapeMarkdown(model.codebook.name)}. Every count is a number of rows in evidence.csv; the "Evidence" ` +
      'columns and notes name the filter (document, theme or code) that lists them.',
    '',
    `**Contents:** Findings at a glance; Overview; Evolution across milestones; Trends over the whole series; ${model.comparisons ? 'Comparisons between groups; ' : ''}` +
      'Co-occurrence of themes; Codebook; Methods; Warnings and failed inputs.',
  ];
  const sections = [
    () => toFindingsSection(model),
    () => toOverviewSection(model),
    () => toEvolutionSection(model),
    () => toTrendsSection(model),
    () => toComparisonsSection(model),
    () => toCooccurrenceSection(model),
    () => toCodebookSection(model.codebook),
    () => toMethodsSection(model),
    () => toProblemsSection(model),
  ];
  for (const section of sections) {
    const lines = section();
    if (Array.isArray(lines) && lines.length === 0) continue;
    yield '';
    yield* lines;
  }
}
