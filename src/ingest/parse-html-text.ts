import { defaultTreeAdapter, parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { mostAttributesOnOneTag } from './count-tag-attributes.ts';

/** The only adapter around parse5. */

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type Document = DefaultTreeAdapterMap['document'];

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
 * Elements open inside one another at most, while parsing. The HTML parsing algorithm looks
 * through the open elements for most tags, so a page of 100,000 unclosed `<div>`s costs
 * 100,000^2 / 2 steps (minutes); no real page comes near this depth (browsers stop nesting at 512).
 */
export const MAX_HTML_DEPTH = 1_000;

/**
 * Attributes on one tag at most. parse5 compares each new attribute with the tag's others, so one
 * tag of 100,000 attributes took 35 s (10,000: 0.37 s; 1,000: 0.04 s); real pages have a few dozen.
 */
export const MAX_HTML_ATTRIBUTES = 1_000;

export type HtmlTextResult = { text: string } | { tooDeep: number } | { tooManyAttributes: number };

/**
 * The text of an HTML document: block elements (paragraphs, headings, list items, table cells,
 * ...) become paragraph breaks (a blank line), `<br>` a line break; inside a paragraph, runs of
 * whitespace collapse to one space, or to one line break when they contain one (as in a .txt
 * file, so a Chinese phrase wrapped in the source still matches). Scripts, styles, hidden
 * elements and form controls are dropped. Entities are decoded; the result is NFC, has `\n`
 * line endings, no leading or trailing blank lines. A document that nests elements more than
 * `MAX_HTML_DEPTH` deep (tags never closed) is not read: `tooDeep`; nor one with a tag of more than
 * `MAX_HTML_ATTRIBUTES` attributes: `tooManyAttributes`. Linear in the document's
 * size, with no recursion, so neither depth nor length can exhaust the stack.
 */
export function parseHtmlText(html: string, source: HtmlSource): HtmlTextResult {
  if (mostAttributesOnOneTag(html, MAX_HTML_ATTRIBUTES) > MAX_HTML_ATTRIBUTES) return { tooManyAttributes: MAX_HTML_ATTRIBUTES };
  const document = parseWithinDepth(html);
  if (document === undefined) return { tooDeep: MAX_HTML_DEPTH };
  const roots = source === 'web' ? findContentRoots(document) : [];
  const writer = new TextWriter();
  const dropChrome = source === 'web' && roots.length === 0;
  const isDropped = (element: Element): boolean =>
    ALWAYS_DROPPED.has(element.tagName) || (dropChrome && CHROME.has(element.tagName)) || isHidden(element) || (source === 'docx' && isFootnoteMarker(element));
  for (const root of roots.length > 0 ? roots : [document]) {
    writer.block();
    walk(root, writer, isDropped);
  }
  return { text: writer.finish() };
}

/** parse5's tree, or undefined when its stack of open elements grows past `MAX_HTML_DEPTH`. */
function parseWithinDepth(html: string): Document | undefined {
  let depth = 0;
  const tooDeep = new Error('too deep');
  const treeAdapter = {
    ...defaultTreeAdapter,
    ...SIBLINGS_FROM_THE_END,
    onItemPush: () => {
      if (++depth > MAX_HTML_DEPTH) throw tooDeep;
    },
    onItemPop: () => {
      depth--;
    },
  };
  try {
    return parse(html, { treeAdapter });
  } catch (error) {
    if (error === tooDeep) return undefined;
    throw error;
  }
}

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

/**
 * parse5's default tree adapter finds a node among its siblings with `indexOf`, from the first
 * child; text inside an unclosed `<table>` is inserted before the table, which is the last child,
 * so 100,000 of `<table>x` took minutes. Searching from the end finds it at once.
 */
const SIBLINGS_FROM_THE_END = {
  insertBefore(parent: ParentNode, node: ChildNode, reference: ChildNode): void {
    parent.childNodes.splice(parent.childNodes.lastIndexOf(reference), 0, node);
    node.parentNode = parent;
  },
  insertTextBefore(parent: ParentNode, text: string, reference: ChildNode): void {
    const before = parent.childNodes[parent.childNodes.lastIndexOf(reference) - 1];
    if (before && defaultTreeAdapter.isTextNode(before)) before.value += text;
    else SIBLINGS_FROM_THE_END.insertBefore(parent, defaultTreeAdapter.createTextNode(text), reference);
  },
  detachNode(node: ChildNode): void {
    if (!node.parentNode) return;
    const siblings = node.parentNode.childNodes;
    siblings.splice(siblings.lastIndexOf(node), 1);
    node.parentNode = null;
  },
};

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
    const withText = collect(document, rule).filter((element) => hasText(element));
    if (withText.length > 0) return withText;
  }
  return [];
}

/** The elements below `node` that `rule` accepts, in document order, without looking inside those found. */
function collect(node: Node, rule: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const stack: Node[] = [];
  pushChildren(stack, node);
  for (let child = stack.pop(); child !== undefined; child = stack.pop()) {
    if (isElement(child) && rule(child)) found.push(child);
    else pushChildren(stack, child);
  }
  return found;
}

/** A node to visit, or the end of a block element (a paragraph break after its content). */
type Step = { node: Node; pre: boolean } | 'end-block';

function walk(root: Node, writer: TextWriter, isDropped: (element: Element) => boolean): void {
  const stack: Step[] = childrenOf(root)
    .map((node) => ({ node, pre: false }))
    .reverse();
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if (step === 'end-block') {
      writer.block();
      continue;
    }
    const { node, pre } = step;
    if (node.nodeName === '#text') {
      writer.text((node as DefaultTreeAdapterMap['textNode']).value, pre);
      continue;
    }
    if (!isElement(node) || isDropped(node)) continue;
    const tag = node.tagName;
    if (tag === 'br') {
      writer.lineBreak();
      continue;
    }
    const block = BLOCKS.has(tag);
    if (block) {
      writer.block();
      stack.push('end-block');
    }
    const children = childrenOf(node);
    for (let k = children.length - 1; k >= 0; k--) stack.push({ node: children[k]!, pre: pre || tag === 'pre' });
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
  const stack: Node[] = [];
  pushChildren(stack, element);
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.nodeName === '#text') {
      if ((node as DefaultTreeAdapterMap['textNode']).value.trim() !== '') return true;
    } else if (isElement(node) && !ALWAYS_DROPPED.has(node.tagName)) pushChildren(stack, node);
  }
  return false;
}

function isHidden(element: Element): boolean {
  if (element.attrs.some((attr) => attr.name === 'hidden')) return true;
  if (attribute(element, 'aria-hidden') === 'true') return true;
  const style = (attribute(element, 'style') ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/** mammoth's footnote and endnote references (`<sup><a href="#footnote-1">[1]</a></sup>`) and back-links (`↑`). */
function isFootnoteMarker(element: Element): boolean {
  let current = element;
  // A <sup> whose only child (besides white space) is a <sup> or the marker link.
  while (current.tagName === 'sup') {
    const children = current.childNodes.filter((child) => !(child.nodeName === '#text' && (child as DefaultTreeAdapterMap['textNode']).value.trim() === ''));
    if (children.length !== 1 || !isElement(children[0]!)) return false;
    current = children[0];
  }
  return current.tagName === 'a' && /^#(?:footnote|endnote)-/.test(attribute(current, 'href') ?? '');
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function pushChildren(stack: Node[], node: Node): void {
  const children = childrenOf(node);
  for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
}

function childrenOf(node: Node): Node[] {
  // An HTML <template> keeps its children in `content`; one inside <svg> is an ordinary element.
  const content = node.nodeName === 'template' ? (node as Partial<DefaultTreeAdapterMap['template']>).content : undefined;
  if (content) return content.childNodes;
  return 'childNodes' in node ? node.childNodes : [];
}
