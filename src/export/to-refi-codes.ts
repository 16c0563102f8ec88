import type { Code, Codebook, Theme } from '../types.ts';
import { escapeXml } from './escape-xml.ts';
import { toRefiGuid } from './to-refi-guid.ts';

/** One colour per theme, in theme order (repeating), so the QDA program shows the themes apart. */
const PALETTE = ['#1F77B4', '#2CA02C', '#FF7F0E', '#9467BD', '#D62728', '#8C564B', '#E377C2', '#17BECF'];

export function codeGuid(themeId: string, codeId: string): string {
  return toRefiGuid(`code:${themeId}/${codeId}`);
}

/**
 * The `<Codes>` element shared by the codebook (.qdc) and the project (.qde): each theme is a
 * code that cannot be coded (`isCodable="false"`), its codes are codable children. Names are the
 * labels; the description carries the id, definition, inclusion and exclusion notes, examples and
 * the dictionary terms, so a coder in MAXQDA, NVivo or ATLAS.ti sees the rules the dictionary follows.
 */
export function toRefiCodes(codebook: Codebook, indent: string): string {
  const lines = [`${indent}<Codes>`];
  codebook.themes.forEach((theme, index) => {
    const color = PALETTE[index % PALETTE.length]!;
    lines.push(`${indent}  <Code guid="${toRefiGuid(`theme:${theme.id}`)}" name="${escapeXml(theme.label)}" isCodable="false" color="${color}">`);
    lines.push(`${indent}    <Description>${escapeXml(describeTheme(theme))}</Description>`);
    for (const code of theme.codes) {
      lines.push(`${indent}    <Code guid="${codeGuid(theme.id, code.id)}" name="${escapeXml(code.label)}" isCodable="true" color="${color}">`);
      lines.push(`${indent}      <Description>${escapeXml(describeCode(theme, code))}</Description>`);
      lines.push(`${indent}    </Code>`);
    }
    lines.push(`${indent}  </Code>`);
  });
  lines.push(`${indent}</Codes>`);
  return lines.join('\n');
}

function describeTheme(theme: Theme): string {
  return [`policycoder theme: ${theme.id}`, theme.description].filter(Boolean).join('\n\n');
}

function describeCode(theme: Theme, code: Code): string {
  const parts = [`policycoder code: ${theme.id}/${code.id}`];
  if (code.definition) parts.push(`Definition: ${code.definition}`);
  if (code.include) parts.push(`Include: ${code.include}`);
  if (code.exclude) parts.push(`Exclude: ${code.exclude}`);
  if (code.examples && code.examples.length > 0) parts.push(`Examples:\n${code.examples.map((example) => `- ${example}`).join('\n')}`);
  if (code.terms.length > 0) parts.push(`Dictionary terms: ${code.terms.map((term) => term.value).join('; ')}`);
  return parts.join('\n\n');
}
