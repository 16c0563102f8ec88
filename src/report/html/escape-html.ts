/** HTML-escapes text for element content and quoted attribute values: `& < > " '`. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/**
 * JSON for a `<script type="application/json">` data island: `<`, `>`, `&` and the line
 * separators U+2028/U+2029 are written as `\u` escapes, so no document text can close the
 * script element or start a comment; `JSON.parse` gives back the same value.
 */
export function toJsonIsland(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/**
 * A fragment of an HTML id from any text: ASCII letters, digits and `-` are kept, every other
 * character becomes `_` and its code point in hex followed by `_` (`a b` -> `a_20_b`), so
 * different texts give different fragments.
 */
export function toIdPart(text: string): string {
  let out = '';
  for (const char of text) {
    out += /[A-Za-z0-9-]/.test(char) ? char : `_${char.codePointAt(0)!.toString(16)}_`;
  }
  return out;
}

/**
 * A tiny Markdown subset for the report's own prose: escaped text with `**bold**`, `` `code` `` and
 * the backslash escapes `escapeMarkdown` writes (`\*` is a literal `*`), so user text escaped for
 * report.md reads the same here.
 */
export function inlineMarkdownToHtml(text: string): string {
  const literals: string[] = [];
  // Escaped characters are set aside (as NUL + index + NUL; NULs of the text are dropped) so the ** and ` rules cannot see them.
  const marked = text.replaceAll('\0', '').replace(/\\([\\`*_[\]<>|#])/g, (_, char: string) => `\0${literals.push(char) - 1}\0`);
  return escapeHtml(marked)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\0(\d+)\0/g, (_, index: string) => escapeHtml(literals[Number(index)]!));
}
