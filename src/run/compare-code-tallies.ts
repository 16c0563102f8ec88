import type { CodeRef } from '../match/compile-codebook.ts';
import { RULE_NAMES, type CodeTally, type RuleName } from './tally-matches.ts';

export interface TermChange {
  term: string;
  old: number;
  new: number;
}

export interface RuleChange {
  rule: RuleName;
  /** Matches the rule removed under each codebook. */
  old: number;
  new: number;
}

/** One document x code: counts under the old and new codebook, and what changed behind them. */
export interface DiffRow {
  document: string;
  theme: string;
  code: string;
  /** `added`/`removed`: the code is only in the new/old codebook (matched by theme id and code id). */
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  old: number | null;
  new: number | null;
  delta: number;
  /** Terms whose counted matches differ (by value as written), in codebook order. */
  terms: TermChange[];
  /** Rules that removed a different number of matches. */
  rules: RuleChange[];
}

export interface TalliedCodebook {
  codes: readonly CodeRef[];
  tallies: readonly CodeTally[];
}

/**
 * Compares one document's tallies under two codebooks, code by code (theme id + code id): the new
 * codebook's codes in its order, then codes only the old one has. Terms are matched by value.
 */
export function compareCodeTallies(document: string, old: TalliedCodebook, next: TalliedCodebook): DiffRow[] {
  const key = (code: CodeRef) => `${code.theme}\u0000${code.code}`;
  const oldIndex = new Map(old.codes.map((code, index) => [key(code), index]));
  const newKeys = new Set(next.codes.map(key));
  const rows: DiffRow[] = [];
  next.codes.forEach((code, index) => {
    const before = oldIndex.get(key(code));
    rows.push(toRow(document, code, before === undefined ? undefined : side(old, before), side(next, index)));
  });
  old.codes.forEach((code, index) => {
    if (!newKeys.has(key(code))) rows.push(toRow(document, code, side(old, index), undefined));
  });
  return rows;
}

interface Side {
  code: CodeRef;
  tally: CodeTally;
}

function side(tallied: TalliedCodebook, index: number): Side {
  return { code: tallied.codes[index]!, tally: tallied.tallies[index]! };
}

function toRow(document: string, code: CodeRef, before: Side | undefined, after: Side | undefined): DiffRow {
  const oldTerms = before ? termCounts(before) : new Map<string, number>();
  const newTerms = after ? termCounts(after) : new Map<string, number>();
  const terms: TermChange[] = [];
  for (const term of new Set([...newTerms.keys(), ...oldTerms.keys()])) {
    const change = { term, old: oldTerms.get(term) ?? 0, new: newTerms.get(term) ?? 0 };
    if (change.old !== change.new) terms.push(change);
  }
  const rules = RULE_NAMES.map((rule) => ({ rule, old: before?.tally.excluded[rule] ?? 0, new: after?.tally.excluded[rule] ?? 0 })).filter(
    (change) => change.old !== change.new,
  );
  const oldCount = before ? before.tally.count : null;
  const newCount = after ? after.tally.count : null;
  const delta = (newCount ?? 0) - (oldCount ?? 0);
  const status = !before ? 'added' : !after ? 'removed' : delta !== 0 || terms.length > 0 || rules.length > 0 ? 'changed' : 'unchanged';
  return { document, theme: code.theme, code: code.code, status, old: oldCount, new: newCount, delta, terms, rules };
}

/** Counted matches per term value (a value listed twice is merged), in codebook order. */
function termCounts({ code, tally }: Side): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [k, term] of code.terms.entries()) counts.set(term.value, (counts.get(term.value) ?? 0) + tally.terms[k]!);
  return counts;
}
