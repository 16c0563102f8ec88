import type { ExcludedMatch, Match, TokenizedText } from '../types.ts';
import { charClassOf, CJK } from '../text/char-class.ts';
import { toTokenNorm } from '../text/fold-text.ts';
import { CJK_TOKEN, LINE_GAP, NO_GAP, normAt, normEquals, PARAGRAPH_GAP } from '../text/tokenize.ts';
import type { CompiledCodebook, TermIndex } from './compile-codebook.ts';
import type { CompiledTerm, Step } from './compile-term.ts';
import { stemWord } from './stem-word.ts';
import { lemmatizeWord } from './lemmatize-word.ts';
import { applyCodeRules } from './apply-code-rules.ts';
import { icuWordStarts, type WordSegmenter } from '../text/cjk-word-breaks.ts';

const NO_CANDIDATES: CompiledTerm[] = [];

/** The counted matches of a document (context rules applied). */
export function findMatches(tokenized: TokenizedText, codebook: CompiledCodebook): Match[] {
  return findMatchesWithRules(tokenized, codebook).matches;
}

/**
 * Counted matches, and the matches that context rules rejected (kept as evidence). `segment` splits
 * CJK runs into words for `boundary: word` terms only (ICU by default; tests pass their own).
 */
export function findMatchesWithRules(
  tokenized: TokenizedText,
  codebook: CompiledCodebook,
  segment: WordSegmenter = icuWordStarts,
): { matches: Match[]; excluded: ExcludedMatch[] } {
  const matches = scanTerms(tokenized, codebook);
  if (!codebook.hasRules) return { matches, excluded: [] };
  const ruleMatches = codebook.ruleIndex ? scanTerms(tokenized, codebook.ruleIndex) : [];
  return applyCodeRules(matches, tokenized, codebook.codeRules, ruleMatches, segment);
}

/**
 * One left-to-right pass. Codes are independent; within a code a token counts once: at each
 * position the longest term wins (a literal beats a pattern of the same length, then codebook
 * order), and the tokens it covers are consumed for that code.
 */
export function scanTerms(tokenized: TokenizedText, index: TermIndex): Match[] {
  const { count, starts, ends, norms, hashes, folded } = tokenized;
  const { candidateCache, firstTokenFilter } = index;
  const consumedUntil = new Int32Array(index.codes.length);
  const matches: Match[] = [];
  for (let i = 0; i < count; i++) {
    const hash = hashes[i]!;
    // A plain-ASCII word (hash not 0) is looked up without making its norm.
    const candidates =
      hash === 0
        ? tokenized.unhyphenated?.has(i)
          ? candidatesForBoth(norms[i]!, toTokenNorm(tokenized.unhyphenated.get(i)!), index)
          : candidatesFor(norms[i]!, index)
        : !firstTokenFilter.mayStart(hash, folded, starts[i]!, ends[i]!)
          ? NO_CANDIDATES
          : (candidateCache.getAsciiLower(hash, folded, starts[i]!, ends[i]!) ?? candidatesFor(normAt(tokenized, i), index));
    // Candidates come grouped by code, codes in ascending order: pick each code's best in one pass.
    let c = 0;
    while (c < candidates.length) {
      const codeIndex = candidates[c]!.codeIndex;
      let best: CompiledTerm | undefined;
      let bestLength = 0;
      for (; c < candidates.length && candidates[c]!.codeIndex === codeIndex; c++) {
        const term = candidates[c]!;
        if (consumedUntil[codeIndex]! > i) continue;
        const length = matchLength(term, tokenized, i, index);
        if (length > 0 && (!best || beats(term, length, best, bestLength))) {
          best = term;
          bestLength = length;
        }
      }
      if (!best) continue;
      consumedUntil[codeIndex] = i + bestLength;
      matches.push({
        codeIndex,
        termIndex: best.termIndex,
        start: starts[i]!,
        end: ends[i + bestLength - 1]!,
        firstToken: i,
        endToken: i + bestLength,
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

/** `candidatesFor` either form of a word broken by a line-end hyphen (rare), merged in the same order. */
function candidatesForBoth(norm: string, unhyphenated: string, index: TermIndex): CompiledTerm[] {
  const merged = [...new Set([...candidatesFor(norm, index), ...candidatesFor(unhyphenated, index)])];
  return merged.sort((a, b) => a.codeIndex - b.codeIndex || a.termIndex - b.termIndex);
}

/** The terms that may start at a token with this form, grouped by code, codes in ascending order. */
export function candidatesFor(norm: string, index: TermIndex): CompiledTerm[] {
  const cached = index.candidateCache.get(norm);
  if (cached) return cached;
  const found = [
    ...(index.byFirstLiteral.get(norm) ?? NO_CANDIDATES),
    ...(index.byFirstStem.size > 0 ? (index.byFirstStem.get(stemOf(norm, index)) ?? NO_CANDIDATES) : NO_CANDIDATES),
    ...(index.byFirstLemma.size > 0 ? (index.byFirstLemma.get(lemmaOf(norm, index)) ?? NO_CANDIDATES) : NO_CANDIDATES),
    ...patternCandidates(norm, index),
  ];
  // A stable sort: within a code, the order the terms were found in stays.
  const candidates = found.length === 0 ? NO_CANDIDATES : found.sort((a, b) => a.codeIndex - b.codeIndex);
  index.candidateCache.set(detached(norm), candidates);
  return candidates;
}

/**
 * The token form as a string of its own: V8 keeps a slice of 13 or more characters as a view into
 * the whole text, and the caches keyed by forms live as long as the thread, so one new long word
 * would keep its document's text alive.
 */
function detached(norm: string): string {
  return norm.length < 13 ? norm : ` ${norm}`.slice(1);
}

/**
 * The pattern-initial terms whose first step accepts `norm`, in codebook order: only globs whose
 * prefix `norm` starts with, or (globs without a prefix) whose suffix it ends with, are tested.
 */
function patternCandidates(norm: string, index: TermIndex): CompiledTerm[] {
  if (index.patternInitial.length === 0) return NO_CANDIDATES;
  let positions = index.unprefixed;
  const add = (more: number[] | undefined): void => {
    if (!more) return;
    if (positions === index.unprefixed) positions = [...positions, ...more];
    else positions.push(...more);
  };
  const longestPrefix = Math.min(norm.length, index.longestPrefix);
  for (let length = 1; length <= longestPrefix; length++) add(index.patternsByPrefix.get(norm.slice(0, length)));
  const longestSuffix = Math.min(norm.length, index.longestSuffix);
  for (let length = 1; length <= longestSuffix; length++) add(index.patternsBySuffix.get(norm.slice(norm.length - length)));
  if (positions !== index.unprefixed) positions.sort((a, b) => a - b);
  const found: CompiledTerm[] = [];
  for (const position of positions) {
    const term = index.patternInitial[position]!;
    if (stepAcceptsNorm(term.steps[0]!, norm, index)) found.push(term);
  }
  return found;
}

function stemOf(norm: string, index: TermIndex): string {
  let form = index.stemCache.get(norm);
  if (form === undefined) {
    const key = detached(norm);
    index.stemCache.set(key, (form = isWordForm(key) ? stemWord(key) : key));
  }
  return form;
}

function lemmaOf(norm: string, index: TermIndex): string {
  let form = index.lemmaCache.get(norm);
  if (form === undefined) {
    const key = detached(norm);
    index.lemmaCache.set(key, (form = isWordForm(key) ? lemmatizeWord(key) : key));
  }
  return form;
}

/** Stems and lemmas apply to Latin-script words, not to CJK characters or symbols. */
function isWordForm(norm: string): boolean {
  return /^[\p{L}\p{N}]/u.test(norm) && charClassOf(norm.codePointAt(0)!) !== CJK;
}

/** Case-insensitive test on the token's matching form; case is checked later for case-sensitive terms. */
function stepAcceptsNorm(step: Step, norm: string, index: TermIndex): boolean {
  switch (step.kind) {
    case 'literal':
      return step.norm === norm;
    case 'glob':
      return step.lower.test(norm);
    case 'regex':
      return step.lower.test(norm);
    case 'stem':
      return stemOf(norm, index) === step.form;
    case 'lemma':
      return lemmaOf(norm, index) === step.form;
    case 'any-cjk':
      return norm.length <= 2 && charClassOf(norm.codePointAt(0)!) === CJK;
  }
}

/** How many tokens `term` covers when it matches at token `start`, else 0. */
export function matchLength(term: CompiledTerm, tokenized: TokenizedText, start: number, index: TermIndex): number {
  const count = term.steps.length;
  if (start + count > tokenized.count) return 0;
  for (let s = 0; s < count; s++) {
    const token = start + s;
    if (s > 0 && (breaksCjkSequence(tokenized, token) || tokenized.gaps[token] === PARAGRAPH_GAP)) return 0;
    if (s > 0 && !stepAcceptsToken(term.steps[s]!, tokenized, token, index)) return 0;
    if (term.caseSensitive && !stepAcceptsCase(term.steps[s]!, tokenized, token)) return 0;
  }
  return count;
}

function stepAcceptsToken(step: Step, tokenized: TokenizedText, token: number, index: TermIndex): boolean {
  if (step.kind === 'literal' ? normEquals(tokenized, token, step.norm) : stepAcceptsNorm(step, normAt(tokenized, token), index)) return true;
  const unhyphenated = tokenized.unhyphenated?.get(token);
  return unhyphenated !== undefined && stepAcceptsNorm(step, toTokenNorm(unhyphenated), index);
}

/** Between two CJK characters only nothing or a single line break (PDF wrapping) continues a sequence. */
function breaksCjkSequence(tokenized: TokenizedText, token: number): boolean {
  const { kinds, gaps } = tokenized;
  return kinds[token - 1] === CJK_TOKEN && kinds[token] === CJK_TOKEN && gaps[token] !== NO_GAP && gaps[token] !== LINE_GAP;
}

/** Stems and lemmas ignore case; literals, globs and regexes compare the token as written. */
function stepAcceptsCase(step: Step, tokenized: TokenizedText, token: number): boolean {
  if (step.kind !== 'literal' && step.kind !== 'glob' && step.kind !== 'regex') return true;
  const accepts = (cased: string) => (step.kind === 'literal' ? step.cased === cased : step.cased.test(cased));
  if (accepts(toTokenNorm(tokenized.folded.slice(tokenized.starts[token], tokenized.ends[token]), true))) return true;
  const unhyphenated = tokenized.unhyphenated?.get(token);
  return unhyphenated !== undefined && accepts(toTokenNorm(unhyphenated, true));
}
