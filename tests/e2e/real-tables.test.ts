import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runAnalyze } from '../../src/run.ts';
import { runAddTable, type AddTableOptions } from '../../src/run/run-add-table.ts';
import { repoRoot } from '../support/run-cli.ts';

const shared = path.resolve(repoRoot, '../shared/data');
const xlsx = path.join(shared, 'zh/policy_spreadsheet/policies_data.xlsx');
const jsonl = path.join(shared, 'zh/gov_work_reports/government_work_reports.jsonl');
const oracle = path.join(repoRoot, 'tests/support/count-table-terms.py');
const python = (() => {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
})();
const available = existsSync(xlsx) && existsSync(jsonl) && python;
if (!available) {
  console.warn(
    `skipping the real-table tests: they need ${xlsx} and ${jsonl} (they exist only beside the development checkout) and python3 for the independent count`,
  );
}

/**
 * One code per term, so policycoder's rule (longest match, no overlaps within a code) cannot part
 * from a plain substring count: none of these terms can overlap itself. 互联网+ folds the
 * full-width plus, so its oracle is the sum of both spellings. 城镇化 also counts inside 新型城镇化,
 * as str.count does: codes count independently.
 */
const CODES: Record<string, string[]> = {
  smartCity: ['智慧城市'],
  bigData: ['大数据'],
  digitalGov: ['数字政府'],
  ai: ['人工智能'],
  digitalEconomy: ['数字经济'],
  iot: ['物联网'],
  cloud: ['云计算'],
  internetPlus: ['互联网+', '互联网＋'],
  newUrban: ['新型城镇化'],
  urban: ['城镇化'],
  smartSociety: ['智慧社会'],
  digitalChina: ['数字中国'],
};
const CODEBOOK = `terms:\n${Object.entries(CODES)
  .map(([code, terms]) => `  ${code}: [${terms[0]}]`)
  .join('\n')}\n`;

interface OracleRow {
  sheet: string | null;
  row: number;
  sha256: string;
  counts: Record<string, number>;
  joined: Record<string, number>;
}

/** The Python oracle's rows: zipfile + xml.etree / json and str.count, nothing of policycoder. */
function oracleRows(table: string, textColumn: string): OracleRow[] {
  const terms = Object.values(CODES).flat();
  const output = execFileSync('python3', [oracle, table, textColumn, ...terms], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return output
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as OracleRow);
}

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describe.skipIf(!available)('real tables (../shared/data): every row accounted for, counts equal an independent count', () => {
  it('imports policies_data.xlsx and government_work_reports.jsonl; per-document counts equal Python str.count on the cells', {
    timeout: 300_000,
  }, async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'policycoder-real-tables-'));
    folders.push(work);
    const corpus = path.join(work, 'corpus');
    await mkdir(corpus);
    const xlsxOptions: AddTableOptions = {
      corpusDir: corpus,
      table: xlsx,
      columns: { text: ['Policy Content'], date: ['Release Time'], title: ['Policy Title'], issuer: ['Release Department', 'Policy Release Department'] },
      sheets: [],
      constants: {},
    };
    const jsonlOptions: AddTableOptions = {
      corpusDir: corpus,
      table: jsonl,
      columns: { text: ['content'], title: ['title'], date: ['year'] },
      sheets: [],
      constants: { series: 'gwr' },
    };

    const workbook = await runAddTable(xlsxOptions);
    const reports = await runAddTable(jsonlOptions);
    const xlsxRows = oracleRows(xlsx, 'Policy Content');
    const jsonlRows = oracleRows(jsonl, 'content');
    // data/README.md: 221 documents in two sheets (166 + 55), 72 JSONL records.
    expect(xlsxRows).toHaveLength(221);
    expect(jsonlRows).toHaveLength(72);

    // Every row accounted for: the rows not added are exactly those whose text repeats an earlier row's (found here from Python's hashes).
    const firstRowOf = new Map<string, OracleRow>();
    for (const row of xlsxRows) if (!firstRowOf.has(row.sha256)) firstRowOf.set(row.sha256, row);
    const repeats = xlsxRows.filter((row) => firstRowOf.get(row.sha256) !== row).map((row) => `${row.sheet}:${row.row}`);
    expect(repeats).toEqual(['Central Policies Table:117', 'Central Policies Table:130', 'ShanDong Policies Table:34']);
    const outcome = (result: Awaited<ReturnType<typeof runAddTable>>, start: string) => result.report.split('\n').find((line) => line.startsWith(start));
    expect(workbook.exitCode).toBe(1);
    expect(workbook.added).toHaveLength(218);
    expect(outcome(workbook, 'total')).toBe('total: 218 added, 0 already present, 3 not added');
    const duplicates = workbook.diagnostics.filter((d) => d.rule === 'add/duplicate-text').map((d) => d.message.split(':')[0]);
    expect(duplicates).toEqual([
      'Sheet "Central Policies Table", row 117',
      'Sheet "Central Policies Table", row 130',
      'Sheet "ShanDong Policies Table", row 34',
    ]);
    // The three texts cut at Excel's limit (data/README.md 1f), found by Python too.
    const cut = workbook.diagnostics.filter((d) => d.rule === 'add/cell-limit').map((d) => d.message.split(':')[0]);
    expect(cut).toEqual(['Sheet "Central Policies Table", row 160', 'Sheet "ShanDong Policies Table", row 3', 'Sheet "ShanDong Policies Table", row 21']);
    expect(workbook.diagnostics.filter((d) => d.rule === 'add/unreadable-date')).toEqual([]);
    expect(reports.exitCode).toBe(0);
    expect(reports.added).toHaveLength(72);
    expect(outcome(reports, '  added without a date')).toBe(
      '  added without a date (none in the table): lines 2, 4, 6, 8, 10-11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 65 (20)',
    );

    // Each document is its cell byte for byte, and its provenance names the row.
    const entries = (
      parse(await readFile(path.join(corpus, 'corpus.yaml'), 'utf8')) as {
        documents: { file: string; id: string; provenance: Record<string, string | number> }[];
      }
    ).documents;
    expect(entries).toHaveLength(290);
    const byRow = new Map(xlsxRows.map((row) => [`policies_data.xlsx:${row.sheet}:${row.row}`, row]));
    for (const row of jsonlRows) byRow.set(`government_work_reports.jsonl::${row.row}`, row);
    const rowOf = new Map<string, OracleRow>();
    for (const entry of entries) {
      const { table, sheet, row, line } = entry.provenance;
      const expected = byRow.get(`${table}:${sheet ?? ''}:${row ?? line}`);
      expect(expected, entry.file).toBeDefined();
      const bytes = await readFile(path.join(corpus, entry.file));
      expect(createHash('sha256').update(bytes).digest('hex'), entry.file).toBe(expected!.sha256);
      rowOf.set(entry.id, expected!);
    }

    // Counts: policycoder's on the imported documents against Python's str.count on the cells.
    const codebookPath = path.join(work, 'terms.yml');
    await writeFile(codebookPath, CODEBOOK);
    const analysed = await runAnalyze({
      corpusDir: corpus,
      codebookPath,
      outDir: path.join(work, 'out'),
      cjkWords: 'characters',
      cacheDir: null,
      topTerms: 3,
      writeOutputs: false,
    });
    expect(analysed.results).toHaveLength(290);
    let cells = 0;
    let wrapped = 0;
    let wrappedOccurrences = 0;
    for (const result of analysed.results!) {
      const expected = rowOf.get(result.meta.id)!;
      for (const { code, count } of result.codes) {
        const terms = CODES[code]!;
        const joined = terms.reduce((sum, term) => sum + expected.joined[term]!, 0);
        const plain = terms.reduce((sum, term) => sum + expected.counts[term]!, 0);
        expect(count, `${result.meta.id} ${code}`).toBe(joined);
        cells++;
        if (plain !== joined) wrapped++;
        wrappedOccurrences += joined - plain;
      }
    }
    expect(cells).toBe(290 * 12);
    // Where plain str.count is lower, a term runs over a single line break between two Han characters, which policycoder
    // counts by its documented rule (text wrapped mid-word). 15 document x code cells of policies_data.xlsx, 38 occurrences.
    expect([wrapped, wrappedOccurrences]).toEqual([15, 38]);

    // Adding both tables again adds nothing.
    const workbookAgain = await runAddTable(xlsxOptions);
    const reportsAgain = await runAddTable(jsonlOptions);
    expect(outcome(workbookAgain, 'total')).toBe('total: 0 added, 218 already present, 3 not added');
    expect(outcome(reportsAgain, 'total')).toBe('total: 0 added, 72 already present, 0 not added');
  });
});
