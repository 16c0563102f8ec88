/** `drop_lines` patterns are tested only on lines up to this many characters; longer lines are kept. */
export const MAX_TESTED_LINE = 500;

/**
 * A `drop_lines` pattern compiled once: a JavaScript regular expression with the `u` flag, tested
 * line by line. This is the one place to swap in a linear-time engine.
 */
export function compileLinePattern(source: string): RegExp {
  return new RegExp(source, 'u');
}

/**
 * What makes a `drop_lines` pattern unusable, or undefined. Besides syntax, patterns that can take
 * exponential time on a short line are refused: a repeated group (`(...)*`, `+`, `{n,m}`) that holds
 * a repetition or an alternative (`(a+)+`, `(a|ab)*`), and backreferences. With that, and lines of at
 * most MAX_TESTED_LINE characters, a pattern cannot hang a run.
 */
export function checkLinePattern(source: string): { rule: string; message: string; hint: string } | undefined {
  try {
    compileLinePattern(source);
  } catch (error) {
    return {
      rule: 'corpus/invalid-pattern',
      message: `\`${source}\` is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}.`,
      hint: "Write a JavaScript regular expression and quote it in YAML, e.g. `drop_lines: '^\\s*- \\d+ -\\s*$'`.",
    };
  }
  const unsafe = findUnsafeConstruct(source);
  if (unsafe === undefined) return undefined;
  return {
    rule: 'corpus/unsafe-pattern',
    message: `\`${source}\` has ${unsafe}, which can take exponential time on some lines.`,
    hint: 'Repeat single items only (`\\d+`, `[ -]*`), not groups that repeat or alternate inside (`(\\d+ )+`, `(a|b)+`); use a character class (`[ab]+`) instead.',
  };
}

/** The first construct that can backtrack exponentially, described, or undefined. */
function findUnsafeConstruct(source: string): string | undefined {
  const frames = [{ repeats: false, alternates: false }];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) return 'a backreference';
      i += /[pPu]/.test(next) && source[i + 2] === '{' ? source.indexOf('}', i) + 1 - i : 2;
      continue;
    }
    if (char === '[') {
      i = endOfClass(source, i);
      continue;
    }
    if (char === '(') {
      frames.push({ repeats: false, alternates: false });
      // `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`: the `?` is part of the group's opening, not a quantifier.
      i += /^\(\?(?:[:=!]|<[=!]|<[^>]*>)/.exec(source.slice(i, i + 64))?.[0].length ?? 1;
      continue;
    }
    if (char === '|') frames[frames.length - 1]!.alternates = true;
    if (char === ')' && frames.length > 1) {
      const group = frames.pop()!;
      const quantifier = quantifierAt(source, i + 1);
      if (quantifier > 0 && source[i + 1] !== '?' && (group.repeats || group.alternates)) {
        return group.repeats ? 'a repeated group that repeats inside' : 'a repeated group with alternatives';
      }
      frames[frames.length - 1]!.repeats ||= group.repeats || quantifier > 0;
      i += 1 + quantifier;
      continue;
    }
    const quantifier = quantifierAt(source, i);
    if (quantifier > 0) {
      frames[frames.length - 1]!.repeats = true;
      i += quantifier;
      continue;
    }
    i++;
  }
  return undefined;
}

/** The length of the quantifier starting at `at` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, with a lazy `?`), else 0. */
function quantifierAt(source: string, at: number): number {
  const match = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(at, at + 24));
  return match ? match[0].length : 0;
}

/** The index after the character class that opens at `at`. */
function endOfClass(source: string, at: number): number {
  let i = at + 1;
  if (source[i] === '^') i++;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}
