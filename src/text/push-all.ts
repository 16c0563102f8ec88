/**
 * `target.push(...items)` without spreading: a spread passes every item as an argument, which
 * overflows the call stack past roughly 100,000 items (a report over 20,000 documents).
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** `Math.max(floor, ...values)` for any number of values. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}
