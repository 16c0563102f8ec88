import type { ReportModel } from '../../types.ts';
import { toMethodsSection } from '../to-methods-section.ts';
import { inlineMarkdownToHtml } from './escape-html.ts';

/** The Methods section of report.md (the same sentences), as HTML. */
export function toMethodsHtml(model: ReportModel): string {
  const items = toMethodsSection(model)
    .filter((line) => line.startsWith('- '))
    .map((line) => `<li>${inlineMarkdownToHtml(line.slice(2))}</li>`);
  return `<section id="methods"><h2>Methods</h2><ul class="methods">${items.join('')}</ul></section>`;
}
