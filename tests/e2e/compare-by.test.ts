import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const basic = path.join(repoRoot, 'tests/e2e/cases/basic');
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

/**
 * The basic case (README there): series demo = a2012 (21 words) + b2018 (22), series zh = c2017 (32).
 * tech: demo 3 + 1 + 4 + 4 = 12 in 43 words, zh 1 + 3 = 4 in 32; green: demo 3 + 0, zh 3.
 * R 4.2: poisson.test(c(12, 4), c(43, 32)) -> ratio 2.23256, 95% CI 0.676638 9.49756, p 0.207399;
 *        poisson.test(c(3, 3), c(43, 32))  -> 0.744186, 0.0996745 5.55622, p 0.704949.
 */
describe('analyze --compare-by (spawned CLI)', () => {
  it('compares each series with the rest: comparisons.csv and a report section', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-compare-'));
    folders.push(folder);
    const out = path.join(folder, 'out');
    const args = ['analyze', '--corpus', path.join(basic, 'corpus'), '--codebook', path.join(basic, 'codebook.yaml'), '--cjk-words', 'characters'];
    const { code } = await runCli([...args, '--no-cache', '--out', out, '--compare-by', 'series']);
    expect(code).toBe(0);
    const lines = (await readFile(path.join(out, 'comparisons.csv'), 'utf8')).trim().split('\n');
    expect(lines[0]).toBe(
      'field,group,level,theme,code,documents,count,words,per_1000,rest_documents,rest_count,rest_words,rest_per_1000,rate_ratio,test,ci_low,ci_high,p_value,q_value,significant_q,dispersion,df,exact_ci_low,exact_ci_high,exact_p_value,rank,rank_of,reason',
    );
    const demoTech = lines.find((line) => line.startsWith('series,demo,theme,tech,'))!.split(',');
    expect(demoTech.slice(5, 13)).toEqual(['2', '12', '43', '279.070', '1', '4', '32', '125.000']);
    // Exact test on pooled counts (R: poisson.test(c(12, 4), c(43, 32))).
    expect([demoTech[13], ...demoTech.slice(22, 25)]).toEqual(['2.23256', '0.676638', '9.49756', '0.2074']);
    // Quasi-Poisson on the 3 documents (a 4 of 21 words, b 8 of 22; c 4 of 32), by hand: mu = 21 x 12 / 43 = 5.8605
    // and 6.1395, c fitted exactly; X2 = 1.8605^2 / 5.8605 + 1.8605^2 / 6.1395 = 1.1544 over 1 df: > 1, so it decides.
    expect([demoTech[14], demoTech[20], demoTech[21]]).toEqual(['quasi-poisson', '1.1544', '1']);
    const demoGreen = lines.find((line) => line.startsWith('series,demo,theme,green,'))!.split(',');
    expect([demoGreen[13], ...demoGreen.slice(22, 25)]).toEqual(['0.744186', '0.0996745', '5.55622', '0.7049']);
    // green: a 3 of 21, b 0 of 22: mu 1.4651 and 1.5349; X2 = 1.5349^2 / 1.4651 + 1.5349 = 22 / 7.
    expect(demoGreen[20]).toBe('3.14286');
    // zh is one document: its rank by rate among the 3 (tech 125 per 1,000 against 190 and 364: 3rd).
    const zhTech = lines.find((line) => line.startsWith('series,zh,theme,tech,'))!.split(',');
    expect(zhTech.slice(25, 27)).toEqual(['3', '3']);
    // Two groups x (2 themes + 3 codes).
    expect(lines).toHaveLength(1 + 2 * 5);
    const markdown = await readFile(path.join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('## Comparisons between groups');
    expect(markdown).toContain('### series = demo');
    expect(markdown).toMatch(
      /\| tech \| 12 \| 279\.070 \| 4 \| 125\.000 \| 2\.233 \| quasi-poisson \| [^|]+ \| 0\.4187 \| [^|]+ \| no \| 0\.677 to 9\.498 \| 0\.2074 \| 1\.154 \| - \| /,
    );
    expect(markdown).toMatch(/\| tech \| 4 \| 125\.000 \| 12 \| 279\.070 \| 0\.448 \| quasi-poisson \| .* \| 3 of 3 \| theme=tech \|/);
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('<section id="comparisons">');
  });

  it('refuses a field that is not metadata, naming the fields and the likely one', async () => {
    const { code, stderr } = await runCli(['analyze', '--corpus', path.join(basic, 'corpus'), '--compare-by', 'levle']);
    expect(code).toBe(2);
    expect(stderr).toContain('--compare-by needs one of id, title, date, year, issuer, level, series, language, not "levle" (did you mean "level"?)');
    expect(stderr).toContain('hint:');
  });
});
