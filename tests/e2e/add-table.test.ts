import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/run-cli.ts';
import { makeXlsx } from '../support/make-xlsx.ts';

const fixtures = path.join(repoRoot, 'tests/fixtures/tables');
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** A corpus with one document and a commented corpus.yaml, which `add` must keep byte for byte. */
async function corpusFolder(): Promise<{ work: string; corpus: string; yaml: string; before: string }> {
  const work = await mkdtemp(path.join(tmpdir(), 'policycoder-add-table-'));
  folders.push(work);
  const corpus = path.join(work, 'corpus');
  await mkdir(corpus);
  const before = '# Written for this test.\ndocuments:\n  - file: old.txt # kept as it is\n    id: old\n    date: 2010\n';
  await writeFile(path.join(corpus, 'corpus.yaml'), before);
  await writeFile(path.join(corpus, 'old.txt'), 'An old document written for this test.\n');
  return { work, corpus, yaml: path.join(corpus, 'corpus.yaml'), before };
}

// Texts written for this test. Hand counts: T1 智慧城市 1, 大数据 1; T2 数字政府 1, 大数据 1, 智慧城市 1; T3 智慧城市 2.
const T1 = '智慧城市建设要以人为本，推进大数据共享。';
const T2 = '数字政府建设提升治理能力，大数据与智慧城市协同。';
const T3 = '山东开展智慧城市试点，智慧城市建设先行。';
const LONG = 'A'.repeat(32_767);

const workbook = makeXlsx([
  {
    name: 'Central',
    rows: [
      ['No.', 'Release Time', 'Title', 'Department', 'Text'],
      [1, { date: '2014-08-27' }, ' Opinions on smart cities', 'NDRC', T1],
      [2, '2013年13月1日', 'Notice two', 'MIIT', T2],
      [3, { date: '2016-11-01' }, 'Empty one', 'MOF', null],
      [4, { date: '2017-10-18' }, 'Copy of one', 'NDRC', T1],
      [5, { date: '2018-07-30' }, 'Long one', 'MIIT', LONG],
      [{ styled: true }, { styled: true }],
    ],
  },
  { name: 'Notes', rows: [['Remark'], ['Written for this test.']] },
  {
    name: 'Shandong',
    rows: [
      ['No.', 'Release Time', 'Title', 'Policy Release Department', 'Text'],
      [1, { date: '2013-01-24' }, 'Shandong pilot', 'Shandong Provincial Government', T3],
    ],
  },
]);
const workbookSha = createHash('sha256').update(workbook).digest('hex');
const ADD_WORKBOOK = [
  '--text-column',
  'Text',
  '--date-column',
  'Release Time',
  '--title-column',
  'Title',
  '--column',
  'issuer=Department',
  '--column',
  'issuer=Policy Release Department',
  '--language',
  'zh',
  '--to',
  'policies',
];

describe('policycoder add TABLE (spawned CLI)', () => {
  it('adds each row of every sheet with text, says why for the others, keeps corpus.yaml, and adds nothing twice', async () => {
    const { work, corpus, yaml, before } = await corpusFolder();
    const table = path.join(work, 'workbook.xlsx');
    await writeFile(table, workbook);
    const first = await runCli(['add', table, '--corpus', corpus, ...ADD_WORKBOOK], { cwd: work });
    expect(first.code).toBe(1);
    expect(first.stdout).toBe(
      [
        `workbook.xlsx (sha256 ${workbookSha}): 6 rows with a value in 2 sheets read`,
        '  sheet "Central": 5 rows (rows 2-6): 3 added, 2 not added',
        '    not added (the text cell is empty): row 4',
        '    not added (same text as an earlier row or a corpus document): row 5',
        '    added without a date (the date cannot be read): row 3',
        "    added, text of exactly 32,767 characters (Excel's cell limit: probably cut): row 6",
        '  sheet "Notes": not read (no column "Text")',
        '  sheet "Shandong": 1 row (row 2): 1 added, 0 not added',
        'total: 4 added, 0 already present, 2 not added',
        'corpus/corpus.yaml: 4 entries appended; existing entries and comments unchanged.',
        '',
      ].join('\n'),
    );
    expect(first.stderr).toContain(
      'workbook.xlsx: warning: Sheet "Central", row 3: the date "2013年13月1日" cannot be read, so the document was added without a date. [add/unreadable-date]',
    );
    expect(first.stderr).toContain('workbook.xlsx: warning: Sheet "Central", row 4: the text cell is empty, so the row was skipped. [add/empty-text]');
    expect(first.stderr).toContain('workbook.xlsx: error: Sheet "Central", row 5: the text is the same as that of sheet "Central", row 2, so it was not added');
    expect(first.stderr).toContain('workbook.xlsx: warning: Sheet "Central", row 6: the text has exactly 32,767 characters');
    expect(first.stderr).toContain('workbook.xlsx: info: Sheet "Notes" has no column "Text", so it was not read. [add/sheet-without-text]');

    const after = await readFile(yaml, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const provenance = (sheet: string, row: number) =>
      `    provenance:\n      table: workbook.xlsx\n      sha256: ${workbookSha}\n      sheet: ${sheet}\n      row: ${row}\n`;
    expect(after.slice(before.length)).toBe(
      [
        '  - file: policies/central-2.txt\n    id: central-2\n    title: Opinions on smart cities\n    date: 2014-08-27\n    issuer: NDRC\n    language: zh\n',
        provenance('Central', 2),
        '  - file: policies/central-3.txt # date in the table: "2013年13月1日", not a date; add date: by hand\n    id: central-3\n    title: Notice two\n    issuer: MIIT\n    language: zh\n',
        provenance('Central', 3),
        '  - file: policies/central-6.txt\n    id: central-6\n    title: Long one\n    date: 2018-07-30\n    issuer: MIIT\n    language: zh\n',
        provenance('Central', 6),
        '  - file: policies/shandong-2.txt\n    id: shandong-2\n    title: Shandong pilot\n    date: 2013-01-24\n    issuer: Shandong Provincial Government\n    language: zh\n',
        provenance('Shandong', 2),
      ].join(''),
    );
    expect(await readFile(path.join(corpus, 'policies/central-2.txt'), 'utf8')).toBe(T1);
    expect(await readFile(path.join(corpus, 'policies/central-6.txt'), 'utf8')).toBe(LONG);

    const again = await runCli(['add', table, '--corpus', corpus, ...ADD_WORKBOOK], { cwd: work });
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('    already in the corpus (added before): rows 2-3, 6 (3)\n');
    expect(again.stdout).toContain('total: 0 added, 4 already present, 2 not added\n');
    expect(await readFile(yaml, 'utf8')).toBe(after);

    // The imported documents are analysed like any other: counts worked out by hand from T1-T3.
    const codebook = path.join(work, 'terms.yml');
    await writeFile(codebook, 'terms:\n  smart: [智慧城市]\n  bigData: [大数据]\n  digitalGov: [数字政府]\n');
    const analysed = await runCli(['analyze', '--corpus', corpus, '--codebook', codebook, '--out', path.join(work, 'out'), '--no-cache', '--quiet'], {
      cwd: work,
    });
    expect(analysed.stderr).toBe('');
    expect(analysed.code).toBe(0);
    const counts = new Map(
      (await readFile(path.join(work, 'out/frequencies.csv'), 'utf8'))
        .trim()
        .split('\n')
        .slice(1)
        .map((row) => row.split(','))
        .map((cells) => [`${cells[0]} ${cells[8]}`, Number(cells[9])]),
    );
    expect(Object.fromEntries([...counts].filter(([, count]) => count > 0))).toEqual({
      'central-2 smart': 1,
      'central-2 bigData': 1,
      'central-3 digitalGov': 1,
      'central-3 bigData': 1,
      'central-3 smart': 1,
      'shandong-2 smart': 2,
    });
  });

  it('reads CSV through the CSV parser: dates written by hand, a cell over two lines, a duplicate id at its line', async () => {
    const { work, corpus } = await corpusFolder();
    const result = await runCli(
      [
        'add',
        path.join(fixtures, 'policies.csv'),
        '--corpus',
        corpus,
        '--text-column',
        'text',
        '--id-column',
        'id',
        '--date-column',
        'date',
        '--title-column',
        'title',
      ],
      { cwd: work },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/policies\.csv:5: error: Row 4: the id "p1" is already used by row 2, so the row was not added\. \[add\/duplicate-id\]/);
    expect(result.stdout).toContain('  3 rows (rows 2-4): 2 added, 1 not added\n  not added (the id is used already): row 4\n');
    const yaml = await readFile(path.join(corpus, 'corpus.yaml'), 'utf8');
    expect(yaml).toContain('  - file: policies/p1.txt\n    id: p1\n    title: First\n    date: 2014-08-27\n');
    expect(yaml).toContain('  - file: policies/p2.txt\n    id: p2\n    title: Second\n    date: 2015-03\n');
    expect(await readFile(path.join(corpus, 'policies/p1.txt'), 'utf8')).toBe('智慧城市\n建设');
  });

  it('reads JSONL: a year as string, null or number; a line that is not JSON is reported with its number', async () => {
    const { work, corpus } = await corpusFolder();
    const result = await runCli(
      ['add', path.join(fixtures, 'reports.jsonl'), '--corpus', corpus, '--text-column', 'content', '--date-column', 'year', '--series', 'reports'],
      {
        cwd: work,
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/reports\.jsonl:3:1: error: Line 3 is not JSON \(.*\), so it was not read\. \[add\/not-json\]/);
    expect(result.stdout).toContain(
      '  3 lines (lines 1-4): 3 added, 0 not added\n  added without a date (none in the table): line 2\n  not read (errors above): line 3\n',
    );
    const yaml = await readFile(path.join(corpus, 'corpus.yaml'), 'utf8');
    expect(yaml).toContain('  - file: reports/reports-1.txt\n    id: reports-1\n    date: 2014\n    series: reports\n');
    expect(yaml).toContain('  - file: reports/reports-4.txt\n    id: reports-4\n    date: 2016\n    series: reports\n');
    expect(yaml).toContain('    provenance:\n      table: reports.jsonl\n');
    expect(yaml).toContain('      line: 2\n');
  });

  it('claims no addition when corpus.yaml cannot take the entries (`documents: []`): nothing was added', async () => {
    const { work, corpus, yaml } = await corpusFolder();
    await writeFile(yaml, 'documents: []\n');
    const table = path.join(work, 'workbook.xlsx');
    await writeFile(table, workbook);
    const result = await runCli(['add', table, '--corpus', corpus, ...ADD_WORKBOOK], { cwd: work });
    expect(result.stderr).toContain('No document was added. [add/cannot-edit-yaml]');
    // Rows 2, 3 and 6 of "Central" and row 2 of "Shandong" were planned, then taken back.
    expect(result.stdout).toContain('  sheet "Central": 5 rows (rows 2-6): 0 added, 5 not added\n');
    expect(result.stdout).toContain('total: 0 added, 0 already present, 6 not added\n');
    expect(result.stdout).not.toMatch(/added without a date|added, text of exactly/);
    expect(result.stderr).not.toMatch(/was added without a date|\[add\/unreadable-date\]|\[add\/cell-limit\]/);
    expect(await readFile(yaml, 'utf8')).toBe('documents: []\n');
  });

  it('refuses unusable options and tables before touching the corpus (exit 2)', async () => {
    const { work, corpus, yaml, before } = await corpusFolder();
    await cp(path.join(fixtures, 'policies.csv'), path.join(work, 'policies.csv'));
    const noColumn = await runCli(['add', 'policies.csv', '--corpus', corpus], { cwd: work });
    expect(noColumn.code).toBe(2);
    expect(noColumn.stderr).toContain('a table needs --text-column NAME');
    const wrongColumn = await runCli(['add', 'policies.csv', '--corpus', corpus, '--text-column', 'txt'], { cwd: work });
    expect(wrongColumn.code).toBe(2);
    expect(wrongColumn.stderr).toContain(
      'policies.csv: error: The table has no column "txt". [add/no-text-column]\n  hint: Did you mean --text-column "text"?',
    );
    const outside = await runCli(['add', 'policies.csv', '--corpus', corpus, '--text-column', 'text', '--to', '../elsewhere'], { cwd: work });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('--to must name a folder inside the corpus, not "../elsewhere".');
    expect(await readFile(yaml, 'utf8')).toBe(before);
    const help = await runCli(['add', '--help']);
    expect(help.stdout).toContain('--text-column NAME');
    expect(help.stdout).toContain('--column FIELD=NAME');
  });
});
