/**
 * The most attributes any one start tag of `html` has, counted in one linear pass before the HTML
 * parser runs (parse5 checks each new attribute against the tag's others: 100,000 attributes on one
 * tag took 35 s). Counting stops once a tag passes `cap` (the result is then `cap + 1`). The scan
 * follows the HTML tokenizer closely enough for the count: comments, `<script>`/`<style>`/
 * `<textarea>`/`<title>` contents and quoted values hold no tags.
 */
export function mostAttributesOnOneTag(html: string, cap: number): number {
  let most = 0;
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open === -1) break;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (!isAsciiLetter(html.charCodeAt(open + 1))) {
      i = open + 1;
      continue;
    }
    const tag = scanStartTag(html, open + 1, cap);
    most = Math.max(most, tag.attributes);
    if (most > cap) return cap + 1;
    i = RAW_TEXT.has(tag.name) ? skipRawText(html, tag.end, tag.name) : tag.end;
  }
  return most;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** The start tag whose name begins at `from`: its lower-case name, attribute count and the index after it. */
function scanStartTag(html: string, from: number, cap: number): { name: string; attributes: number; end: number } {
  let i = from;
  while (i < html.length && !isTagEnd(html.charCodeAt(i))) i++;
  const name = html.slice(from, i).toLowerCase();
  let attributes = 0;
  while (i < html.length && attributes <= cap) {
    const code = html.charCodeAt(i);
    if (code === GREATER_THAN) return { name, attributes, end: i + 1 };
    if (isSpace(code) || code === SLASH) {
      i++;
      continue;
    }
    attributes++;
    i++; // an attribute name's first character may be `=`
    while (i < html.length && !isTagEnd(html.charCodeAt(i)) && html.charCodeAt(i) !== EQUALS) i++;
    while (i < html.length && isSpace(html.charCodeAt(i))) i++;
    if (html.charCodeAt(i) !== EQUALS) continue;
    i++;
    while (i < html.length && isSpace(html.charCodeAt(i))) i++;
    const quote = html.charCodeAt(i);
    if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
      const close = html.indexOf(html[i]!, i + 1);
      i = close === -1 ? html.length : close + 1;
    } else {
      while (i < html.length && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== GREATER_THAN) i++;
    }
  }
  return { name, attributes, end: i };
}

const rawTextEnds = new Map<string, RegExp>();

/** The index of the end tag that closes raw text opened at `from` (searched from there: linear overall). */
function skipRawText(html: string, from: number, name: string): number {
  let end = rawTextEnds.get(name);
  if (!end) rawTextEnds.set(name, (end = new RegExp(`</${name}`, 'gi')));
  end.lastIndex = from;
  return end.exec(html)?.index ?? html.length;
}

const GREATER_THAN = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

function isTagEnd(code: number): boolean {
  return isSpace(code) || code === SLASH || code === GREATER_THAN;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
