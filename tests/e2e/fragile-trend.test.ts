import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/run.ts';
import { readPlainCsv, tempFolders } from '../support/temp-folders.ts';
import { runAddTable } from '../../src/run/run-add-table.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const shared = path.resolve(repoRoot, '../shared/data');
const spreadsheet = path.join(shared, 'zh/policy_spreadsheet/policies_data.xlsx');
const reports = path.join(shared, 'zh/gov_work_reports/by_year');
const available = existsSync(spreadsheet) && existsSync(reports);
if (!available) console.warn(`skipping the fragile-trend tests on real data: ${shared} is absent (it exists only beside the development checkout)`);

const { tempFolder, removeAll } = tempFolders('policycoder-fragile-');

async function analyse(corpusDir: string) {
  const outDir = path.join(await tempFolder(), 'out');
  const outcome = await runAnalyze({
    corpusDir,
    codebookPath: path.join(repoRoot, 'codebooks/smart-city.yaml'),
    outDir,
    cjkWords: 'icu',
    cacheDir: null,
    topTerms: 3,
  });
  const fragile = outcome.diagnostics.filter((d) => d.rule === 'results/fragile-trend');
  return {
    outcome,
    fragile,
    trends: readPlainCsv(await readFile(path.join(outDir, 'trends.csv'), 'utf8')),
    reportMd: await readFile(path.join(outDir, 'report.md'), 'utf8'),
    reportHtml: await readFile(path.join(outDir, 'report.html'), 'utf8'),
  };
}

/**
 * The leave-one-out check of significant trends on real documents. Expected values from R 4 on the
 * run's frequencies.csv (per document: y = the theme's or code's mentions, w = words, t = decimal year
 * of the date, or year + 0.5), Poisson unless Pearson X2 / df > 1, then quasi-Poisson:
 *   fit <- function(keep) { m <- glm(y[keep] ~ t[keep] + offset(log(w[keep])), family = poisson)
 *     if (sum(residuals(m, "pearson")^2) / m$df.residual > 1) m <- update(m, family = quasipoisson)
 *     c(exp(coef(m)[2]), summary(m)$coefficients[2, 4]) }
 *   loo <- sapply(names(y), function(id) fit(names(y) != id)); names(y)[which.max(loo[2, ])]
 */
describe.skipIf(!available)('fragile trends on real documents (../shared/data)', () => {
  afterAll(removeAll);

  it('the spreadsheet’s 164 national policies as one series: the participation fall rests on the 2014 smart-community guidelines (warning in the summary and both reports, trends.csv columns)', async () => {
    const corpus = path.join(await tempFolder(), 'corpus');
    await mkdir(corpus);
    const added = await runAddTable({
      corpusDir: corpus,
      table: spreadsheet,
      columns: { text: ['Policy Content'], date: ['Release Time'], title: ['Policy Title'] },
      sheets: ['Central Policies Table'],
      constants: { series: 'national' },
    });
    expect(added.added).toHaveLength(164);
    const run = await analyse(corpus);
    const participation = run.trends.find((t) => t.series === 'national' && t.level === 'theme' && t.theme === 'participation')!;
    // R: all 164 documents x0.8125072876 p 7.51e-5; the weakest refit is without row 160 (No. 159, the
    // smart-community guidelines): x0.9605927845, p 0.5162616036.
    expect(Number(participation.rate_ratio_per_year)).toBeCloseTo(0.8125072876, 5);
    expect(participation).toMatchObject({
      significant_q: 'true',
      influence_unit: 'document',
      influence_without: 'central-policies-table-160',
      fragile: 'true',
    });
    expect(Number(participation.influence_rate_ratio)).toBeCloseTo(0.9605927845, 5);
    expect(participation.influence_p_value).toBe('0.5163');
    const warning = run.fragile.find((d) => d.message.includes('the participation trend'))!;
    expect(warning.message).toMatch(
      /^Series "national": the participation trend \(x0\.813 a year, q 0\.0002\) does not survive leaving out one document: without central-policies-table-160 it is x0\.961 a year, p 0\.5163, not significant \(above p 0\.\d+, the largest p the run's Benjamini-Hochberg procedure flags\)\.$/,
    );
    expect(run.outcome.summary).toContain('  - Series "national": the participation trend (x0.813 a year, q 0.0002) does not survive leaving out one document');
    expect(run.outcome.summary).toContain(
      'a significant fall (q 0.0002), but not without central-policies-table-160 (x0.961, p 0.5163; results/fragile-trend)',
    );
    expect(run.reportMd).toMatch(/\| warning \| results\/fragile-trend \| +\| Series "national": the participation trend/);
    expect(run.reportHtml).toContain('results/fragile-trend');
    // Trends that are not significant are not checked: technology-centrism (q 0.60) has empty columns.
    const technology = run.trends.find((t) => t.series === 'national' && t.level === 'theme' && t.theme === 'technology-centrism')!;
    expect(technology).toMatchObject({ significant_q: 'false', influence_without: '', fragile: '' });
  }, 240_000);

  it('State Council work reports 2000-2025: the data-and-platforms rise survives leaving out any one report (no warning for it)', async () => {
    const run = await analyse(reports);
    const data = run.trends.find((t) => t.level === 'code' && t.code === 'data-and-platforms')!;
    // R: all 25 reports x1.103403196 p 7.00e-7; the weakest refit leaves out gwr_2024: x1.102750873 p 3.08e-6.
    expect(data).toMatchObject({ significant_q: 'true', influence_without: 'gwr_2024', fragile: 'false' });
    expect(Number(data.influence_rate_ratio)).toBeCloseTo(1.102750873, 5);
    expect(data.influence_p_value).toBe('3.08e-6');
    expect(run.fragile.map((d) => d.message).join('\n')).not.toContain('data-and-platforms');
  }, 240_000);

  it('the bundled corpus: no theme trend of china-national is significant (none checked, no warning); the innovation-economy code trend is, and rests on the 2023 Digital China report', async () => {
    const run = await analyse(path.join(repoRoot, 'corpus'));
    const themes = run.trends.filter((t) => t.series === 'china-national' && t.level === 'theme');
    expect(themes.map((t) => t.theme)).toEqual(['technology-centrism', 'sustainability', 'participation', 'governance']);
    expect(themes.every((t) => t.significant_q === 'false' && t.fragile === '')).toBe(true);
    expect(run.fragile.filter((d) => !d.message.includes('/'))).toEqual([]);
    // R (dates of year only at mid-year): all 7 documents x1.172993233 p 0.00177; without cn-2023-digital-china-report
    // x1.152300706 p 0.0193, the weakest refit.
    const innovation = run.trends.find((t) => t.series === 'china-national' && t.code === 'innovation-economy')!;
    expect(Number(innovation.rate_ratio_per_year)).toBeCloseTo(1.172993233, 5);
    expect(innovation).toMatchObject({
      significant_q: 'true',
      influence_without: 'cn-2023-digital-china-report',
      influence_p_value: '0.0193',
      fragile: 'true',
    });
    expect(run.fragile.map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^Series "china-national": the technology-centrism\/innovation-economy trend \(x1\.173 a year, q 0\.\d+\) does not survive leaving out one document: without cn-2023-digital-china-report it is x1\.152 a year, p 0\.0193, not significant/,
      ),
    ]);
  }, 240_000);
});
