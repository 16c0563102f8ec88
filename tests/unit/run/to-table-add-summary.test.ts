import { describe, expect, it } from 'vitest';
import { toRanges, toTableAddSummary } from '../../../src/run/to-table-add-summary.ts';
import type { RowResult } from '../../../src/corpus/plan-table-entries.ts';

const row = (n: number, outcome: RowResult['outcome'], flags: RowResult['flags'] = []): RowResult => ({
  record: { sheet: 'Central', row: n, text: 't' },
  outcome,
  flags,
});
const line = (n: number, outcome: RowResult['outcome'], flags: RowResult['flags'] = []): RowResult => ({
  record: { row: n, line: n, text: 't' },
  outcome,
  flags,
});

describe('toTableAddSummary', () => {
  it('accounts for every row of each sheet, grouped by what happened', () => {
    const text = toTableAddSummary({
      table: 'w.xlsx',
      sha256: 'abc',
      format: 'xlsx',
      textColumns: ['Text'],
      sheets: [
        { name: 'Central', read: true, records: [], blankRows: 1, unreadableRows: [] },
        { name: 'Notes', read: false, records: [], blankRows: 0, unreadableRows: [] },
      ],
      rows: [row(2, 'added'), row(3, 'added', ['no-date']), row(4, 'empty-text'), row(5, 'already-present')],
      shownYaml: 'corpus/corpus.yaml',
      appended: 2,
    });
    expect(text).toBe(
      [
        'w.xlsx (sha256 abc): 4 rows with a value in 1 sheet read',
        '  sheet "Central": 4 rows (rows 2-5): 2 added, 1 not added',
        '    not added (the text cell is empty): row 4',
        '    already in the corpus (added before): row 5',
        '    added without a date (none in the table): row 3',
        '    1 blank row (no value) skipped',
        '  sheet "Notes": not read (no column "Text")',
        'total: 2 added, 1 already present, 1 not added',
        'corpus/corpus.yaml: 2 entries appended; existing entries and comments unchanged.',
        '',
      ].join('\n'),
    );
  });

  it('speaks of lines for JSONL, and counts lines that are not JSON', () => {
    const text = toTableAddSummary({
      table: 'r.jsonl',
      sha256: 'abc',
      format: 'jsonl',
      textColumns: ['content'],
      sheets: [{ read: true, records: [], blankRows: 0, unreadableRows: [4, 5] }],
      rows: [line(1, 'added', ['cell-limit']), line(2, 'added', ['cell-limit'])],
      shownYaml: 'corpus/corpus.yaml',
      appended: 0,
    });
    expect(text).toBe(
      [
        'r.jsonl (sha256 abc): 2 lines with a value',
        '  2 lines (lines 1-2): 2 added, 0 not added',
        "  added, text of exactly 32,767 characters (Excel's cell limit: probably cut): lines 1-2 (2)",
        '  not read (errors above): lines 4-5',
        'total: 2 added, 0 already present, 0 not added, 2 lines not read',
        '',
      ].join('\n'),
    );
  });
});

describe('toRanges', () => {
  it('joins runs of consecutive numbers', () => {
    expect(toRanges([9, 2, 3, 4, 5, 11, 12, 3])).toBe('2-5, 9, 11-12');
    expect(toRanges([])).toBe('');
  });
});
