import type { Codebook } from '../types.ts';
import { code as inlineCode, escapeMarkdown, header, row } from './markdown-table.ts';

/** How many terms a code's row lists before "... (n more)". */
const LISTED_TERMS = 12;

/** Every theme with its description and a table of its codes: label, definition, include, exclude, terms. */
export function toCodebookSection(codebook: Codebook): string[] {
  const out = ['## Codebook', '', `${escapeMarkdown(codebook.name)} (${codebook.format}, ${inlineCode(codebook.path)}, sha256 \`${codebook.sha256}\`).`];
  for (const theme of codebook.themes) {
    out.push('', `### ${inlineCode(theme.id)}: ${escapeMarkdown(theme.label || theme.id)}`, '');
    if (theme.description) out.push(escapeMarkdown(theme.description), '');
    out.push(...header(['Code', 'Label', 'Definition', 'Include', 'Exclude', 'Terms']));
    for (const code of theme.codes) {
      const values = code.terms.map((term) => (term.kind === 'glob' || term.kind === 'exact' ? term.value : `${term.value} (${term.kind})`));
      const shown = values.slice(0, LISTED_TERMS).join(', ');
      const terms = values.length > LISTED_TERMS ? `${shown}, ... (${values.length - LISTED_TERMS} more)` : shown;
      out.push(row([code.id, code.label, code.definition ?? '', code.include ?? '', code.exclude ?? '', terms]));
    }
  }
  return out;
}
