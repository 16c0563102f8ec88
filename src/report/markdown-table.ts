/**
 * Markdown for report.md and evolution.md. Text that comes from users (the codebook's names,
 * labels, ids, definitions and terms; corpus.yaml's ids, titles and series; messages that quote
 * them; document text) goes through `escapeMarkdown` or `row`, so that a label such as
 * `<script>` or `[x](javascript:...)` stays text when the Markdown is rendered. The program's own
 * markup (`**bold**`, the `*` of a significant change) goes through `safeRow` and `header`.
 */

/** Backslash-escapes every character Markdown or HTML would read as markup, on one line. */
export function escapeMarkdown(text: string): string {
  const clean = inline(text);
  // The test first: most cells have nothing to escape, and the replace would copy them all the same.
  return MARKUP.test(clean) ? clean.replace(MARKUP_ALL, '\\$1') : clean;
}

const MARKUP = /[\\`*_[\]<>|#]/;
const MARKUP_ALL = /([\\`*_[\]<>|#])/g;

/** One Markdown table row of user text: each cell escaped with `escapeMarkdown`. */
export function row(cells: readonly string[]): string {
  return `| ${cells.map(escapeMarkdown).join(' | ')} |`;
}

/**
 * A row of cells that are already escaped or cannot need it (formatted numbers, the program's own
 * markup): `row` without escaping each cell, also for tables with millions of cells.
 */
export function safeRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * A header row and its alignment row: a column name ending in `:` is right-aligned. The names
 * are written as given: escape user text in them (theme ids) with `escapeMarkdown` first.
 */
export function header(columns: readonly string[]): string[] {
  const names = columns.map((c) => (c.endsWith(':') ? c.slice(0, -1) : c));
  return [safeRow(names), `| ${columns.map((c) => (c.endsWith(':') ? '---:' : '---')).join(' | ')} |`];
}

/** Line breaks collapse to single spaces so text stays on its line. */
export function inline(text: string): string {
  // The test first: most cells have no line break, and the replace would copy them all the same.
  return LINE_BREAK.test(text) ? text.replace(/\s*[\r\n]+\s*/g, ' ').trim() : text.trim();
}

const LINE_BREAK = /[\r\n]/;

/** Inline code that survives backticks in the text: fenced by one backtick more than its longest run of them. */
export function code(text: string): string {
  const clean = inline(text);
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  if (longest === 0) return `\`${clean}\``;
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${clean} ${fence}`;
}
