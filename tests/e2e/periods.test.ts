import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze, type AnalyzeOptions } from '../../src/run.ts';

/**
 * A made-up corpus of 60 one-line documents (no real text): 20 from 2010, each "The city builds a
 * data platform." (6 words, 1 data), and 40 from 2011, each "Data data and more data." (5 words,
 * 3 data). 60 > 50 documents in the series, so by default it is compared by year.
 */
describe('a series of many documents is compared by period', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'policycoder-periods-'));
    await mkdir(path.join(work, 'corpus'));
    for (let k = 0; k < 60; k++) {
      const year = k < 20 ? 2010 : 2011;
      const text = year === 2010 ? 'The city builds a data platform.\n' : 'Data data and more data.\n';
      await writeFile(path.join(work, 'corpus', `${year}-doc-${String(k).padStart(2, '0')}.txt`), text);
    }
    await writeFile(path.join(work, 'codebook.yaml'), 'tech:\n  data:\n    - data\n');
  }, 60_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  async function analyse(name: string, extra: Partial<AnalyzeOptions> = {}) {
    const outDir = path.join(work, name);
    const outcome = await runAnalyze({
      corpusDir: path.join(work, 'corpus'),
      codebookPath: path.join(work, 'codebook.yaml'),
      outDir,
      cjkWords: 'characters',
      cacheDir: null,
      topTerms: 3,
      threads: 0,
      ...extra,
    });
    const read = (file: string) => readFile(path.join(outDir, file), 'utf8');
    return { outcome, read };
  }

  it('pools each year: counts and words summed, the change tested between years', async () => {
    const { outcome, read } = await analyse('by-year');
    expect(outcome.exitCode).toBe(0);
    const evolution = (await read('evolution.csv')).split('\n');
    // 2010: 20 mentions in 20 x 6 = 120 words = 166.667 per 1,000; 2011: 40 x 3 = 120 in 40 x 5 = 200 words = 600.
    expect(evolution[1]).toMatch(/^\(no series\),2010,,2010,tech,20,120,166\.667,,,data \(20\),theme,,1\.000,/);
    expect(evolution.find((line) => line.startsWith('(no series),2011,,2011,tech,'))).toMatch(
      /^\(no series\),2011,,2011,tech,120,200,600\.000,433\.333,2\.600,/,
    );
    expect(evolution.filter((line) => line.startsWith('(no series),') && line.includes(',theme,'))).toHaveLength(2);
    // Per document figures stay per document.
    expect((await read('frequencies.csv')).trim().split('\n')).toHaveLength(61);
    const evolutionMd = await read('evolution.md');
    expect(evolutionMd).toContain('| 2010 | 2010 | 20 documents | 120 |');
    expect(evolutionMd).toContain('Milestones are years: each pools the mentions and words of its documents');
    const report = await read('report.md');
    expect(report).toContain('**2011**: 40 documents');
    // The rate table says how many documents each year pools: 2010's 20 documents have 120 words.
    expect(report).toContain('| 2010 | 2010 (20 documents) | 120 |');
    expect(report).toContain('(evidence.csv: the documents of 2011, theme=tech)');
    // report.html is written for any number of documents, with the documents at both ends of each theme's rates.
    const html = await read('report.html');
    expect(html).toContain('<h2>Documents with the highest and lowest rates</h2>');
    expect(outcome.outputs).toContain('report.html');
  }, 120_000);

  it('compares documents one by one with --period document', async () => {
    const { read } = await analyse('by-document', { period: 'document' });
    const rows = (await read('evolution.csv')).split('\n').filter((line) => line.startsWith('(no series),') && line.includes(',theme,'));
    expect(rows).toHaveLength(60);
    expect(rows[0]).toMatch(/^\(no series\),2010-doc-00,,2010,tech,1,6,166\.667,/);
    expect(await read('report.html')).not.toContain('Documents with the highest and lowest rates');
  }, 120_000);
});
