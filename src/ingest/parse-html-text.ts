import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

/** The only adapter around parse5. */

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Names the HTML-to-text rules; part of the DOCX cache key (DOCX goes through HTML). */
export const HTML_TEXT_VERSION = 'html1';

/**
 * `web`: a downloaded page; only its main content is kept (see `findContentRoots`).
 * `docx`: HTML made by mammoth from a Word file; all of it is kept, minus footnote markers.
 */
export type HtmlSource = 'web' | 'docx';

/** Never text: scripts, styles, metadata, embedded media and form controls. */
const ALWAYS_DROPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'audio',
  'video',
  'map',
  'select',
  'button',
  'input',
  'textarea',
  'datalist',
]);
/** Page chrome, dropped when the whole body has to be read because no content element was found. */
const CHROME = new Set(['nav', 'header', 'footer', 'aside']);
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/**
 * The text of an HTML document: block elements (paragraphs, headings, list items, table cells,
 * ...) become paragraph breaks (a blank line), `<br>` a line break; inside a paragraph, runs of
 * whitespace collapse to one space, or to one line break when they contain one (as in a .txt
 * file, so a Chinese phrase wrapped in the source still matches). Scripts, styles, hidden
 * elements and form controls are dropped. Entities are decoded; the result is NFC, has `\n`
 * line endings, no leading or trailing blank lines.
 */
export function parseHtmlText(html: string, source: HtmlSource): string {
  const document = parse(html);
  const roots = source === 'web' ? findContentRoots(document) : [];
  const writer = new TextWriter();
  const dropChrome = source === 'web' && roots.length === 0;
  const isDropped = (element: Element): boolean =>
    ALWAYS_DROPPED.has(element.tagName) || (dropChrome && CHROME.has(element.tagName)) || isHidden(element) || (source === 'docx' && isFootnoteMarker(element));
  for (const root of roots.length > 0 ? roots : [document]) {
    writer.block();
    walk(root, writer, isDropped, false);
  }
  return writer.finish();
}

/**
 * The elements that hold the document itself, without the site's chrome, by the first rule that
 * finds an element with text: (1) the content containers of the CMSs Chinese government sites
 * use (`id="UCAP-CONTENT"` on gov.cn, `class="TRS_Editor"`, `id="zoom"`); (2) `<main>` or
 * `role="main"`; (3) `<article>`. Nested matches count once. None found: the whole body.
 */
export function findContentRoots(document: Node): Element[] {
  const rules: Array<(element: Element) => boolean> = [
    (element) =>
      attribute(element, 'id') === 'UCAP-CONTENT' ||
      attribute(element, 'id') === 'zoom' ||
      (attribute(element, 'class') ?? '').split(/\s+/).includes('TRS_Editor'),
    (element) => element.tagName === 'main' || attribute(element, 'role') === 'main',
    (element) => element.tagName === 'article',
  ];
  for (const rule of rules) {
    const found: Element[] = [];
    collect(document, rule, found);
    const withText = found.filter((element) => hasText(element));
    if (withText.length > 0) return withText;
  }
  return [];
}

function collect(node: Node, rule: (element: Element) => boolean, found: Element[]): void {
  for (const child of childrenOf(node)) {
    if (isElement(child) && rule(child)) found.push(child);
    else collect(child, rule, found);
  }
}

function walk(node: Node, writer: TextWriter, isDropped: (element: Element) => boolean, pre: boolean): void {
  for (const child of childrenOf(node)) {
    if (child.nodeName === '#text') {
      writer.text((child as DefaultTreeAdapterMap['textNode']).value, pre);
      continue;
    }
    if (!isElement(child) || isDropped(child)) continue;
    const tag = child.tagName;
    if (tag === 'br') {
      writer.lineBreak();
      continue;
    }
    const block = BLOCKS.has(tag);
    if (block) writer.block();
    walk(child, writer, isDropped, pre || tag === 'pre');
    if (block) writer.block();
  }
}

/** Collects text; breaks are held back until more text follows, so none pile up at the ends. */
class TextWriter {
  private readonly parts: string[] = [];
  private pending: '' | '\n' | '\n\n' = '';

  text(value: string, pre: boolean): void {
    const text = pre ? value.replace(/\r\n?/g, '\n') : value.replace(/[ \t\n\r\f]+/g, (run) => (/[\n\r]/.test(run) ? '\n' : ' '));
    if (text === '') return;
    if (this.parts.length > 0 && this.pending !== '') this.parts.push(this.pending);
    this.pending = '';
    this.parts.push(text);
  }

  lineBreak(): void {
    if (this.pending === '\n\n') return;
    if (this.pending === '\n') this.pending = '\n\n';
    else this.pending = '\n';
  }

  block(): void {
    this.pending = '\n\n';
  }

  finish(): string {
    const lines = this.parts
      .join('')
      .split('\n')
      .map((line) => line.replace(/^[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+$/g, ''));
    return lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\n+$/g, '')
      .normalize('NFC');
  }
}

function hasText(element: Element): boolean {
  return childrenOf(element).some((child) =>
    child.nodeName === '#text'
      ? (child as DefaultTreeAdapterMap['textNode']).value.trim() !== ''
      : isElement(child) && !ALWAYS_DROPPED.has(child.tagName) && hasText(child),
  );
}

function isHidden(element: Element): boolean {
  if (element.attrs.some((attr) => attr.name === 'hidden')) return true;
  if (attribute(element, 'aria-hidden') === 'true') return true;
  const style = (attribute(element, 'style') ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/** mammoth's footnote and endnote references (`<sup><a href="#footnote-1">[1]</a></sup>`) and back-links (`↑`). */
function isFootnoteMarker(element: Element): boolean {
  const href = attribute(element, 'href') ?? '';
  if (element.tagName === 'a' && /^#(?:footnote|endnote)-/.test(href)) return true;
  if (element.tagName !== 'sup') return false;
  const children = element.childNodes.filter((child) => !(child.nodeName === '#text' && (child as DefaultTreeAdapterMap['textNode']).value.trim() === ''));
  return children.length === 1 && isElement(children[0]!) && isFootnoteMarker(children[0]);
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): Node[] {
  // An HTML <template> keeps its children in `content`; one inside <svg> is an ordinary element.
  const content = node.nodeName === 'template' ? (node as Partial<DefaultTreeAdapterMap['template']>).content : undefined;
  if (content) return content.childNodes;
  return 'childNodes' in node ? node.childNodes : [];
}
