import type { Term, Token } from '../types.ts';
import { tokenize, tokensOf } from '../text/tokenize.ts';
import { compileLinearRegex, type LinearRegex } from '../text/compile-linear-regex.ts';
import { toTokenNorm } from '../text/fold-text.ts';
import { stemWord } from './stem-word.ts';
import { lemmatizeWord } from './lemmatize-word.ts';

/**
 * One position of a term: a literal token, a glob over a whole token (`prefix`: its lower-cased
 * text before the first wildcard, which every token it accepts starts with, and `suffix`: after the
 * last wildcard, which every such token ends with), a regular expression
 * searched in a token, a word with the same stem or lemma, or any single CJK character.
 */
export type Step =
  | { kind: 'literal'; norm: string; cased: string }
  | { kind: 'glob'; lower: RegExp; cased: RegExp; prefix: string; suffix: string }
  | { kind: 'regex'; lower: LinearRegex; cased: LinearRegex }
  | { kind: 'stem'; form: string }
  | { kind: 'lemma'; form: string }
  | { kind: 'any-cjk' };

export interface CompiledTerm {
  codeIndex: number;
  termIndex: number;
  steps: Step[];
  caseSensitive: boolean;
  /** True when no step has a wildcard: a literal beats a glob of the same length. */
  literal: boolean;
}

export type CompileTermResult = { steps: Step[] } | { problem: string; hint: string };

const onlyStars = /^\*+$/;
const onlyQuestionMarks = /^\?+$/;

/**
 * Tokenizes a term value with the document tokenizer, so a term and the text it should match are
 * split by the same rules. Wildcards at the edge of a CJK value are dropped: a CJK value already
 * matches inside longer character runs (`布隆迪*` is `布隆迪`).
 */
export function compileTermSteps(term: Term): CompileTermResult {
  if (term.kind === 'regex') return compileRegexSteps(term.value);
  if (term.kind === 'stem' || term.kind === 'lemma') return compileWordFormSteps(term.value, term.kind);
  const isGlob = term.kind === 'glob';
  const tokenized = tokenize(term.value, { wildcards: isGlob });
  const { folded } = tokenized;
  const tokens = tokensOf(tokenized);
  const kept = isGlob ? dropCjkEdgeStars(tokens) : tokens;
  if ('problem' in kept) return kept;
  if (kept.length === 0) {
    return { problem: `the term "${term.value}" has no letters, digits or symbols to match`, hint: 'remove the term or give it a value' };
  }
  const steps: Step[] = [];
  for (const token of kept) {
    const text = folded.slice(token.start, token.end);
    if (isGlob && onlyQuestionMarks.test(text) && touchesCjk(kept, token)) {
      for (let k = 0; k < text.length; k++) steps.push({ kind: 'any-cjk' });
    } else if (isGlob && /[*?]/.test(text)) {
      const lower = toTokenNorm(text);
      steps.push({
        kind: 'glob',
        lower: globToRegExp(lower),
        cased: globToRegExp(toTokenNorm(text, true)),
        prefix: lower.slice(0, lower.search(/[*?]/)),
        suffix: lower.slice(lastWildcard(lower) + 1),
      });
    } else {
      steps.push({ kind: 'literal', norm: token.norm, cased: toTokenNorm(text, true) });
    }
  }
  return { steps };
}

/** quanteda's `regex` value type: one pattern per whitespace-separated word, searched (not anchored) in each token, in linear time. */
function compileRegexSteps(value: string): CompileTermResult {
  const steps: Step[] = [];
  for (const pattern of value.split(/\s+/).filter(Boolean)) {
    const compiled = compileRegExp(pattern);
    if ('problem' in compiled) return compiled;
    steps.push({ kind: 'regex', ...compiled });
  }
  return steps.length > 0 ? { steps } : { problem: 'the regular expression is empty', hint: 'write a pattern or remove the term' };
}

/** A regex in the linear-time engine (text/compile-linear-regex.ts): it cannot hang on any token. */
export function compileRegExp(pattern: string): { lower: LinearRegex; cased: LinearRegex } | { problem: string; hint: string } {
  const lower = compileLinearRegex(pattern, { ignoreCase: true });
  const cased = compileLinearRegex(pattern, { ignoreCase: false });
  if ('regex' in lower && 'regex' in cased) return { lower: lower.regex, cased: cased.regex };
  return {
    problem: `"${pattern}" cannot be used as a regular expression: ${'problem' in lower ? lower.problem : (cased as { problem: string }).problem}`,
    hint: REGEX_HINT,
  };
}

export const REGEX_HINT =
  "fix the pattern (RE2 syntax, close to JavaScript's without lookaround or backreferences: escape `( ) [ ] { } . * + ? ^ $ | \\` to match them literally), or use kind: glob for simple wildcards";

/** Words become stem or lemma steps; symbols and CJK characters stay literal. */
function compileWordFormSteps(value: string, kind: 'stem' | 'lemma'): CompileTermResult {
  const tokenized = tokenize(value);
  const { folded } = tokenized;
  const tokens = tokensOf(tokenized);
  if (tokens.length === 0) return { problem: `the term "${value}" has no words`, hint: 'remove the term or give it a value' };
  const toForm = kind === 'stem' ? stemWord : lemmatizeWord;
  return {
    steps: tokens.map(
      (token): Step =>
        token.kind === 'word'
          ? { kind, form: toForm(token.norm) }
          : { kind: 'literal', norm: token.norm, cased: toTokenNorm(folded.slice(token.start, token.end), true) },
    ),
  };
}

function dropCjkEdgeStars(tokens: Token[]): Token[] | { problem: string; hint: string } {
  const kept: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (!onlyStars.test(token.norm) || !touchesCjk(tokens, token)) {
      kept.push(token);
      continue;
    }
    const atEdge = k === 0 || k === tokens.length - 1;
    if (!atEdge) {
      return {
        problem: `"*" between CJK characters is not supported`,
        hint: 'CJK terms match as character sequences; list the variants as separate terms instead',
      };
    }
  }
  return kept;
}

function touchesCjk(tokens: Token[], token: Token): boolean {
  const k = tokens.indexOf(token);
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return (before !== undefined && before.kind === 'cjk' && token.gap === 'none') || (after !== undefined && after.kind === 'cjk' && after.gap === 'none');
}

function lastWildcard(glob: string): number {
  return Math.max(glob.lastIndexOf('*'), glob.lastIndexOf('?'));
}

export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const char of glob) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'su');
}
