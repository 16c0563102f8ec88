import type { CodeCount, Match, TermCount } from '../types.ts';
import type { CodeRef } from '../match/compile-codebook.ts';
import { pushAll } from '../text/push-all.ts';

/** Turns one document's matches into per-code counts (codebook order, zeros included) with their terms. */
export function countMatches(matches: readonly Match[], codes: readonly CodeRef[]): CodeCount[] {
  const order = valueOrderOf(codes);
  // One count per distinct value of each code, in one flat array: no per-code arrays or maps per document.
  const counts = new Int32Array(order.values.length);
  const codeTotals = new Int32Array(codes.length);
  for (const match of matches) {
    counts[order.slotOfTerm[order.firstTerm[match.codeIndex]! + match.termIndex]!]!++;
    codeTotals[match.codeIndex]!++;
  }
  return codes.map((code, codeIndex) => {
    const count = codeTotals[codeIndex]!;
    return { theme: code.theme, code: code.code, count, terms: count === 0 ? [] : toTermCounts(order, counts, codeIndex) };
  });
}

/** Terms with a non-zero count, most frequent first, ties by term; a value listed twice is merged. */
function toTermCounts(order: ValueOrder, counts: Int32Array, codeIndex: number): TermCount[] {
  const first = order.firstValue[codeIndex]!;
  const end = order.firstValue[codeIndex + 1]!;
  let most = 0;
  for (let slot = first; slot < end; slot++) most = Math.max(most, counts[slot]!);
  // A counting sort: slots follow the values' code-unit order, so visiting them in order and
  // placing each after the slots with a higher count gives count descending, then term.
  const placeOf = new Int32Array(most + 1);
  for (let slot = first; slot < end; slot++) placeOf[counts[slot]!]!++;
  let placed = 0;
  for (let count = most; count > 0; count--) {
    const slots = placeOf[count]!;
    placeOf[count] = placed;
    placed += slots;
  }
  const terms = new Array<TermCount>(placed);
  for (let slot = first; slot < end; slot++) {
    const count = counts[slot]!;
    if (count > 0) terms[placeOf[count]!++] = { term: order.values[slot]!, count };
  }
  return terms;
}

/** The distinct term values of each code, sorted, laid end to end; worked out once per codebook. */
interface ValueOrder {
  /** Code c's values are `values[firstValue[c] .. firstValue[c + 1])`, in code-unit order. */
  firstValue: Int32Array;
  values: string[];
  /** Term t of code c has the value in slot `slotOfTerm[firstTerm[c] + t]`. */
  firstTerm: Int32Array;
  slotOfTerm: Int32Array;
}

const valueOrders = new WeakMap<readonly CodeRef[], ValueOrder>();

function valueOrderOf(codes: readonly CodeRef[]): ValueOrder {
  const known = valueOrders.get(codes);
  if (known && known.firstTerm.length === codes.length + 1) return known;
  const order: ValueOrder = {
    firstValue: new Int32Array(codes.length + 1),
    values: [],
    firstTerm: new Int32Array(codes.length + 1),
    slotOfTerm: new Int32Array(0),
  };
  const slots: number[] = [];
  codes.forEach((code, codeIndex) => {
    const sorted = [...new Set(code.terms.map((term) => term.value))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const slotByValue = new Map(sorted.map((value, k) => [value, order.values.length + k]));
    for (const term of code.terms) slots.push(slotByValue.get(term.value)!);
    pushAll(order.values, sorted);
    order.firstValue[codeIndex + 1] = order.values.length;
    order.firstTerm[codeIndex + 1] = slots.length;
  });
  order.slotOfTerm = Int32Array.from(slots);
  valueOrders.set(codes, order);
  return order;
}
