import type { Code, Diagnostic, SourcePosition, Term, Token } from '../types.ts';
import { tokenize, tokensOf } from '../text/tokenize.ts';
import { toDiagnostic } from './create-reporter.ts';
import { touchesCjk } from './touches-cjk.ts';

const ONLY_WILDCARDS = /^[*?]+$/u;
const STAR_RUN = /\*{2,}/u;
/** Regular-expression syntax that globs do not have: `.*`, `.+`, `\`, `|`, `[...]`, a leading `^`, a trailing `$`. */
const REGEX_SYNTAX = /\.[*+]|\\|\||\[[^\]]*\]|^\^|\$$/u;

/**
 * Problems of one code's glob terms (the default kind):
 * - `codebook/invalid-glob` (error): every word of the value is only wildcards (`*`, `**`, `?`, `* ?`),
 *   so the term matches any token (or any token of that length) and would swamp the code;
 * - `codebook/redundant-wildcard` (warning): `**` inside a word is the same as `*` (globs have no `**`);
 * - `codebook/glob-looks-like-regex` (warning): regular-expression syntax in a glob, where it is literal.
 */
export function checkGlobTerms(code: Code, where: string, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const term of code.terms) {
    if (term.kind !== 'glob') continue;
    const at: SourcePosition = term.position ?? code.position ?? { line: 1, column: 1 };
    const words = significantWords(term);
    if (words.length > 0 && words.every((word) => ONLY_WILDCARDS.test(word))) {
      found.push(
        toDiagnostic(
          'error',
          'codebook/invalid-glob',
          file,
          at,
          `Term \`${term.value}\` of ${where} is only wildcards, so it matches ${term.value.includes('*') ? 'every token' : 'every token of that length'} and would count almost every word.`,
          'Put letters around the wildcard (`sensor*`, `colo?r`); a `*` stands for the rest of a word, not for a whole word on its own. In a phrase, keep at least one real word (`public * participation`).',
        ),
      );
      continue;
    }
    if (STAR_RUN.test(term.value)) {
      found.push(
        toDiagnostic(
          'warning',
          'codebook/redundant-wildcard',
          file,
          at,
          `Term \`${term.value}\` of ${where} has \`**\`; in a glob that is the same as one \`*\` (there is no "any number of words" wildcard).`,
          `Write \`${term.value.replace(/\*{2,}/gu, '*')}\`. To allow a word in between, write a phrase with a separate \`*\` word (\`public * participation\`).`,
        ),
      );
    }
    if (REGEX_SYNTAX.test(term.value)) {
      found.push(
        toDiagnostic(
          'warning',
          'codebook/glob-looks-like-regex',
          file,
          at,
          `Term \`${term.value}\` of ${where} looks like a regular expression, but it is a glob: \`. [ ] | \\ ^ $\` are matched as written, so it will hardly ever match.`,
          'Add `kind: regex` to the term (`{ term: "^e-?gov", kind: regex }`), or write it as a glob: `*` for any run of characters, `?` for one.',
        ),
      );
    }
  }
  return found;
}

/** The words of a glob as the matcher sees them: a `*` word glued to CJK characters is dropped (it adds nothing). */
function significantWords(term: Term): string[] {
  const tokenized = tokenize(term.value, { wildcards: true });
  const { folded } = tokenized;
  const tokens = tokensOf(tokenized);
  const text = (token: Token) => folded.slice(token.start, token.end);
  return tokens.filter((token, k) => !(/^\*+$/u.test(text(token)) && touchesCjk(tokens, k))).map(text);
}
