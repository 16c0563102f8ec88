/**
 * The `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string form of a corpus.yaml `date` value, or undefined
 * when it is not a real calendar date. YAML may hand over a number (`2012`) or a Date
 * (`2012-11-22` under the YAML 1.1 schema); `source` is the value as written, when known.
 */
export function normaliseDate(value: unknown, source?: string): string | undefined {
  let text: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    text = value.toISOString().slice(0, 10);
  } else if (typeof value === 'number' || typeof value === 'string') {
    text = (source ?? String(value)).trim();
  } else {
    return undefined;
  }
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return text;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return text;
  const day = Number(match[3]);
  return day >= 1 && day <= daysInMonth(year, month) ? text : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
