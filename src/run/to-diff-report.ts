import type { CsvCell } from '../report/to-csv.ts';
import { toCsv } from '../report/to-csv.ts';
import type { DiffRow } from './compare-code-tallies.ts';
import { toTextTable } from './to-text-table.ts';

/** `+2`, `-1`, `0`. */
export function formatDelta(delta: number): string {
  return delta > 0 ? `+${delta}` : String(delta);
}

/** `sensor* 3->5; sensors 2->0` */
export function formatTermChanges(row: DiffRow): string {
  return row.terms.map((change) => `${change.term} ${change.old}->${change.new}`).join('; ');
}

/** `negation 0->2` (matches each rule removed, old -> new) */
export function formatRuleChanges(row: DiffRow): string {
  return row.rules.map((change) => `${change.rule} ${change.old}->${change.new}`).join('; ');
}

/** Whether a row shows something that differs in its document (an added code that counts 0 there does not). */
export function isVisibleChange(row: DiffRow): boolean {
  return row.delta !== 0 || row.terms.length > 0 || row.rules.length > 0;
}

/**
 * The terminal report of a codebook diff: per code over the corpus (codes whose total changed,
 * and every added or removed code), then every document x code that changed, largest change first.
 */
export function toDiffTable(rows: readonly DiffRow[], codeOrder: readonly string[]): string {
  const order = new Map<string, number>();
  for (const [index, key] of codeOrder.entries()) if (!order.has(key)) order.set(key, index);
  const rank = (row: DiffRow) => order.get(`${row.theme}/${row.code}`) ?? order.size;
  const totals = new Map<string, { theme: string; code: string; status: DiffRow['status']; old: number | null; new: number | null }>();
  for (const row of rows) {
    const name = `${row.theme}/${row.code}`;
    const total = totals.get(name) ?? {
      theme: row.theme,
      code: row.code,
      status: row.status,
      old: row.old === null ? null : 0,
      new: row.new === null ? null : 0,
    };
    if (row.old !== null) total.old = (total.old ?? 0) + row.old;
    if (row.new !== null) total.new = (total.new ?? 0) + row.new;
    if (row.status === 'changed') total.status = 'changed';
    totals.set(name, total);
  }
  const codeRows = [...totals.entries()]
    .filter(([, total]) => total.status === 'added' || total.status === 'removed' || total.old !== total.new)
    .map(([name, total]) => [name, total.status, cell(total.old), cell(total.new), formatDelta((total.new ?? 0) - (total.old ?? 0))]);
  const changed = rows.filter(isVisibleChange).sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || compare(a.document, b.document) || rank(a) - rank(b));
  const parts: string[] = [];
  if (codeRows.length === 0 && changed.length === 0) return 'No count changes: every document x code counts the same under both codebooks.';
  if (codeRows.length > 0) {
    parts.push(
      `Codes over the corpus (${codeRows.length} of ${totals.size} differ):`,
      toTextTable(['code', 'status', 'old', 'new', 'delta'], codeRows, [false, false, true, true, true]),
    );
  }
  if (changed.length > 0) {
    parts.push(
      '',
      `Documents x codes that change (${changed.length}), largest change first:`,
      toTextTable(
        ['document', 'code', 'old', 'new', 'delta', 'terms (old->new)', 'excluded by rule (old->new)'],
        changed.map((row) => [
          row.document,
          `${row.theme}/${row.code}`,
          cell(row.old),
          cell(row.new),
          formatDelta(row.delta),
          formatTermChanges(row) || '-',
          formatRuleChanges(row) || '-',
        ]),
        [false, false, true, true, true, false, false],
      ),
    );
  }
  return parts.join('\n');
}

export const DIFF_CSV_HEADER = ['document', 'theme', 'code', 'status', 'old_count', 'new_count', 'delta', 'term_changes', 'rule_changes'] as const;

/** Every document x code (unchanged rows too), by document then codebook order. */
export function toDiffCsv(rows: readonly DiffRow[]): string {
  const sorted = rows.map((row, index) => ({ row, index })).sort((a, b) => compare(a.row.document, b.row.document) || a.index - b.index);
  return toCsv(
    DIFF_CSV_HEADER,
    sorted.map(({ row }): CsvCell[] => [
      row.document,
      row.theme,
      row.code,
      row.status,
      row.old,
      row.new,
      row.delta,
      formatTermChanges(row),
      formatRuleChanges(row),
    ]),
  );
}

function cell(value: number | null): string {
  return value === null ? '-' : String(value);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
