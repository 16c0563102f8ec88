import type { Codebook, CodeRules, Term, TokenizedText } from '../types.ts';
import { compileCodebook } from '../match/compile-codebook.ts';
import { findMatches } from '../match/find-matches.ts';
import { CJK_TOKEN, LINE_GAP, NO_GAP, PARAGRAPH_GAP, WORD_TOKEN, normAt, tokenize } from '../text/tokenize.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';

/** One judged match of a term: its sentence, where the match lies in it, and whether the reviewer accepted it. */
export interface JudgedPassage {
  accepted: boolean;
  text: string;
  start: number;
  end: number;
}

export type TermFixKind = 'except' | 'case' | 'boundary' | 'phrase' | 'remove';

/** A change to the codebook, tried on the judged passages with the matcher itself. */
export interface TermFix {
  kind: TermFixKind;
  /** What to write, in codebook syntax. */
  change: string;
  rejected: number;
  /** Rejected passages the change would no longer count. */
  removedRejected: number;
  accepted: number;
  removedAccepted: number;
  /** Precision over the judged passages still counted after the change; null when none is. */
  precisionAfter: number | null;
}

const MAX_EXCEPTIONS = 3;
const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const MAX_PHRASES = 3;
/** A phrase fix must keep this share of the accepted passages. */
const PHRASE_KEEPS = 0.8;

/**
 * Ways to raise a term's precision, read off its rejected and accepted passages and each checked
 * by matching the changed term in those passages: an `except` built from a word (or CJK
 * characters) next to the rejected matches that no accepted match has; case sensitivity; for CJK
 * terms `boundary: word`; phrases that keep the accepted matches and none of the rejected; and,
 * when none of these works, removal. Best first (highest precision after, then fewest accepted lost).
 */
export function suggestTermFixes(term: Term, passages: readonly JudgedPassage[], existingExcept: boolean): TermFix[] {
  const judged = passages.map((passage) => ({ ...passage, tokenized: tokenize(passage.text) }));
  const fixes = [exceptFix(term, judged, existingExcept), caseFix(term, judged), boundaryFix(term, judged), phraseFix(term, judged)].filter(
    (fix): fix is TermFix => fix !== undefined,
  );
  fixes.sort((a, b) => (b.precisionAfter ?? 0) - (a.precisionAfter ?? 0) || a.removedAccepted - b.removedAccepted);
  const rejected = judged.filter((passage) => !passage.accepted).length;
  const accepted = judged.length - rejected;
  const removal: TermFix = {
    kind: 'remove',
    change: `remove \`${term.value}\``,
    rejected,
    removedRejected: rejected,
    accepted,
    removedAccepted: accepted,
    precisionAfter: null,
  };
  // With no accepted passage nothing shows that a narrower term would keep good matches: removal first.
  if (accepted === 0) return [removal, ...fixes];
  return fixes.length > 0 ? fixes : [removal];
}

type Judged = JudgedPassage & { tokenized: TokenizedText };

/** Which passages a code made of `terms` and `rules` still counts at the passage's match (a counted match covering it). */
function stillCounted(terms: Term[], rules: CodeRules | undefined, passages: readonly Judged[]): boolean[] {
  const codebook: Codebook = {
    name: 'fix',
    format: 'native',
    path: '',
    sha256: '',
    themes: [{ id: 't', label: 't', codes: [{ id: 'c', label: 'c', terms, ...(rules ? { rules } : {}) }] }],
  };
  const { compiled } = compileCodebook(codebook);
  return passages.map((passage) => findMatches(passage.tokenized, compiled).some((match) => match.start <= passage.start && match.end >= passage.end));
}

function toFix(kind: TermFixKind, change: string, passages: readonly Judged[], kept: readonly boolean[]): TermFix {
  let rejected = 0;
  let removedRejected = 0;
  let removedAccepted = 0;
  let keptAccepted = 0;
  passages.forEach((passage, index) => {
    if (passage.accepted) {
      if (kept[index]) keptAccepted++;
      else removedAccepted++;
    } else {
      rejected++;
      if (!kept[index]) removedRejected++;
    }
  });
  const keptAll = keptAccepted + rejected - removedRejected;
  return {
    kind,
    change,
    rejected,
    removedRejected,
    accepted: passages.length - rejected,
    removedAccepted,
    precisionAfter: keptAll > 0 ? keptAccepted / keptAll : null,
  };
}

/** Worth suggesting: removes at least half the rejected passages and at most a tenth of the accepted ones. */
function worthIt(fix: TermFix): boolean {
  return fix.removedRejected > 0 && fix.removedRejected * 2 >= fix.rejected && fix.removedAccepted * 10 <= fix.accepted;
}

function caseFix(term: Term, passages: readonly Judged[]): TermFix | undefined {
  // Case sensitivity needs accepted matches to show which case is the right one.
  if (!passages.some((passage) => passage.accepted)) return undefined;
  if (term.caseSensitive || !/\p{L}/u.test(term.value) || HAS_CJK.test(term.value)) return undefined;
  if (term.kind === 'stem' || term.kind === 'lemma') return undefined;
  const values = new Set([term.value]);
  // Also the form the accepted matches share (`us` -> `US`), for a term without wildcards.
  if (term.kind === 'exact' || !/[*?]/.test(term.value)) {
    const forms = new Map<string, number>();
    for (const passage of passages.filter((p) => p.accepted)) {
      const form = passage.text.slice(passage.start, passage.end).replace(/\s+/g, ' ');
      forms.set(form, (forms.get(form) ?? 0) + 1);
    }
    const common = [...forms].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]))[0];
    if (common) values.add(common[0]);
  }
  const tried = [...values].map((value) => {
    const changed: Term = { ...term, value, caseSensitive: true };
    return toFix('case', `\`{ term: ${value}, case_sensitive: true }\``, passages, stillCounted([changed], undefined, passages));
  });
  return best(tried.filter(worthIt));
}

function boundaryFix(term: Term, passages: readonly Judged[]): TermFix | undefined {
  if (term.boundary === 'word' || !HAS_CJK.test(term.value)) return undefined;
  const fix = toFix('boundary', `\`{ term: ${term.value}, boundary: word }\``, passages, stillCounted([{ ...term, boundary: 'word' }], undefined, passages));
  return worthIt(fix) ? fix : undefined;
}

function exceptFix(term: Term, passages: readonly Judged[], existingExcept: boolean): TermFix | undefined {
  const support = candidatePhrases(
    term,
    passages.filter((p) => !p.accepted),
  );
  const checked = [...support]
    .filter(([, from]) => from.size >= 2)
    .map(([value]) => ({ value, kept: stillCounted([term], { except: [exceptTerm(value)] }, passages) }))
    .filter(({ kept }) => passages.every((passage, index) => !passage.accepted || kept[index]));
  const chosen: string[] = [];
  const removed = new Set<number>();
  // Ties: the shorter Latin phrase (`car park*` before `the car park*`), the longer CJK sequence (`农民意愿` before `农民意`: whole words read better).
  const cjk = HAS_CJK.test(term.value) ? -1 : 1;
  for (let round = 0; round < MAX_EXCEPTIONS; round++) {
    const gain = (kept: boolean[]) => kept.filter((k, index) => !k && !removed.has(index)).length;
    const next = checked
      .filter(({ value }) => !chosen.includes(value))
      .sort((a, b) => gain(b.kept) - gain(a.kept) || cjk * (a.value.length - b.value.length) || compareCodeUnits(a.value, b.value))[0];
    if (!next || gain(next.kept) < 2) break;
    chosen.push(next.value);
    next.kept.forEach((k, index) => {
      if (!k) removed.add(index);
    });
  }
  if (chosen.length === 0) return undefined;
  const list = chosen.map((value) => (/^[\w\u4e00-\u9fff*? -]+$/u.test(value) ? value : JSON.stringify(value))).join(', ');
  const change = existingExcept ? `add ${list} to the code's \`except\` list` : `add \`except: [${list}]\` to the code`;
  const fix = toFix('except', change, passages, stillCounted([term], { except: chosen.map(exceptTerm) }, passages));
  return worthIt(fix) ? fix : undefined;
}

function phraseFix(term: Term, passages: readonly Judged[]): TermFix | undefined {
  if (term.kind === 'regex' || term.value.includes(' ')) return undefined;
  const accepted = passages.map((passage, index) => (passage.accepted ? index : -1)).filter((index) => index >= 0);
  if (accepted.length < 2) return undefined;
  const support = candidatePhrases(
    term,
    accepted.map((index) => passages[index]!),
  );
  const checked = [...support]
    .filter(([, from]) => from.size >= 2)
    .map(([value]) => ({ value, kept: stillCounted([{ ...term, value, kind: 'glob' }], undefined, passages) }))
    .filter(({ kept }) => passages.every((passage, index) => passage.accepted || !kept[index]));
  const chosen: Array<{ value: string; kept: boolean[] }> = [];
  const covered = new Set<number>();
  for (let round = 0; round < MAX_PHRASES; round++) {
    const gain = (kept: boolean[]) => accepted.filter((index) => kept[index] && !covered.has(index)).length;
    const next = checked
      .filter((candidate) => !chosen.includes(candidate))
      .sort((a, b) => gain(b.kept) - gain(a.kept) || a.value.length - b.value.length || compareCodeUnits(a.value, b.value))[0];
    if (!next || gain(next.kept) === 0) break;
    chosen.push(next);
    for (const index of accepted) if (next.kept[index]) covered.add(index);
  }
  if (covered.size < accepted.length * PHRASE_KEEPS) return undefined;
  const kept = passages.map((_, index) => chosen.some((candidate) => candidate.kept[index]));
  const fix = toFix(
    'phrase',
    `replace \`${term.value}\` by the phrase${chosen.length === 1 ? '' : 's'} ${chosen.map((c) => `\`${c.value}\``).join(', ')}`,
    passages,
    kept,
  );
  return fix.removedRejected > 0 ? fix : undefined;
}

function exceptTerm(value: string): Term {
  return { value, kind: 'glob', caseSensitive: false };
}

function best(fixes: TermFix[]): TermFix | undefined {
  return fixes.sort((a, b) => (b.precisionAfter ?? 0) - (a.precisionAfter ?? 0) || a.removedAccepted - b.removedAccepted)[0];
}

/**
 * Values made of the term and its neighbours in each passage: one or two words before or after it
 * (`car park*`, `park* and`), or for a CJK match one or two characters (`农民意`, `民意愿`,
 * `农民意愿`); each with the passages it came from.
 */
function candidatePhrases(term: Term, passages: readonly Judged[]): Map<string, Set<number>> {
  const support = new Map<string, Set<number>>();
  passages.forEach((passage, index) => {
    const span = tokenSpan(passage);
    if (!span) return;
    const cjk = passage.tokenized.kinds[span.first] === CJK_TOKEN;
    // A case-sensitive term keeps the case of the text; otherwise everything is lower-cased.
    const cased = term.caseSensitive;
    const matched = passage.text.slice(passage.start, passage.end).replace(/\s+/g, ' ');
    const core = term.kind === 'glob' ? term.value : cased ? matched : matched.toLowerCase();
    const left = neighbours(passage.tokenized, span.first, -1, cjk, cased);
    const right = neighbours(passage.tokenized, span.end - 1, 1, cjk, cased);
    const join = (parts: string[]) => (cjk ? parts.join('') : parts.join(' '));
    for (const [l, r] of [
      [1, 0],
      [0, 1],
      [1, 1],
      [2, 0],
      [0, 2],
    ] as const) {
      if (left.length < l || right.length < r) continue;
      const value = join([...left.slice(0, l).reverse(), core, ...right.slice(0, r)]);
      const from = support.get(value) ?? new Set<number>();
      from.add(index);
      support.set(value, from);
    }
  });
  return support;
}

function tokenSpan(passage: Judged): { first: number; end: number } | undefined {
  const { starts, ends, count } = passage.tokenized;
  let first = -1;
  for (let i = 0; i < count; i++) {
    if (first < 0 && starts[i]! >= passage.start) first = i;
    if (first >= 0 && ends[i]! >= passage.end) return { first, end: i + 1 };
  }
  return undefined;
}

/** Up to two neighbouring tokens of the same kind (words, or CJK characters joined to the match), nearest first. */
function neighbours(tokenized: TokenizedText, from: number, step: 1 | -1, cjk: boolean, cased: boolean): string[] {
  const found: string[] = [];
  let inner = from;
  for (let k = from + step; k >= 0 && k < tokenized.count && found.length < 2; k += step) {
    const outer = step === 1 ? k : inner;
    const gap = tokenized.gaps[outer]!;
    if (cjk ? tokenized.kinds[k] !== CJK_TOKEN || (gap !== NO_GAP && gap !== LINE_GAP) : tokenized.kinds[k] !== WORD_TOKEN || gap === PARAGRAPH_GAP) break;
    found.push(cased ? tokenized.text.slice(tokenized.starts[k]!, tokenized.ends[k]!) : normAt(tokenized, k));
    inner = k;
  }
  return found;
}
