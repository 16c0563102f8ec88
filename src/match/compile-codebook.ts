import type { Codebook, Diagnostic, Term } from '../types.ts';
import { compileTermSteps, type CompiledTerm } from './compile-term.ts';
import { compileCodeRules, type CompiledCodeRules } from './compile-code-rules.ts';
import { NormTable } from './norm-table.ts';
import { FirstTokenFilter } from './first-token-filter.ts';

export interface CodeRef {
  theme: string;
  code: string;
  terms: Term[];
}

/**
 * Terms compiled once per run into an index keyed by the first token each term needs, so the
 * matcher looks at a handful of candidates per token whatever the codebook's size. Terms whose
 * first step is a glob or regex are tested once per distinct token form (`candidateCache`);
 * stem and lemma terms are keyed by the form, computed once per distinct token (`formCache`).
 */
export interface TermIndex {
  codes: CodeRef[];
  byFirstLiteral: Map<string, CompiledTerm[]>;
  byFirstStem: Map<string, CompiledTerm[]>;
  byFirstLemma: Map<string, CompiledTerm[]>;
  patternInitial: CompiledTerm[];
  /**
   * Positions in `patternInitial` of the glob-initial terms by their literal prefix, so a token is
   * tested only against the globs whose prefix it starts with; globs without a prefix (`*city`)
   * are filed by their literal suffix in `patternsBySuffix`; the rest (`*a*`, regex, any-CJK)
   * are in `unprefixed`. Keeps the cost flat as a codebook grows to thousands of globs.
   */
  patternsByPrefix: Map<string, number[]>;
  patternsBySuffix: Map<string, number[]>;
  unprefixed: number[];
  longestPrefix: number;
  longestSuffix: number;
  candidateCache: NormTable<CompiledTerm[]>;
  /** Rules out most plain-ASCII words that start no term before `candidateCache` is asked. */
  firstTokenFilter: FirstTokenFilter;
  stemCache: Map<string, string>;
  lemmaCache: Map<string, string>;
}

export interface CompiledCodebook extends TermIndex {
  /** Context rules by code index (undefined for codes without rules). */
  codeRules: Array<CompiledCodeRules | undefined>;
  /** The rules' own values (exceptions, cues, near-terms), one pseudo-code per list. */
  ruleIndex: TermIndex | undefined;
  /** Whether any code has a rule or a `boundary: word` term (else matching skips the rules step). */
  hasRules: boolean;
}

export function compileCodebook(codebook: Codebook): { compiled: CompiledCodebook; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const codes = codebook.themes.flatMap((theme) =>
    theme.codes.map((code) => ({ ref: { theme: theme.id, code: code.id, terms: code.terms }, rules: code.rules })),
  );
  const index = compileTermIndex(
    codes.map((code) => code.ref),
    codebook.path,
    diagnostics,
  );
  const ruleCodes: CodeRef[] = [];
  const codeRules = codes.map(({ ref, rules }) => compileCodeRules(ref, rules, ruleCodes));
  const ruleIndex = ruleCodes.length > 0 ? compileTermIndex(ruleCodes, codebook.path, diagnostics) : undefined;
  const hasRules = codeRules.some((rules) => rules !== undefined);
  return { compiled: { ...index, codeRules, ruleIndex, hasRules }, diagnostics };
}

export function compileTermIndex(codes: CodeRef[], file: string, diagnostics: Diagnostic[]): TermIndex {
  const index: Omit<TermIndex, 'firstTokenFilter'> = {
    codes,
    byFirstLiteral: new Map(),
    byFirstStem: new Map(),
    byFirstLemma: new Map(),
    patternInitial: [],
    patternsByPrefix: new Map(),
    patternsBySuffix: new Map(),
    unprefixed: [],
    longestPrefix: 0,
    longestSuffix: 0,
    candidateCache: new NormTable(),
    stemCache: new Map(),
    lemmaCache: new Map(),
  };
  codes.forEach((code, codeIndex) => {
    code.terms.forEach((term, termIndex) => {
      const result = compileTermSteps(term);
      if ('problem' in result) {
        diagnostics.push(unmatchable(code, term, result, file));
        return;
      }
      const literal = result.steps.every((step) => step.kind === 'literal');
      addToIndex(index, { codeIndex, termIndex, steps: result.steps, caseSensitive: term.caseSensitive, literal });
    });
  });
  return { ...index, firstTokenFilter: new FirstTokenFilter(index) };
}

function addToIndex(index: Omit<TermIndex, 'firstTokenFilter'>, term: CompiledTerm): void {
  const first = term.steps[0]!;
  if (first.kind === 'literal') push(index.byFirstLiteral, first.norm, term);
  else if (first.kind === 'stem') push(index.byFirstStem, first.form, term);
  else if (first.kind === 'lemma') push(index.byFirstLemma, first.form, term);
  else {
    const position = index.patternInitial.push(term) - 1;
    const prefix = first.kind === 'glob' ? usableAffix(first.prefix) : '';
    const suffix = first.kind === 'glob' && prefix === '' ? usableAffix(first.suffix) : '';
    if (prefix !== '') {
      pushPosition(index.patternsByPrefix, prefix, position);
      index.longestPrefix = Math.max(index.longestPrefix, prefix.length);
    } else if (suffix !== '') {
      pushPosition(index.patternsBySuffix, suffix, position);
      index.longestSuffix = Math.max(index.longestSuffix, suffix.length);
    } else index.unprefixed.push(position);
  }
}

/** An affix with a surrogate could meet a token differently under the regex's Unicode mode: such globs are tested always. */
function usableAffix(affix: string): string {
  return /[\uD800-\uDFFF]/.test(affix) ? '' : affix;
}

function pushPosition(map: Map<string, number[]>, key: string, position: number): void {
  const positions = map.get(key);
  if (positions) positions.push(position);
  else map.set(key, [position]);
}

function push(map: Map<string, CompiledTerm[]>, key: string, term: CompiledTerm): void {
  const bucket = map.get(key);
  if (bucket) bucket.push(term);
  else map.set(key, [term]);
}

function unmatchable(code: CodeRef, term: Term, result: { problem: string; hint: string }, file: string): Diagnostic {
  return {
    severity: 'warning',
    rule: 'codebook/unmatchable-term',
    message: `In code "${code.theme}/${code.code}", ${result.problem}; the term is ignored.`,
    file,
    line: term.position?.line,
    column: term.position?.column,
    hint: result.hint,
  };
}
