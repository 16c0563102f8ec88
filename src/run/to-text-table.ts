/**
 * A plain-text table for the terminal: columns padded to their widest cell (a CJK character
 * counts as two columns), a dashed rule under the header; `alignRight[i]` right-aligns column i.
 */
export function toTextTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, alignRight: readonly boolean[] = []): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => displayWidth(row[i] ?? ''))));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - displayWidth(cell));
        return alignRight[i] ? pad + cell : i === row.length - 1 ? cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u.test(char) ? 2 : 1;
  return width;
}
