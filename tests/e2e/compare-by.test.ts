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
      'field,group,level,theme,code,documents,count,words,per_1000,rest_documents,rest_count,rest_words,rest_per_1000,rate_ratio,ci_low,ci_high,p_value,q_value,significant_q',
    );
    const demoTech = lines.find((line) => line.startsWith('series,demo,theme,tech,'))!.split(',');
    expect(demoTech.slice(5, 13)).toEqual(['2', '12', '43', '279.070', '1', '4', '32', '125.000']);
    expect(demoTech.slice(13, 17)).toEqual(['2.23256', '0.676638', '9.49756', '0.2074']);
    const demoGreen = lines.find((line) => line.startsWith('series,demo,theme,green,'))!.split(',');
    expect(demoGreen.slice(13, 17)).toEqual(['0.744186', '0.0996745', '5.55622', '0.7049']);
    // Two groups x (2 themes + 3 codes).
    expect(lines).toHaveLength(1 + 2 * 5);
    const markdown = await readFile(path.join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('## Comparisons between groups');
    expect(markdown).toContain('### series = demo');
    expect(markdown).toMatch(/\| tech \| 12 \| 279\.070 \| 4 \| 125\.000 \| 2\.233 \| 0\.677 to 9\.498 \| 0\.2074 \| /);
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
