/** Plain UTF-16 code-unit order: locale-independent, so outputs sort the same on every machine. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
