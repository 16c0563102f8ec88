import type { Match, Token, TokenizedText } from '../types.ts';
import { charClassOf, CJK } from '../text/char-class.ts';
import { toTokenNorm } from '../text/fold-text.ts';
import type { CompiledCodebook } from './compile-codebook.ts';
import type { CompiledTerm, Step } from './compile-term.ts';

const NO_CANDIDATES: CompiledTerm[] = [];

/**
 * Finds every counted match in one left-to-right pass. Codes are independent; within a code a
 * token counts once: at each position the longest term wins (a literal beats a glob of the same
 * length, then codebook order), and the tokens it covers are consumed for that code.
 */
export function findMatches(tokenized: TokenizedText, codebook: CompiledCodebook): Match[] {
  const { tokens } = tokenized;
  const consumedUntil = new Int32Array(codebook.codes.length);
  const matches: Match[] = [];
  const bestByCode = new Map<number, { term: CompiledTerm; length: number }>();
  for (let i = 0; i < tokens.length; i++) {
    const candidates = candidatesFor(tokens[i]!.norm, codebook);
    if (candidates.length === 0) continue;
    bestByCode.clear();
    for (const term of candidates) {
      if (consumedUntil[term.codeIndex]! > i) continue;
      const length = matchLength(term, tokenized, i);
      if (length === 0) continue;
      const best = bestByCode.get(term.codeIndex);
      if (!best || beats(term, length, best.term, best.length)) bestByCode.set(term.codeIndex, { term, length });
    }
    for (const codeIndex of [...bestByCode.keys()].sort((a, b) => a - b)) {
      const { term, length } = bestByCode.get(codeIndex)!;
      consumedUntil[codeIndex] = i + length;
      matches.push({
        codeIndex,
        termIndex: term.termIndex,
        start: tokens[i]!.start,
        end: tokens[i + length - 1]!.end,
        firstToken: i,
        endToken: i + length,
      });
    }
  }
  return matches;
}

function beats(term: CompiledTerm, length: number, other: CompiledTerm, otherLength: number): boolean {
  if (length !== otherLength) return length > otherLength;
  if (term.literal !== other.literal) return term.literal;
  return term.termIndex < other.termIndex;
}

function candidatesFor(norm: string, codebook: CompiledCodebook): CompiledTerm[] {
  const cached = codebook.candidateCache.get(norm);
  if (cached) return cached;
  const literal = codebook.byFirstLiteral.get(norm) ?? NO_CANDIDATES;
  const globs = codebook.globInitial.filter((term) => stepAcceptsNorm(term.steps[0]!, norm));
  const candidates = globs.length === 0 ? literal : [...literal, ...globs];
  codebook.candidateCache.set(norm, candidates);
  return candidates;
}

/** Case-insensitive test on the token's matching form; case is checked later for case-sensitive terms. */
function stepAcceptsNorm(step: Step, norm: string): boolean {
  switch (step.kind) {
    case 'literal':
      return step.norm === norm;
    case 'glob':
      return step.lower.test(norm);
    case 'any-cjk':
      return norm.length <= 2 && charClassOf(norm.codePointAt(0)!) === CJK;
  }
}

function matchLength(term: CompiledTerm, tokenized: TokenizedText, start: number): number {
  const { tokens } = tokenized;
  const count = term.steps.length;
  if (start + count > tokens.length) return 0;
  for (let s = 0; s < count; s++) {
    const token = tokens[start + s]!;
    if (s > 0 && breaksCjkSequence(tokens[start + s - 1]!, token)) return 0;
    if (s > 0 && !stepAcceptsNorm(term.steps[s]!, token.norm)) return 0;
    if (term.caseSensitive && !stepAcceptsCase(term.steps[s]!, token, tokenized.folded)) return 0;
  }
  return count;
}

/** Between two CJK characters only nothing or a single line break (PDF wrapping) continues a sequence. */
function breaksCjkSequence(previous: Token, token: Token): boolean {
  return previous.kind === 'cjk' && token.kind === 'cjk' && (token.gap === 'space' || token.gap === 'paragraph');
}

function stepAcceptsCase(step: Step, token: Token, folded: string): boolean {
  const cased = toTokenNorm(folded.slice(token.start, token.end), true);
  switch (step.kind) {
    case 'literal':
      return step.cased === cased;
    case 'glob':
      return step.cased.test(cased);
    case 'any-cjk':
      return true;
  }
}
