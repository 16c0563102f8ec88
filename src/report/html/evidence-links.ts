import type { CooccurrenceUnit } from '../../types.ts';
import { escapeHtml, toIdPart } from './escape-html.ts';

/** Which evidence rows a link shows in the evidence panel. */
export interface EvidenceFilter {
  /** Documents whose rows are listed, in this order; empty = every document. */
  documents: string[];
  theme?: string;
  code?: string;
  /** Only mentions of the two themes inside units (paragraphs or sentences) that hold both. */
  pair?: { series: string; a: string; b: string; unit: CooccurrenceUnit };
  /** The panel's heading. */
  label: string;
}

export interface EvidenceLinks {
  /** An `<a>` to the evidence behind `html` (already escaped markup, e.g. a formatted count). */
  link(filter: EvidenceFilter, html: string, title?: string): string;
  /** The anchor id of a filter (`evidence-<doc>-<code>`, `evidence-<doc>-theme-<theme>`, ...). */
  id(filter: EvidenceFilter): string;
  /** Every filter linked so far, by anchor id, in first-use order: the page's `links` table. */
  entries(): Record<string, EvidenceFilter>;
}

/**
 * Collects the report's evidence links. Ids are derived from the filter, so they are stable
 * across runs: `evidence-<doc>-<code>`, `evidence-<doc>-theme-<theme>`, `evidence-theme-<theme>`,
 * `evidence-<series>-<unit>-<themeA>-<themeB>`; a filter that would reuse another's id gets `-2`, `-3`.
 */
export function createEvidenceLinks(): EvidenceLinks {
  const byKey = new Map<string, string>();
  const filters: Record<string, EvidenceFilter> = {};
  // Next suffix to try per base id: ids are never freed, so probing resumes where it stopped
  // (the same ids as probing from -2 each time, without the quadratic cost on big corpora).
  const nextSuffix = new Map<string, number>();
  const id = (filter: EvidenceFilter): string => {
    const key = JSON.stringify([filter.documents, filter.theme ?? null, filter.code ?? null, filter.pair ?? null]);
    const known = byKey.get(key);
    if (known) return known;
    const base = `evidence-${baseId(filter)}`;
    let candidate = base;
    let n = nextSuffix.get(base) ?? 2;
    while (filters[candidate] !== undefined) candidate = `${base}-${n++}`;
    nextSuffix.set(base, n);
    byKey.set(key, candidate);
    filters[candidate] = filter;
    return candidate;
  };
  return {
    id,
    link(filter, html, title) {
      const tip = title ?? `Show the evidence: ${filter.label}`;
      return `<a class="ev" href="#${id(filter)}" title="${escapeHtml(tip)}">${html}</a>`;
    },
    entries: () => filters,
  };
}

function baseId(filter: EvidenceFilter): string {
  const scope = filter.documents.length === 1 ? [toIdPart(filter.documents[0]!)] : [];
  if (filter.pair) {
    return [filter.pair.series, filter.pair.unit, filter.pair.a, filter.pair.b].map(toIdPart).join('-');
  }
  if (filter.code !== undefined) return [...scope, toIdPart(filter.code)].join('-');
  if (filter.theme !== undefined) return [...scope, 'theme', toIdPart(filter.theme)].join('-');
  return [...scope, 'all'].join('-');
}
