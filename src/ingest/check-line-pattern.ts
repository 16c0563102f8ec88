import { compileLinearRegex, type LinearRegex } from '../text/compile-linear-regex.ts';

/** `drop_lines` patterns are tested only on lines up to this many characters; longer lines are kept. */
export const MAX_TESTED_LINE = 500;

/**
 * A `drop_lines` pattern compiled once, on the linear-time engine codebook regex terms use (RE2,
 * `text/compile-linear-regex.ts`): JavaScript's syntax, tested line by line in time linear in the
 * line whatever the pattern (`^a*a*a*a*a*a*a*a*b$` on 499 `a`s hung JavaScript's engine). Call it
 * only on a pattern `checkLinePattern` accepted.
 */
export function compileLinePattern(source: string): LinearRegex {
  const compiled = compileLinearRegex(source, { ignoreCase: false });
  if ('problem' in compiled) throw new Error(`drop_lines pattern not checked: ${compiled.problem}`);
  return compiled.regex;
}

/**
 * What makes a `drop_lines` pattern unusable, or undefined: invalid syntax, or what the linear-time
 * engine cannot run (lookaround, backreferences).
 */
export function checkLinePattern(source: string): { rule: string; message: string; hint: string } | undefined {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return {
      rule: 'corpus/invalid-pattern',
      message: `\`${source}\` is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}.`,
      hint: "Write a JavaScript regular expression and quote it in YAML, e.g. `drop_lines: '^\\s*- \\d+ -\\s*$'`.",
    };
  }
  const compiled = compileLinearRegex(source, { ignoreCase: false });
  if (!('problem' in compiled)) return undefined;
  return {
    rule: 'corpus/invalid-pattern',
    message: `\`${source}\` cannot be used: ${compiled.problem}.`,
    hint: 'Patterns run on a linear-time engine so that no line can hang the run: match the line itself instead of looking around it (`^Page \\d+$`), and repeat a class instead of a backreference.',
  };
}
