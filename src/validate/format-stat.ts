/** A statistic with 3 decimals, or `n/a` when it is undefined (e.g. precision with no dictionary hits). */
export function formatStat(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const fixed = value.toFixed(3);
  return fixed === '-0.000' ? '0.000' : fixed;
}

/** One CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(fields: ReadonlyArray<string | number>): string {
  return `${fields.map(csvField).join(',')}\n`;
}
