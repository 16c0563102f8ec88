import type { CodeRules } from '../types.ts';
import type { CodeRef } from './compile-codebook.ts';

/** A code's rules, with each value list compiled as one pseudo-code of the rule index. */
export interface CompiledCodeRules {
  /** Per term index, 1 when the term has `boundary: word`; absent when none has. */
  boundary?: Uint8Array;
  except?: number;
  negation?: { cues: number; window: number };
  near?: { terms: number; window?: number; within?: 'sentence' | 'paragraph' };
}

/**
 * Registers the rule value lists of one code as pseudo-codes in `ruleCodes` and returns their
 * indexes, with the terms that ask for a word-boundary check; undefined when the code has neither.
 */
export function compileCodeRules(code: CodeRef, rules: CodeRules | undefined, ruleCodes: CodeRef[]): CompiledCodeRules | undefined {
  const register = (suffix: string, terms: CodeRef['terms']): number => ruleCodes.push({ theme: code.theme, code: `${code.code} (${suffix})`, terms }) - 1;
  const compiled: CompiledCodeRules = {};
  if (code.terms.some((term) => term.boundary === 'word')) compiled.boundary = Uint8Array.from(code.terms, (term) => (term.boundary === 'word' ? 1 : 0));
  if (rules?.except && rules.except.length > 0) compiled.except = register('except', rules.except);
  if (rules?.negation) compiled.negation = { cues: register('negation cues', rules.negation.cues), window: rules.negation.window };
  if (rules?.near) {
    compiled.near = { terms: register('near', rules.near.terms) };
    if (rules.near.window !== undefined) compiled.near.window = rules.near.window;
    if (rules.near.within !== undefined) compiled.near.within = rules.near.within;
  }
  return Object.keys(compiled).length > 0 ? compiled : undefined;
}
