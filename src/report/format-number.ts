/**
 * Fixed number formats shared by every report, so outputs diff cleanly between runs.
 * None of them depends on the locale.
 */

/** Three decimals (`4.210`); negative zero and values that round to zero print `0.000`. */
export function formatRate(x: number): string {
  return withoutNegativeZero(x.toFixed(3));
}

/** A change with an explicit sign: `+1.300`, `-0.500`, and `0.000` when it rounds to zero. */
export function formatChange(x: number): string {
  const text = formatRate(x);
  return x > 0 && text !== '0.000' ? `+${text}` : text;
}

/** A fraction as a percentage with one decimal by default: `0.5213` -> `52.1%`. */
export function formatPercent(fraction: number, decimals = 1): string {
  return `${withoutNegativeZero((fraction * 100).toFixed(decimals))}%`;
}

/** An integer with `,` between thousands: `12345` -> `12,345`. */
export function formatInteger(n: number): string {
  const text = withoutNegativeZero(Math.round(n).toFixed(0));
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  if (digits.length <= 3) return text;
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return negative ? `-${grouped}` : grouped;
}

/** A number rounded to three decimals for JSON (the same rounding as `formatRate`). */
export function round3(x: number): number {
  const rounded = Number(x.toFixed(3));
  return rounded === 0 ? 0 : rounded;
}

function withoutNegativeZero(text: string): string {
  return text.charCodeAt(0) === MINUS && /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

const MINUS = 0x2d;

/** A p-value: 4 decimals from 0.0001 up (`0.0493`), else 3 significant digits in e-notation (`2.31e-7`). */
export function formatP(p: number): string {
  if (p >= 0.0001) return p.toFixed(4);
  if (p <= 0) return '0';
  return p.toExponential(2);
}

/** A number or an empty string for null (CSV cells). */
export function formatOptional(x: number | null | undefined, format: (x: number) => string = formatRate): string {
  return x === null || x === undefined ? '' : format(x);
}

/** A ratio with three decimals (`1.042`), `inf` for an infinite one, `-` for none. */
export function formatRatio(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '-';
  if (x === Number.POSITIVE_INFINITY) return 'inf';
  return formatRate(x);
}

/** A number to 6 significant digits for CSV and JSON (`1.04236`), `inf` when infinite, empty for none. */
export function formatPrecise(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '';
  if (x === Number.POSITIVE_INFINITY) return 'inf';
  return String(Number(x.toPrecision(6)));
}
