import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planTableEntries, toFileStem, toSlug, type CorpusState, type TableSource } from '../../../src/corpus/plan-table-entries.ts';
import type { TableRecord } from '../../../src/types.ts';

// Texts written for this test. CHINESE has 25 Han characters: enough for a language guess (20 letters), all Han, so "zh".
const CHINESE = '智慧城市建设要以人为本，推进数据共享和公共服务均等化。';
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const source: TableSource = { name: 'policies.csv', sha256: 'f'.repeat(64), format: 'csv', shown: 'in/policies.csv', to: 'policies', idColumn: true, constants: { issuer: 'NDRC' } };
const corpus: CorpusState = {
  byContent: new Map([
    [sha('already there'), { id: 'in-corpus', relPath: 'policies/in-corpus.txt' }],
    [sha('copied before'), { id: 'other-doc', relPath: 'x/other.txt' }],
  ]),
  idToFile: new Map([
    ['in-corpus', 'policies/in-corpus.txt'],
    ['other-doc', 'x/other.txt'],
    ['taken', 'x/taken.txt'],
  ]),
  takenPaths: new Set(['policies/in-corpus.txt', 'x/other.txt', 'x/taken.txt', 'policies/taken2.txt']),
};

const records: TableRecord[] = [
  { row: 2, line: 2, id: 'a', text: CHINESE, date: '2014-08-27', title: 'A' },
  { row: 3, line: 3, id: 'blank', text: '  \n ' },
  { row: 4, line: 4, id: 'b', text: CHINESE },
  { row: 5, line: 5, id: 'a', text: 'other text' },
  { row: 6, line: 6, id: '../../etc/passwd', text: 'x'.repeat(32_767) },
  { row: 7, line: 7, id: 'in-corpus', text: 'already there' },
  { row: 8, line: 8, id: 'new', text: 'copied before' },
  { row: 9, line: 9, id: 'taken', text: 'fresh' },
  { row: 10, line: 10, text: 'text ten', unreadableDate: 'soon', language: 'en' },
  { row: 11, line: 11, id: '智慧城市 指导意见', text: 'text eleven' },
  { row: 12, line: 12, id: 'A', text: 'text twelve' },
  { row: 13, line: 13, id: 'con', text: 'text thirteen' },
  { row: 14, line: 14, id: 'Taken2', text: 'text fourteen' },
];

describe('planTableEntries', () => {
  const plan = planTableEntries(records, source, corpus);

  it('gives every row one outcome, worked out by hand', () => {
    expect(plan.rows.map((row) => [row.record.row, row.outcome, row.flags])).toEqual([
      [2, 'added', []],
      [3, 'empty-text', []],
      [4, 'duplicate-text', []],
      [5, 'duplicate-id', []],
      [6, 'added', ['cell-limit', 'no-date']],
      [7, 'already-present', []],
      [8, 'duplicate-text', []],
      [9, 'duplicate-id', []],
      [10, 'added', ['no-id', 'unreadable-date']],
      [11, 'added', ['no-date']],
      [12, 'added', ['no-date']],
      [13, 'added', ['no-date']],
      [14, 'added', ['no-date']],
    ]);
  });

  it('names files after ids, safely: no path out of --to, Chinese kept, taken names (any case) and device names avoided', () => {
    expect(plan.documents.map((document) => document.relPath)).toEqual([
      'policies/a.txt',
      'policies/etc-passwd.txt',
      'policies/policies-10.txt',
      'policies/智慧城市-指导意见.txt',
      'policies/A-2.txt',
      'policies/con-document.txt',
      'policies/Taken2-2.txt',
    ]);
  });

  it('writes the entry: metadata, the constant issuer, a language guess, provenance; an unreadable date as a comment', () => {
    expect(plan.documents[0]!.entry).toEqual({
      file: 'policies/a.txt',
      id: 'a',
      title: 'A',
      date: '2014-08-27',
      issuer: 'NDRC',
      language: 'zh',
      comments: { language: 'guessed from the text (script); check' },
      provenance: { table: 'policies.csv', sha256: 'f'.repeat(64), row: 2 },
    });
    expect(plan.documents[2]!.entry).toEqual({
      file: 'policies/policies-10.txt',
      id: 'policies-10',
      issuer: 'NDRC',
      language: 'en',
      comments: { file: 'date in the table: "soon", not a date; add date: by hand' },
      provenance: { table: 'policies.csv', sha256: 'f'.repeat(64), row: 10 },
    });
  });

  it('says why, row by row, at the line of the CSV', () => {
    const said = plan.diagnostics.map((d) => `${d.line} ${d.severity} ${d.rule} ${d.message}`);
    expect(said).toEqual([
      '3 warning add/empty-text Row 3: the text cell is empty, so the row was skipped.',
      '4 error add/duplicate-text Row 4: the text is the same as that of row 2, so it was not added (it would be counted twice).',
      '5 error add/duplicate-id Row 5: the id "a" is already used by row 2, so the row was not added.',
      "6 warning add/cell-limit Row 6: the text has exactly 32,767 characters, Excel's limit for one cell: it was probably cut.",
      '8 error add/duplicate-text Row 8: the text is the same as that of x/other.txt (id "other-doc") in the corpus, so it was not added (it would be counted twice).',
      '9 error add/duplicate-id Row 9: the id "taken" is already used by x/taken.txt in the corpus, so the row was not added.',
      '10 warning add/no-id Row 10: the id cell is empty; the id "policies-10" was derived from the row.',
      '10 warning add/unreadable-date Row 10: the date "soon" cannot be read, so the document was added without a date.',
    ]);
    expect(plan.diagnostics.every((d) => d.file === 'in/policies.csv' && d.hint)).toBe(true);
  });

  it('derives ids from the sheet and row, and labels JSONL rows by line', () => {
    const xlsx = planTableEntries([{ sheet: 'Central Policies Table', row: 158, text: 'a text' }], { ...source, format: 'xlsx', name: 'data.xlsx', idColumn: false }, corpus);
    expect(xlsx.documents[0]!.entry).toMatchObject({ id: 'central-policies-table-158', provenance: { sheet: 'Central Policies Table', row: 158 } });
    const jsonl = planTableEntries([{ row: 7, line: 7, text: '' }], { ...source, format: 'jsonl', name: 'gwr.jsonl', idColumn: false }, corpus);
    expect(jsonl.diagnostics[0]!.message).toBe('Line 7: the text cell is empty, so the row was skipped.');
    const line = planTableEntries([{ row: 7, line: 7, text: 'x' }], { ...source, format: 'jsonl', name: 'gwr_reports.jsonl', idColumn: false }, corpus);
    expect(line.documents[0]!.entry).toMatchObject({ id: 'gwr-reports-7', provenance: { table: 'gwr_reports.jsonl', line: 7 } });
  });
});

describe('toSlug and toFileStem', () => {
  it('slugs sheet names (full-width folded, Chinese kept)', () => {
    expect(toSlug('Central Policies Table')).toBe('central-policies-table');
    expect(toSlug('ＡＢ 中央政策！')).toBe('ab-中央政策');
    expect(toSlug('---')).toBe('table');
  });

  it('never leaves a separator, a leading dot or a device name in a file name', () => {
    expect(toFileStem('..\\..\\windows/system32')).toBe('windows-system32');
    expect(toFileStem('.hidden')).toBe('hidden');
    expect(toFileStem('a:b*c?d')).toBe('a-b-c-d');
    expect(toFileStem('NUL')).toBe('NUL-document');
    expect(toFileStem('../..')).toBe('document');
    expect([...toFileStem('长'.repeat(300))]).toHaveLength(100);
  });
});
