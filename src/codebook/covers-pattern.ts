/** One position of a glob word: a character, `?` (any one character) or `*` (any run, also none). */
export type PatternElement = { char: string } | { any: true } | { star: true };

const OTHER = Symbol('a character neither pattern names');
type Symbolic = string | typeof OTHER;

/**
 * Whether every word `inner` matches is also matched by `outer` (language inclusion of two globs).
 * Walks both patterns' automata together over the characters they name plus one stand-in for
 * every other character (all such characters behave alike), looking for a word `inner` accepts
 * and `outer` rejects. Patterns are a few characters long, so the search is tiny.
 */
export function coversPattern(outer: readonly PatternElement[], inner: readonly PatternElement[]): boolean {
  const alphabet: Symbolic[] = [...new Set([...outer, ...inner].flatMap((e) => ('char' in e ? [e.char] : [])))];
  alphabet.push(OTHER);
  const start = { i: closure(inner, [0]), o: closure(outer, [0]) };
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const { i, o } = queue.shift()!;
    const key = `${i.join(',')}|${o.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (i.includes(inner.length) && !o.includes(outer.length)) return false;
    for (const symbol of alphabet) {
      const nextInner = step(inner, i, symbol);
      if (nextInner.length > 0) queue.push({ i: nextInner, o: step(outer, o, symbol) });
    }
  }
  return true;
}

/** States reached by reading `symbol` from `states` (positions in the pattern). */
function step(pattern: readonly PatternElement[], states: readonly number[], symbol: Symbolic): number[] {
  const next: number[] = [];
  for (const position of states) {
    const element = pattern[position];
    if (!element) continue;
    if ('star' in element) next.push(position);
    else if ('any' in element || element.char === symbol) next.push(position + 1);
  }
  return closure(pattern, next);
}

/** Adds the positions after each `*`, which may match nothing; sorted and unique. */
function closure(pattern: readonly PatternElement[], states: readonly number[]): number[] {
  const result = new Set(states);
  for (const position of [...result].sort((a, b) => a - b)) {
    let k = position;
    while (pattern[k] && 'star' in pattern[k]!) result.add(++k);
  }
  return [...result].sort((a, b) => a - b);
}
