import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/run-cli.ts';

const reports = path.resolve(repoRoot, '../shared/data/zh/gov_work_reports/by_year');
const available = existsSync(reports);
if (!available) console.warn(`skipping the boundary test on real text: ${reports} is absent (it exists only beside the development checkout)`);

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

const CODEBOOK = `policycoder: 1
themes:
  participation:
    codes:
      checked:
        definition: Public opinion and stakeholders, read as whole words.
        terms: [{ term: 民意, boundary: word }, { term: 利益相关, boundary: word }]
      plain:
        definition: The same terms as character sequences.
        terms: [民意, 利益相关]
`;

describe.skipIf(!available)('boundary: word on real Government Work Reports (spawned CLI)', () => {
  it('rejects 民意 in 农民意愿/人民意愿/公民意识 and 利益相关 in 切身利益相关, keeps 社情民意 and 听民意; manifest records ICU', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-boundary-'));
    folders.push(folder);
    await mkdir(path.join(folder, 'corpus'));
    for (const year of [2002, 2005, 2009, 2014]) await copyFile(path.join(reports, `gwr_${year}.txt`), path.join(folder, 'corpus', `gwr_${year}.txt`));
    await writeFile(path.join(folder, 'codebook.yaml'), CODEBOOK);
    const out = path.join(folder, 'out');
    const result = await runCli([
      'analyze',
      '--corpus',
      path.join(folder, 'corpus'),
      '--codebook',
      path.join(folder, 'codebook.yaml'),
      '--out',
      out,
      '--no-cache',
      '--quiet',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // Oracle: Python's str.count and `grep -o` with context on the four files. 民意: 2002 社情民意 +
    // 农民意愿; 2009 听民意 + 公民意识; 2014 农民意愿 + 人民意愿 (6 in all). 利益相关: 2005 切身利益相关;
    // 2009 利益相关方 (stakeholders). Read by hand, 3 of the 6 民意 and the 2005 利益相关 straddle two words.
    const [header, ...rows] = (await readFile(path.join(out, 'frequencies.csv'), 'utf8'))
      .trim()
      .split('\n')
      .map((row) => row.split(','));
    const code = header!.indexOf('code');
    const count = header!.indexOf('count');
    const counts = rows.map((cells) => `${cells[0]} ${cells[code]} ${cells[count]}`);
    expect(counts).toEqual([
      'gwr_2002 checked 1',
      'gwr_2002 plain 2',
      'gwr_2005 checked 0',
      'gwr_2005 plain 1',
      'gwr_2009 checked 2',
      'gwr_2009 plain 3',
      'gwr_2014 checked 0',
      'gwr_2014 plain 2',
    ]);
    const excluded = (await readFile(path.join(out, 'excluded.csv'), 'utf8')).trim().split('\n').slice(1);
    expect(excluded.map((row) => `${row.split(',')[0]} ${row.split(',')[4]} ${row.split(',').slice(-2).join(' ')}`)).toEqual([
      'gwr_2002 民意 boundary "across the words ""农民|意愿"""',
      'gwr_2005 利益相关 boundary "across the words ""切身利益|相关"""',
      'gwr_2009 民意 boundary "across the words ""公民|意识"""',
      'gwr_2014 民意 boundary "across the words ""农民|意愿"""',
      'gwr_2014 民意 boundary "across the words ""人民|意愿"""',
    ]);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.wordBoundaryCheck).toEqual({ icu: process.versions.icu, terms: ['participation/checked: 民意', 'participation/checked: 利益相关'] });
  });
});
