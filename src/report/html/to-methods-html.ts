import type { ReportModel } from '../../types.ts';
import { toMethodsSection } from '../to-methods-section.ts';
import { inlineMarkdownToHtml } from './escape-html.ts';
import { toValidityHtml } from './to-validity-html.ts';

/** The Methods section of report.md (the same sentences), as HTML; the codebook's measured validity as its own subsection. */
export function toMethodsHtml(model: ReportModel): string {
  const lines = toMethodsSection(model);
  const subsection = lines.indexOf('### Measured validity of the codebook');
  const items = (subsection < 0 ? lines : lines.slice(0, subsection))
    .filter((line) => line.startsWith('- '))
    .map((line) => `<li>${inlineMarkdownToHtml(line.slice(2))}</li>`);
  return `<section id="methods"><h2>Methods</h2><ul class="methods">${items.join('')}</ul>${toValidityHtml(model)}</section>`;
}
