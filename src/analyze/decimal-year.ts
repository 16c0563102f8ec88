import type { DocumentMeta } from '../types.ts';

/**
 * A milestone's time as a decimal year, the middle of the period its date names: `2014-08-20` is
 * noon of 20 August (2014 + 231.5 / 365), `2014-08` the middle of August (2014 + 227.5 / 365),
 * `2014` (or only `year: 2014`) the middle of the year (2014.5). Undefined without a date or year.
 * Documents dated alike therefore stay one year apart for yearly series, whatever the precision.
 */
export function decimalYear(meta: DocumentMeta): number | undefined {
  const date = meta.date?.trim();
  const match = date ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date) : null;
  if (match) {
    const year = Number(match[1]);
    const days = daysInYear(year);
    if (match[2] === undefined) return year + 0.5;
    const month = Number(match[2]);
    const before = dayOfYear(year, month, 1) - 1;
    if (match[3] === undefined) return year + (before + daysInMonth(year, month) / 2) / days;
    return year + (dayOfYear(year, month, Number(match[3])) - 0.5) / days;
  }
  if (meta.year !== undefined && Number.isFinite(meta.year)) return meta.year + 0.5;
  return undefined;
}

/** The calendar year of a milestone: of its date, else `year`. */
export function calendarYear(meta: DocumentMeta): number | undefined {
  const date = meta.date?.trim();
  const match = date ? /^(\d{4})/.exec(date) : null;
  if (match) return Number(match[1]);
  return meta.year !== undefined && Number.isFinite(meta.year) ? meta.year : undefined;
}

function daysInYear(year: number): number {
  return isLeap(year) ? 366 : 365;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 30;
}

/** 1-based day of the year. */
function dayOfYear(year: number, month: number, day: number): number {
  let days = day;
  for (let m = 1; m < month; m++) days += daysInMonth(year, m);
  return days;
}
