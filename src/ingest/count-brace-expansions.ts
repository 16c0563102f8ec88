/**
 * How many patterns the brace expansion of `glob` makes (`{a,b}` 2, `{1..100}` 100, `{a,b}{c,d}`
 * 4), counted without expanding, and capped at `cap + 1` so that a count is cheap however large.
 * An unclosed `{`, or `{x}` with neither a comma nor a range, is literal text (as in fast-glob).
 */
export function countBraceExpansions(glob: string, cap: number): number {
  return countSequence(glob, 0, glob.length, cap);
}

/** The expansions of glob[from, to): the product of its groups' counts. */
function countSequence(glob: string, from: number, to: number, cap: number): number {
  let count = 1;
  let i = from;
  while (i < to) {
    if (glob[i] === '\\') {
      i += 2;
      continue;
    }
    if (glob[i] === '{') {
      const close = closingBrace(glob, i, to);
      if (close !== -1) {
        count = Math.min(cap + 1, count * countGroup(glob, i + 1, close, cap));
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return count;
}

/** The inside of a group glob[from, to): the sum over its comma-separated alternatives, or a range's length. */
function countGroup(glob: string, from: number, to: number, cap: number): number {
  const commas = topLevelCommas(glob, from, to);
  if (commas.length === 0) return rangeLength(glob.slice(from, to)) ?? countSequence(glob, from, to, cap);
  let count = 0;
  let start = from;
  for (const comma of [...commas, to]) {
    count = Math.min(cap + 1, count + countSequence(glob, start, comma, cap));
    start = comma + 1;
  }
  return count;
}

/** `1..100`, `a..z`, `1..100..5`: how many items, else undefined. */
function rangeLength(inside: string): number | undefined {
  const range = /^(-?\d+|[^\d.])\.\.(-?\d+|[^\d.])(?:\.\.(-?\d+))?$/.exec(inside);
  if (!range) return undefined;
  const [, first, last, step] = range;
  const value = (end: string) => (/^-?\d+$/.test(end) ? Number(end) : end.codePointAt(0)!);
  const span = Math.abs(value(last!) - value(first!)) + 1;
  return Math.ceil(span / Math.max(1, Math.abs(Number(step ?? 1)) || 1));
}

function closingBrace(glob: string, open: number, to: number): number {
  let depth = 0;
  for (let i = open; i < to; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function topLevelCommas(glob: string, from: number, to: number): number[] {
  const commas: number[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '{') depth++;
    else if (glob[i] === '}') depth--;
    else if (glob[i] === ',' && depth === 0) commas.push(i);
  }
  return commas;
}
