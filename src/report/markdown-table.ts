/** One Markdown table row; cells are put on one line and `|` is escaped. */
export function row(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

/**
 * A row of cells that are already escaped or cannot need it (formatted numbers): `row` without
 * escaping each cell again, for tables with millions of cells.
 */
export function safeRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A header row and its alignment row: a column name ending in `:` is right-aligned. */
export function header(columns: readonly string[]): string[] {
  const names = columns.map((c) => (c.endsWith(':') ? c.slice(0, -1) : c));
  return [row(names), `| ${columns.map((c) => (c.endsWith(':') ? '---:' : '---')).join(' | ')} |`];
}

/** A table cell on one line, with `|` escaped so it cannot split the row. */
export function escapeCell(text: string): string {
  const clean = inline(text);
  return clean.includes('|') ? clean.replaceAll('|', '\\|') : clean;
}

/** Line breaks collapse to single spaces so text stays on its line. */
export function inline(text: string): string {
  // The test first: most cells have no line break, and the replace would copy them all the same.
  return LINE_BREAK.test(text) ? text.replace(/\s*[\r\n]+\s*/g, ' ').trim() : text.trim();
}

const LINE_BREAK = /[\r\n]/;

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const clean = inline(text);
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}
