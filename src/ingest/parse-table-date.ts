import type { TableValue } from '../types.ts';
import { normaliseDate } from './normalise-date.ts';

export type TableDate = { date: string } | { unreadable: string } | { empty: true };

const NUMERIC = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/;
const CHINESE = /^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?$/;
/** An ISO timestamp (`2024-05-14T08:00:00Z`, `2024-05-14 08:00`): the day is what counts. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}/;

/**
 * A table cell as a corpus.yaml date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): a date cell; a whole
 * number between 1000 and 2999 (a year); text written `2014-08-27`, `2014/8/27`, `2014.8.27`,
 * `2014年8月27日`, `2014-08`, `2014` or an ISO timestamp. Anything else, or a day that does not
 * exist, is `unreadable` (with the cell as written).
 */
export function parseTableDate(cell: TableValue): TableDate {
  if (cell === null) return { empty: true };
  if (typeof cell === 'object') return { date: cell.date };
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 1000 && cell <= 2999 ? { date: String(cell) } : { unreadable: String(cell) };
  if (typeof cell === 'boolean') return { unreadable: String(cell) };
  const text = cell.trim();
  if (text === '') return { empty: true };
  const parts = NUMERIC.exec(text) ?? CHINESE.exec(text) ?? TIMESTAMP.exec(text);
  if (!parts) return { unreadable: text };
  const written = [parts[1]!, ...[parts[2], parts[3]].filter((part) => part !== undefined).map((part) => part!.padStart(2, '0'))].join('-');
  const date = normaliseDate(written);
  return date === undefined ? { unreadable: text } : { date };
}
