import type { Codebook, Diagnostic, Term, Token } from '../types.ts';
import { tokenize, tokensOf } from '../text/tokenize.ts';
import { toTokenNorm } from '../text/fold-text.ts';
import { toDiagnostic } from './create-reporter.ts';
import { touchesCjk } from './touches-cjk.ts';
import { coversPattern, type PatternElement } from './covers-pattern.ts';

/** A glob or exact term as the matcher sees it: one pattern per token, in both case forms. */
interface TermShape {
  term: Term;
  index: number;
  lower: PatternElement[][];
  cased: PatternElement[][];
  /** No wildcard anywhere: the matcher prefers it over a pattern of the same length. */
  literal: boolean;
}

/**
 * Terms of one code that another term of the same code makes pointless. Within a code the matcher
 * credits, at each place, the longest matching term, then a literal over a pattern of the same
 * length, then the earlier term. So when term S matches every token sequence term T matches, with
 * the same number of tokens:
 * - if S wins that tie, T can never be credited with a match: `codebook/shadowed-term` (warning),
 *   e.g. `sensor?` after `sensor*`;
 * - if T wins it, T adds no count that S would not make; it only takes the credit in terms.csv
 *   and evidence.csv: `codebook/redundant-term` (info), e.g. `sensors` next to `sensor*`.
 * Only glob and exact terms are compared; a wildcard glued to Chinese/Japanese characters, and
 * regex, stem and lemma terms, are left alone (nothing is reported that cannot be proved).
 * Terms listed twice are `codebook/duplicate-term` already and are not compared.
 */
export function checkShadowedTerms(codebook: Codebook): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const theme of codebook.themes) {
    for (const code of theme.codes) {
      const shapes = code.terms.map(toShape);
      const byAffix = indexByAffix(shapes);
      for (const t of shapes) {
        if (!t) continue;
        const covering = mayCover(byAffix, t).filter((s) => s !== t && !sameEntry(s.term, t.term) && covers(s, t));
        const winner = covering.find((s) => beats(s, t));
        // Two equivalent terms: only the one that loses the tie is reported (as shadowed).
        const other = winner ?? covering.find((s) => !covers(t, s));
        if (!other) continue;
        const where = `code \`${code.id}\` of theme \`${theme.id}\``;
        const otherAt = other.term.position ? ` (line ${other.term.position.line}, column ${other.term.position.column})` : '';
        const at = t.term.position ?? code.position ?? { line: 1, column: 1 };
        if (winner) {
          const why = winner.literal && !t.literal ? 'it is a literal and literals win over patterns' : 'it comes first in the list';
          found.push(
            toDiagnostic(
              'warning',
              'codebook/shadowed-term',
              codebook.path,
              at,
              `Term \`${t.term.value}\` of ${where} can never be credited with a match: \`${winner.term.value}\`${otherAt} matches everything it matches, over the same tokens, and wins the tie because ${why}.`,
              t.literal || !winner.literal
                ? `Remove \`${t.term.value}\` (no count changes), or move it above \`${winner.term.value}\` if you want its matches listed under it in terms.csv.`
                : `Remove \`${t.term.value}\`: no count changes.`,
            ),
          );
        } else {
          found.push(
            toDiagnostic(
              'info',
              'codebook/redundant-term',
              codebook.path,
              at,
              `Term \`${t.term.value}\` of ${where} adds no count: \`${other.term.value}\`${otherAt} matches everything it matches, over the same tokens. It only takes the credit for those matches in terms.csv and evidence.csv.`,
              `Keep it if you want \`${t.term.value}\` counted separately in terms.csv; otherwise remove it (no count changes).`,
            ),
          );
        }
      }
    }
  }
  return found;
}

function covers(s: TermShape, t: TermShape): boolean {
  if (s.lower.length !== t.lower.length) return false;
  if (s.term.caseSensitive && !t.term.caseSensitive) return false;
  const [sWords, tWords] = s.term.caseSensitive ? [s.cased, t.cased] : [s.lower, t.lower];
  return sWords.every((word, k) => affixesAllow(word, tWords[k]!) && coversPattern(word, tWords[k]!));
}

/**
 * The terms filed by the first character of their first word's literal prefix (`sensor*`: `s`), or,
 * without one, the last character of their last word's literal suffix (`*ization`: `n`); `*a*` and
 * the like in `anywhere`. Each in the form it is compared in (cased if case-sensitive).
 */
interface AffixIndex {
  byFirst: Map<string, TermShape[]>;
  byLast: Map<string, TermShape[]>;
  anywhere: TermShape[];
}

function indexByAffix(shapes: Array<TermShape | undefined>): AffixIndex {
  const index: AffixIndex = { byFirst: new Map(), byLast: new Map(), anywhere: [] };
  for (const s of shapes) {
    if (!s) continue;
    const words = s.term.caseSensitive ? s.cased : s.lower;
    const first = literalPrefix(words[0]!)[0];
    const last = literalSuffix(words[words.length - 1]!).at(-1);
    if (first !== undefined) pushShape(index.byFirst, `${s.term.caseSensitive}|${first}`, s);
    else if (last !== undefined) pushShape(index.byLast, `${s.term.caseSensitive}|${last}`, s);
    else index.anywhere.push(s);
  }
  return index;
}

/**
 * The terms that may cover `t`, in list order. Every word `t` matches starts with `t`'s literal
 * prefix and then, if `t` has a wildcard, may go on with any character; so a term can cover `t`
 * only if its literal prefix is a prefix of `t`'s (and its suffix a suffix of `t`'s): its first
 * character is `t`'s. Saves comparing every pair of a code's terms (1,000 terms: a million).
 */
function mayCover(index: AffixIndex, t: TermShape): TermShape[] {
  const found = [...index.anywhere];
  for (const caseSensitive of [false, true]) {
    const words = caseSensitive ? t.cased : t.lower;
    const first = literalPrefix(words[0]!)[0];
    const last = literalSuffix(words[words.length - 1]!).at(-1);
    if (first !== undefined) found.push(...(index.byFirst.get(`${caseSensitive}|${first}`) ?? []));
    if (last !== undefined) found.push(...(index.byLast.get(`${caseSensitive}|${last}`) ?? []));
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A necessary condition for `coversPattern(outer, inner)`, cheap enough to test first. */
function affixesAllow(outer: readonly PatternElement[], inner: readonly PatternElement[]): boolean {
  const [outerPrefix, innerPrefix] = [literalPrefix(outer), literalPrefix(inner)];
  const [outerSuffix, innerSuffix] = [literalSuffix(outer), literalSuffix(inner)];
  return (
    outerPrefix.length <= innerPrefix.length &&
    outerPrefix.every((char, k) => char === innerPrefix[k]) &&
    outerSuffix.length <= innerSuffix.length &&
    outerSuffix.every((char, k) => char === innerSuffix[innerSuffix.length - outerSuffix.length + k])
  );
}

/** The characters before the first wildcard. */
function literalPrefix(word: readonly PatternElement[]): string[] {
  const prefix: string[] = [];
  for (const element of word) {
    if (!('char' in element)) break;
    prefix.push(element.char);
  }
  return prefix;
}

/** The characters after the last wildcard. */
function literalSuffix(word: readonly PatternElement[]): string[] {
  const suffix: string[] = [];
  for (let k = word.length - 1; k >= 0; k--) {
    const element = word[k]!;
    if (!('char' in element)) break;
    suffix.unshift(element.char);
  }
  return suffix;
}

function pushShape(map: Map<string, TermShape[]>, key: string, shape: TermShape): void {
  const bucket = map.get(key);
  if (bucket) bucket.push(shape);
  else map.set(key, [shape]);
}

/** The matcher's tie-break at equal length: a literal beats a pattern, then the earlier term wins. */
function beats(s: TermShape, t: TermShape): boolean {
  if (s.literal !== t.literal) return s.literal;
  return s.index < t.index;
}

/** The key `codebook/duplicate-term` uses: those pairs are already reported. */
function sameEntry(a: Term, b: Term): boolean {
  const key = (term: Term) => `${term.kind}|${term.caseSensitive ? term.value : term.value.toLowerCase()}|${term.caseSensitive}`;
  return key(a) === key(b);
}

function toShape(term: Term, index: number): TermShape | undefined {
  if (term.kind !== 'glob' && term.kind !== 'exact') return undefined;
  const glob = term.kind === 'glob';
  const tokenized = tokenize(term.value, { wildcards: glob });
  const { folded } = tokenized;
  const tokens = tokensOf(tokenized);
  if (tokens.length === 0) return undefined;
  const text = (token: Token) => folded.slice(token.start, token.end);
  if (glob && tokens.some((token, k) => /[*?]/u.test(text(token)) && touchesCjk(tokens, k))) return undefined;
  const toPattern = (form: string): PatternElement[] =>
    Array.from(form, (char): PatternElement => (glob && char === '*' ? { star: true } : glob && char === '?' ? { any: true } : { char }));
  const lower = tokens.map((token) => toPattern(toTokenNorm(text(token))));
  const cased = tokens.map((token) => toPattern(toTokenNorm(text(token), true)));
  const literal = lower.every((word) => word.every((element) => 'char' in element));
  return { term, index, lower, cased, literal };
}
