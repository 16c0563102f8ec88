import { px } from './chart-scales.ts';
import { escapeHtml } from './escape-html.ts';

/** Colour-blind-safe theme colours (Okabe-Ito), in codebook order, repeating after eight. */
const PALETTE = ['#0072B2', '#009E73', '#D55E00', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D00'];
/** Dash patterns, so lines stay apart in a grey print. */
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 4', '3 1 1 1'];

export function themeColor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

export function themeDash(index: number): string {
  return DASHES[index % DASHES.length]!;
}

/** An `<svg>` with a viewBox, an accessible name and a `<title>`; scales with its container. */
export function svgOpen(width: number, height: number, label: string, className: string): string {
  return (
    `<svg class="${className}" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" ` +
    `role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(label)}</title>`
  );
}

/** An SVG `<text>`; `attrs` are written as given (numbers, anchors), the content is escaped. */
export function svgText(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${px(x)}" y="${px(y)}"${attrs ? ` ${attrs}` : ''}>${escapeHtml(content)}</text>`;
}

/** Roughly how wide a text is at a font size: CJK and other wide characters count double. */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const char of text) units += char.codePointAt(0)! > 0x2e80 ? 1 : 0.58;
  return units * size;
}

/** Cuts a label to about `max` pixels, ending in `…`. */
export function fitLabel(text: string, size: number, max: number): string {
  if (textWidth(text, size) <= max) return text;
  let out = '';
  for (const char of text) {
    if (textWidth(`${out}${char}…`, size) > max) break;
    out += char;
  }
  return `${out}…`;
}

/** A link around SVG marks, to an anchor in the page, with a tooltip. */
export function svgLink(href: string, tip: string, marks: string): string {
  return `<a href="${escapeHtml(href)}" class="ev"><title>${escapeHtml(tip)}</title>${marks}</a>`;
}
