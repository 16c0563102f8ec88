import type { Codebook, EvolutionStep, SeriesEvolution } from '../types.ts';
import { formatChange, formatInteger, formatRate } from './format-number.ts';
import { formatTerms } from './format-terms.ts';

const HOW_TO_READ =
  '**How to read.** Each rate is a theme\'s coded mentions per 1,000 words of the document. ' +
  'The number in brackets is the change from the previous milestone in the same series ' +
  '(this rate minus the previous rate, per 1,000 words); the first milestone of a series has none. ' +
  'A theme\'s count is the sum of the counts of its codes. Milestones are in date order ' +
  '(year when there is no date; undated documents last); "n.d." marks a document without a date.';

/**
 * `evolution.md`: per series, one table of theme rates (with the change from the previous
 * milestone in brackets) and one of each theme's top terms. Columns follow the codebook's
 * themes. Deterministic: no timestamps, fixed number formats.
 */
export function toEvolutionMarkdown(evolution: readonly SeriesEvolution[], codebook: Codebook): string {
  const themeIds = codebook.themes.map((theme) => theme.id);
  const out: string[] = [
    '# Theme evolution across milestones',
    '',
    `Codebook: ${inline(codebook.name)} (sha256 \`${codebook.sha256}\`).`,
    '',
    HOW_TO_READ,
    '',
    'Themes:',
    '',
  ];
  for (const theme of codebook.themes) {
    const label = theme.label && theme.label !== theme.id ? `: ${inline(theme.label)}` : '';
    const codes = theme.codes.map((code) => `\`${code.id}\``).join(', ');
    out.push(`- \`${theme.id}\`${label} (codes: ${codes || 'none'})`);
  }
  if (evolution.length === 0) out.push('', 'No documents were analysed.');
  for (const { series, steps } of evolution) {
    out.push('', `## ${series === '(no series)' ? series : `Series: ${inline(series)}`}`, '');
    out.push('Rates per 1,000 words (change from the previous milestone in brackets):', '');
    out.push(row(['Date', 'Document', 'Title', 'Words', ...themeIds]));
    out.push(row(['---', '---', '---', '---:', ...themeIds.map(() => '---:')]));
    for (const step of steps) {
      const rates = themeIds.map((id) => rateCell(step, id));
      out.push(row([dateCell(step), step.document.id, step.document.title, formatInteger(step.words), ...rates]));
    }
    out.push('', 'Top terms per theme (mentions in brackets):', '');
    out.push(row(['Date', 'Document', ...themeIds]));
    out.push(row(['---', '---', ...themeIds.map(() => '---')]));
    for (const step of steps) {
      const terms = themeIds.map((id) => {
        const theme = step.themes.find((t) => t.theme === id);
        return theme === undefined ? 'n/a' : formatTerms(theme.topTerms) || '(none)';
      });
      out.push(row([dateCell(step), step.document.id, ...terms]));
    }
  }
  return `${out.join('\n')}\n`;
}

function rateCell(step: EvolutionStep, themeId: string): string {
  const theme = step.themes.find((t) => t.theme === themeId);
  if (theme === undefined) return 'n/a';
  const rate = formatRate(theme.per1000);
  return theme.changePer1000 === null ? rate : `${rate} (${formatChange(theme.changePer1000)})`;
}

function dateCell(step: EvolutionStep): string {
  const { date, year } = step.document;
  if (date?.trim()) return date;
  return year === undefined ? 'n.d.' : String(year);
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

/** A table cell on one line, with `|` escaped so it cannot split the row. */
export function escapeCell(text: string): string {
  return inline(text).replaceAll('|', '\\|');
}

/** Line breaks collapse to single spaces so text stays on its line. */
function inline(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
