import { createRequire } from 'node:module';
import type * as Re2js from 're2js';

/**
 * The only adapter around re2js, a JavaScript port of RE2: codebook regex terms are matched in
 * time linear in the text, whatever the pattern. JavaScript's own engine backtracks: `(a+)+$`
 * took minutes on a word of 40 letters. RE2 has no lookaround and no backreferences, which need
 * backtracking; such a pattern is a problem with a plain reason, never a hang.
 */

export interface LinearRegex {
  /** True when the pattern is found anywhere in `text` (anchor it with `^` and `$` for the whole text). */
  test(text: string): boolean;
}

export type LinearRegexResult = { regex: LinearRegex } | { problem: string };

// Loaded on first use (~0.15 s with its Unicode tables): only codebooks with regex terms need it.
const load = createRequire(import.meta.url);
let re2js: typeof Re2js | undefined;

/**
 * Compiles `pattern`, written in JavaScript's syntax or RE2's (`\u00e9`, `\u{1F600}`, named groups
 * `(?<name>...)`, `\p{Script=Han}` are translated to RE2's), ignoring letter case when asked
 * (Unicode simple case folding).
 */
export function compileLinearRegex(pattern: string, options: { ignoreCase: boolean }): LinearRegexResult {
  re2js ??= load('re2js') as typeof Re2js;
  const { RE2JS } = re2js;
  // translateRegExp turns a named backreference `\k<name>` into the letters `k<name>`: refuse it first.
  if (/(?:^|[^\\])(?:\\\\)*\\k</.test(pattern)) return { problem: BACKREFERENCES };
  try {
    const source = withJavaScriptSpaces(RE2JS.translateRegExp(pattern).replace(/\\([pP])\{(?:Script|sc)=([A-Za-z_]+)\}/g, '\\$1{$2}'));
    const compiled = RE2JS.compile(source, options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
    return { regex: { test: (text) => compiled.test(text) } };
  } catch (error) {
    if (!(error instanceof re2js.RE2JSException)) throw error;
    return { problem: describe(error.message) };
  }
}

const BACKREFERENCES = 'backreferences (`\\1`, `\\k<name>`) are not supported by the linear-time engine (RE2)';

function describe(message: string): string {
  const reason = message.replace(/^error parsing regexp: /, '');
  if (/`\(\?<?[=!]/.test(reason)) return 'lookahead and lookbehind (`(?=`, `(?!`, `(?<=`, `(?<!`) are not supported by the linear-time engine (RE2)';
  if (/invalid escape sequence: `\\[1-9]/.test(reason)) return BACKREFERENCES;
  return reason;
}

/** The characters JavaScript's `\s` matches (RE2's `\s` is ASCII only), as the inside of an RE2 class. */
const JAVASCRIPT_SPACES = '\\t-\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';

/**
 * `\s` and `\S` as JavaScript means them (U+3000 ideographic space and no-break space are spaces),
 * so a pattern written for JavaScript matches the same lines. Inside a class only `\s` is widened;
 * a `\S` there keeps RE2's ASCII meaning.
 */
function withJavaScriptSpaces(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      i++;
      if (next === 's') out += inClass ? JAVASCRIPT_SPACES : `[${JAVASCRIPT_SPACES}]`;
      else if (next === 'S' && !inClass) out += `[^${JAVASCRIPT_SPACES}]`;
      else out += char + next;
      continue;
    }
    if (char === '[' && !inClass) inClass = true;
    else if (char === ']' && inClass) inClass = false;
    out += char;
  }
  return out;
}
