import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/run.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const shared = path.resolve(repoRoot, '../shared/data');
const reports = path.join(shared, 'zh/gov_work_reports/by_year');
const available = existsSync(reports);
if (!available) console.warn(`skipping real-data tests: ${reports} is absent (it exists only beside the development checkout)`);

/**
 * Oracle: the plain substring counts published in ../shared/data/README.md (section 1a), computed
 * there with Python's str.count on the files. One code per term, so codes count independently
 * (城镇化 includes 新型城镇化, as in the table). The term `互联网+` must count both the ASCII and the
 * full-width plus, so its expected count is the sum of the table's two columns.
 */
const table: Record<string, Record<string, number>> = {
  gwr_2025: { smart: 1, newUrban: 3, urban: 5, digitalChina: 1, digitalEconomy: 3, digitalGov: 1, internetPlus: 0, bigData: 0 },
  gwr_2022: { smart: 1, newUrban: 4, urban: 5, digitalChina: 1, digitalEconomy: 2, digitalGov: 1, internetPlus: 1, bigData: 1 },
  gwr_2021: { smart: 0, newUrban: 3, urban: 6, digitalChina: 1, digitalEconomy: 1, digitalGov: 2, internetPlus: 3, bigData: 0 },
  gwr_2019: { smart: 0, newUrban: 4, urban: 4, digitalChina: 0, digitalEconomy: 1, digitalGov: 0, internetPlus: 7, bigData: 1 },
  gwr_2016: { smart: 1, newUrban: 6, urban: 10, digitalChina: 0, digitalEconomy: 0, digitalGov: 0, internetPlus: 3, bigData: 1 },
  gwr_2014: { smart: 0, newUrban: 4, urban: 10, digitalChina: 0, digitalEconomy: 0, digitalGov: 0, internetPlus: 0, bigData: 1 },
  gwr_2012: { smart: 0, newUrban: 0, urban: 6, digitalChina: 0, digitalEconomy: 0, digitalGov: 0, internetPlus: 0, bigData: 0 },
};

const codebook = `# quanteda format: one code per term
terms:
  smart: [智慧城市]
  newUrban: [新型城镇化]
  urban: [城镇化]
  digitalChina: [数字中国]
  digitalEconomy: [数字经济]
  digitalGov: [数字政府]
  internetPlus: [互联网+]
  bigData: [大数据]
`;

describe.skipIf(!available)('real Chinese Government Work Reports (../shared/data)', () => {
  const folders: string[] = [];
  afterAll(() => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

  it('CJK sequence counts equal the published substring counts, full-width plus folded', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-real-'));
    folders.push(folder);
    const codebookPath = path.join(folder, 'terms.yml');
    await writeFile(codebookPath, codebook);
    const outcome = await runAnalyze({
      corpusDir: reports,
      codebookPath,
      outDir: path.join(folder, 'out'),
      cjkWords: 'characters',
      cacheDir: null,
      topTerms: 3,
    });
    expect(outcome.exitCode).toBe(0);
    const rows = (await readFile(path.join(folder, 'out/frequencies.csv'), 'utf8')).trim().split('\n').slice(1);
    const counts = new Map(
      rows.map((row) => {
        const cells = row.split(',');
        return [`${cells[0]}/${cells[8]}`, Number(cells[9])];
      }),
    );
    for (const [document, expected] of Object.entries(table)) {
      for (const [code, count] of Object.entries(expected)) {
        expect(counts.get(`${document}/${code}`), `${document} ${code}`).toBe(count);
      }
    }
  });
});
