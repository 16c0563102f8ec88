/**
 * Removes a leading YAML front-matter block (`---` line ... `---` line) from Markdown text with
 * `\n` line endings. Text without a closed block is returned unchanged.
 */
export function stripFrontMatter(text: string): string {
  const opening = /^---[ \t]*\n/.exec(text);
  if (!opening) return text;
  const closing = /^---[ \t]*(?:\n|$)/m;
  const rest = text.slice(opening[0].length);
  const match = closing.exec(rest);
  if (!match) return text;
  return rest.slice(match.index + match[0].length);
}
