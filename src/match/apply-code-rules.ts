import type { ExcludedMatch, Match, TokenizedText } from '../types.ts';
import type { CompiledCodeRules } from './compile-code-rules.ts';
import { toTokenUnits } from './token-units.ts';
import { CjkWordBreaks, type WordSegmenter } from '../text/cjk-word-breaks.ts';

type Span = Pick<Match, 'firstToken' | 'endToken' | 'start' | 'end'>;
type Units = ReturnType<typeof toTokenUnits>;

/**
 * Filters matches through their code's context rules (boundary, except, negation, near). Rule
 * values were matched in the same pass over the text as pseudo-codes; their spans are sorted and
 * do not overlap within one list, so each check is a binary search. The word segmenter runs only
 * for matches of `boundary: word` terms, on the CJK run around each.
 */
export function applyCodeRules(
  matches: Match[],
  tokenized: TokenizedText,
  codeRules: ReadonlyArray<CompiledCodeRules | undefined>,
  ruleMatches: Match[],
  segment?: WordSegmenter,
): { matches: Match[]; excluded: ExcludedMatch[] } {
  const spansByList = new Map<number, Span[]>();
  for (const match of ruleMatches) {
    const spans = spansByList.get(match.codeIndex);
    if (spans) spans.push(match);
    else spansByList.set(match.codeIndex, [match]);
  }
  const spansOf = (list: number) => spansByList.get(list) ?? [];
  let units: Units | undefined;
  const unitsOf = () => (units ??= toTokenUnits(tokenized));
  let breaks: CjkWordBreaks | undefined;
  const breaksOf = () => (breaks ??= new CjkWordBreaks(tokenized, segment));
  const kept: Match[] = [];
  const excluded: ExcludedMatch[] = [];
  for (const match of matches) {
    const rules = codeRules[match.codeIndex];
    const rejection = rules && (boundaryRejection(match, rules, breaksOf) ?? rejectionOf(match, rules, spansOf, unitsOf, tokenized.text));
    if (rejection) excluded.push({ ...match, ...rejection });
    else kept.push(match);
  }
  return { matches: kept, excluded };
}

/** A `boundary: word` term's match that starts or ends inside a segmenter word. */
function boundaryRejection(match: Match, rules: CompiledCodeRules, breaksOf: () => CjkWordBreaks): Pick<ExcludedMatch, 'rule' | 'reason'> | undefined {
  if (rules.boundary?.[match.termIndex] !== 1) return undefined;
  const breaks = breaksOf();
  if (!breaks.straddles(match.firstToken, match.endToken)) return undefined;
  const words = breaks.wordsAround(match.firstToken, match.endToken);
  return { rule: 'boundary', reason: words.includes('|') ? `across the words "${words}"` : `inside the word "${words}"` };
}

function rejectionOf(
  match: Match,
  rules: CompiledCodeRules,
  spansOf: (list: number) => Span[],
  unitsOf: () => Units,
  text: string,
): Pick<ExcludedMatch, 'rule' | 'reason'> | undefined {
  if (rules.except !== undefined) {
    const spans = spansOf(rules.except);
    const overlap = spans[lastEndingBy(spans, match.firstToken) + 1];
    if (overlap && overlap.firstToken < match.endToken) return { rule: 'except', reason: `inside the exception "${text.slice(overlap.start, overlap.end)}"` };
  }
  if (rules.negation) {
    const spans = spansOf(rules.negation.cues);
    const cue = spans[lastEndingBy(spans, match.firstToken)];
    const { sentence } = unitsOf();
    if (cue && match.firstToken - cue.endToken <= rules.negation.window && sentence[cue.endToken - 1] === sentence[match.firstToken]) {
      return { rule: 'negation', reason: `after the negation cue "${text.slice(cue.start, cue.end)}"` };
    }
  }
  if (rules.near && !hasNeighbour(match, rules.near, spansOf(rules.near.terms), unitsOf)) {
    const where = rules.near.within ? `in the same ${rules.near.within}` : `within ${rules.near.window} tokens`;
    return { rule: 'near', reason: `no near-term ${where}` };
  }
  return undefined;
}

/** Index of the last span ending at or before `token`, or -1. */
function lastEndingBy(spans: readonly Span[], token: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.endToken <= token) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** Index of the first span starting at or after `token` (spans.length when none). */
function firstStartingFrom(spans: readonly Span[], token: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.firstToken < token) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The nearest non-overlapping near-term on each side decides: units are contiguous runs of tokens. */
function hasNeighbour(match: Match, near: NonNullable<CompiledCodeRules['near']>, spans: readonly Span[], unitsOf: () => Units): boolean {
  const before = spans[lastEndingBy(spans, match.firstToken)];
  const after = spans[firstStartingFrom(spans, match.endToken)];
  if (near.within) {
    const ids = near.within === 'sentence' ? unitsOf().sentence : unitsOf().paragraph;
    const own = ids[match.firstToken];
    return (before !== undefined && ids[before.firstToken] === own) || (after !== undefined && ids[after.firstToken] === own);
  }
  const window = near.window ?? 0;
  return (before !== undefined && match.firstToken - before.endToken <= window) || (after !== undefined && after.firstToken - match.endToken <= window);
}
