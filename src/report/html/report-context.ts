import type { EvolutionStep, ReportModel } from '../../types.ts';
import { dateCell } from '../to-change-tables.ts';
import type { EvidenceFilter, EvidenceLinks } from './evidence-links.ts';
import { HTML_LIMITS, type HtmlLimits } from './html-limits.ts';

/** What the section renderers share: the model, the link registry and the milestone order. */
export interface ReportContext {
  model: ReportModel;
  links: EvidenceLinks;
  themeIds: string[];
  /** Every document's milestone, series by series in date order. */
  milestones: Array<{ series: string; step: EvolutionStep }>;
  /** How much of a big codebook the page shows. */
  limits: HtmlLimits;
}

export function createReportContext(model: ReportModel, links: EvidenceLinks, limits: HtmlLimits = HTML_LIMITS): ReportContext {
  return {
    model,
    links,
    limits,
    themeIds: model.codebook.themes.map((t) => t.id),
    milestones: model.evolution.flatMap((s) => s.steps.map((step) => ({ series: s.series, step }))),
  };
}

/** `2012-11-22 cn-2012-pilots`: how a milestone is named in charts; a period by its label alone (`2012`). */
export function milestoneLabel(step: EvolutionStep): string {
  return step.members ? step.document.id : `${dateCell(step)} ${step.document.id}`;
}

export function themeLabel(context: ReportContext, themeId: string): string {
  return context.model.codebook.themes.find((t) => t.id === themeId)?.label || themeId;
}

/** The evidence filters every renderer uses, so equal filters get equal anchors. */
export const filters = {
  docTheme: (doc: string, theme: string): EvidenceFilter => ({ documents: [doc], theme, label: `${doc}: theme ${theme}` }),
  docCode: (doc: string, theme: string, code: string): EvidenceFilter => ({ documents: [doc], theme, code, label: `${doc}: code ${theme} / ${code}` }),
  theme: (theme: string): EvidenceFilter => ({ documents: [], theme, label: `all documents: theme ${theme}` }),
};
