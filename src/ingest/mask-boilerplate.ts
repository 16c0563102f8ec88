import type { BoilerplateRemoval, BoilerplateRule } from '../types.ts';
import { compileLinePattern, MAX_TESTED_LINE } from './check-line-pattern.ts';

export interface MaskedText {
  /** The text with every removed line blanked: same length, same line breaks, so offsets and line:column stay those of the extracted text. */
  text: string;
  /** One entry per rule, in rule order (zeros when a rule removed nothing). */
  removals: BoilerplateRemoval[];
  /** Characters of the text other than whitespace, before removal (for the "removes most of it" check). */
  visibleCharacters: number;
}

/**
 * Removes boilerplate by whole lines: each removed line's characters become spaces and its line
 * break stays, so the text keeps its length and lines (evidence offsets, line and page numbers
 * still point into the extracted text) and the removed text reads like blank lines: it matches
 * nothing, counts no word, and separates the paragraphs around it. Rules apply in order; a line
 * one rule removed is blank for the rules after it. A marker is found at the start of a line,
 * leading whitespace (U+3000 too) ignored. `countWords` counts the words of the removed text.
 */
export function maskBoilerplate(text: string, rules: readonly BoilerplateRule[], countWords: (removed: string) => number): MaskedText {
  const lines = text.split('\n');
  const removedBy = new Int32Array(lines.length).fill(-1);
  rules.forEach((rule, index) => {
    for (const line of linesToDrop(rule, lines, removedBy)) if (removedBy[line] === -1) removedBy[line] = index;
  });
  const removals = rules.map((rule): BoilerplateRemoval => ({ rule: rule.name, characters: 0, lines: 0, words: 0 }));
  const removedText = rules.map((): string[] => []);
  let visibleCharacters = 0;
  const masked = lines.map((line, index) => {
    const visible = countVisible(line);
    visibleCharacters += visible;
    const by = removedBy[index]!;
    if (by === -1) return line;
    if (visible > 0) {
      removals[by]!.characters += visible;
      removals[by]!.lines += 1;
      removedText[by]!.push(line);
    }
    return ' '.repeat(line.length);
  });
  removals.forEach((removal, index) => {
    if (removal.lines > 0) removal.words = countWords(removedText[index]!.join('\n'));
  });
  return { text: masked.join('\n'), removals, visibleCharacters };
}

/** The indexes of the lines `rule` drops, given the lines earlier rules removed (`removedBy` not -1). */
function linesToDrop(rule: BoilerplateRule, lines: readonly string[], removedBy: Int32Array): number[] {
  const open = (index: number) => removedBy[index] === -1;
  const startsWith = (index: number, marker: string) => open(index) && lines[index]!.trimStart().startsWith(marker);
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
  switch (rule.drop) {
    case 'from': {
      const at = lines.findIndex((_, index) => startsWith(index, rule.marker));
      return at === -1 ? [] : range(Math.max(0, at - rule.plusLines), lines.length);
    }
    case 'until': {
      const at = lines.findIndex((_, index) => startsWith(index, rule.marker));
      return at === -1 ? [] : range(0, Math.min(lines.length, at + 1 + rule.plusLines));
    }
    case 'lines': {
      const pattern = compileLinePattern(rule.pattern);
      return range(0, lines.length).filter((index) => open(index) && lines[index]!.length <= MAX_TESTED_LINE && pattern.test(lines[index]!));
    }
    case 'between': {
      const dropped: number[] = [];
      for (let index = 0; index < lines.length; index++) {
        if (!startsWith(index, rule.start)) continue;
        let end = index + 1;
        while (end < lines.length && !startsWith(end, rule.end)) end++;
        if (end === lines.length) break; // an unclosed block is kept: better counted than lost
        dropped.push(...range(index, end + 1));
        index = end;
      }
      return dropped;
    }
  }
}

/** Characters that are not whitespace, counted per code point. */
function countVisible(line: string): number {
  let visible = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // a low surrogate: counted with its high half
    if (!isWhitespace(code)) visible++;
  }
  return visible;
}

/** JavaScript's `\s` (which includes U+3000, the ideographic space), by code unit. */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
