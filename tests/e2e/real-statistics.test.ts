import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/run.ts';
import { readPlainCsv, tempFolders } from '../support/temp-folders.ts';
import { binomialPmfAt } from '../../src/analyze/stdlib-stats.ts';
import { runCli } from '../support/run-cli.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const shared = path.resolve(repoRoot, '../shared/data');
const reports = path.join(shared, 'zh/gov_work_reports/by_year');
const cities = path.join(shared, 'zh/city_work_reports_2024/txt');
const available = existsSync(reports) && existsSync(cities);
if (!available) console.warn(`skipping real-data statistics tests: ${shared} is absent (it exists only beside the development checkout)`);

const { tempFolder, removeAll } = tempFolders('policycoder-stats-');

/**
 * An independent fit of the Poisson trend, not the program's IRLS: for a slope b the intercept's
 * maximum is closed-form (e^b0 = sum y / sum w e^(b t)), so the slope solves the profile score
 * sum y t - sum y * (sum w t e^(b t)) / (sum w e^(b t)) = 0, decreasing in b: found by bisection.
 * The dispersion is Pearson's X2 / (n - 2); the slope's standard error comes from the information
 * sum mu t^2 - (sum mu t)^2 / sum mu.
 */
function profileTrend(y: number[], w: number[], t: number[]) {
  const mean = t.reduce((a, b) => a + b, 0) / t.length;
  const x = t.map((v) => v - mean);
  const total = y.reduce((a, b) => a + b, 0);
  const score = (b: number) => {
    const e = w.map((wi, i) => wi * Math.exp(b * x[i]!));
    const se = e.reduce((a, v) => a + v, 0);
    const sxe = e.reduce((a, v, i) => a + v * x[i]!, 0);
    return y.reduce((a, yi, i) => a + yi * x[i]!, 0) - (total * sxe) / se;
  };
  let lo = -5;
  let hi = 5;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (score(mid) > 0) lo = mid;
    else hi = mid;
  }
  const b = (lo + hi) / 2;
  const e = w.map((wi, i) => wi * Math.exp(b * x[i]!));
  const mu = e.map((v) => (v * total) / e.reduce((a, u) => a + u, 0));
  const pearson = y.reduce((a, yi, i) => a + (yi - mu[i]!) ** 2 / mu[i]!, 0);
  const smu = mu.reduce((a, v) => a + v, 0);
  const smx = mu.reduce((a, v, i) => a + v * x[i]!, 0);
  const smxx = mu.reduce((a, v, i) => a + v * x[i]! * x[i]!, 0);
  const dispersion = pearson / (y.length - 2);
  const se = Math.sqrt(1 / (smxx - (smx * smx) / smu)) * Math.sqrt(Math.max(1, dispersion));
  return { ratio: Math.exp(b), dispersion, statistic: b / se };
}

/** R 4 (glm, family = quasipoisson) on the 143 documents: Shenzhen against the other 142 (script in the test). */
const R_SHENZHEN = {
  'technology-centrism': { dispersion: 10.41766696, low: 1.076239761, high: 2.434024598, p: 0.02106738311, rank: 8 },
  sustainability: { dispersion: 3.327682004, low: 0.4746247153, high: 0.9862493603, p: 0.04204121075, rank: 140 },
  participation: { dispersion: 1.943900969, low: 0.9908467997, high: 2.006606569, p: 0.05619145452, rank: 11 },
  governance: { dispersion: 2.684379712, low: 0.755213535, high: 1.098473151, p: 0.3259176996, rank: 114 },
};

describe.skipIf(!available)('trends, gaps and comparisons on real documents (../shared/data)', () => {
  afterAll(removeAll);

  it('State Council work reports 2000-2025: the missing 2020 is a warning (stderr and summary, report.md, report.html), a gap in the chart, and the trends agree with an independent fit', async () => {
    const out = path.join(await tempFolder(), 'out');
    const { code, stderr, stdout } = await runCli(['analyze', '--corpus', reports, '--out', out, '--no-cache']);
    expect(code).toBe(0);
    // The CLI prints the warnings, then the summary.
    expect(stderr).toContain('warning: Series "(no series)" has yearly documents but none for 2020');
    expect(stderr).toContain('[results/series-gap]');
    expect(stdout).toContain('Read 25 documents.');
    expect(stdout).toContain('Read before quoting these numbers:\n');
    expect(stdout).toContain(
      '  - Series "(no series)" has yearly documents but none for 2020: the change at the next milestone spans more than a year. [results/series-gap]',
    );
    const markdown = await readFile(path.join(out, 'report.md'), 'utf8');
    expect(markdown).toMatch(/\| warning \| results\/series-gap \| {2}\| Series "\(no series\)" has yearly documents but none for 2020/);
    expect(markdown).toContain('Years missing: 2020 (see Warnings).');
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('results/series-gap');
    expect(html).toContain('>no 2020</text>');

    const frequencies = readPlainCsv(await readFile(path.join(out, 'frequencies.csv'), 'utf8'));
    const trends = readPlainCsv(await readFile(path.join(out, 'trends.csv'), 'utf8'));
    const themes = trends.filter((t) => t.level === 'theme');
    expect(themes.map((t) => t.theme)).toEqual(['technology-centrism', 'sustainability', 'participation', 'governance']);
    const documents = [...new Set(frequencies.map((f) => f.document!))];
    for (const trend of themes) {
      expect(trend).toMatchObject({ documents: '25', years: '25', first_year: '2000', last_year: '2025', left_out: '0' });
      const y = documents.map((d) => frequencies.filter((f) => f.document === d && f.theme === trend.theme).reduce((a, f) => a + Number(f.count), 0));
      const w = documents.map((d) => Number(frequencies.find((f) => f.document === d)!.words));
      const t = documents.map((d) => Number(frequencies.find((f) => f.document === d)!.year) + 0.5);
      const check = profileTrend(y, w, t);
      expect(Number(trend.rate_ratio_per_year), trend.theme).toBeCloseTo(check.ratio, 5);
      expect(Number(trend.dispersion), trend.theme).toBeCloseTo(check.dispersion, 4);
      expect(Number(trend.statistic), trend.theme).toBeCloseTo(check.statistic, 3);
      expect(trend.model).toBe(check.dispersion > 1 ? 'quasi-poisson' : 'poisson');
    }
  }, 180_000);

  it('State Council work reports 2010-2019 (no year missing): no gap warning, no gap in the chart', async () => {
    const folder = await tempFolder();
    const corpus = path.join(folder, 'corpus');
    await mkdir(corpus);
    for (let year = 2010; year <= 2019; year++) await copyFile(path.join(reports, `gwr_${year}.txt`), path.join(corpus, `gwr_${year}.txt`));
    const outcome = await runAnalyze({
      corpusDir: corpus,
      codebookPath: 'codebooks/smart-city.yaml',
      outDir: path.join(folder, 'out'),
      cjkWords: 'icu',
      cacheDir: null,
      topTerms: 3,
    });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.diagnostics.filter((d) => d.rule === 'results/series-gap')).toEqual([]);
    const markdown = await readFile(path.join(folder, 'out/report.md'), 'utf8');
    expect(markdown).not.toContain('results/series-gap');
    expect(markdown).not.toContain('Years missing');
    const html = await readFile(path.join(folder, 'out/report.html'), 'utf8');
    expect(html).not.toContain('class="gap"');
  }, 120_000);

  it('143 city work reports of 2024: Shenzhen (深圳) against the other 142 per theme, --compare-by id=深圳', async () => {
    const out = path.join(await tempFolder(), 'out');
    const outcome = await runAnalyze({
      corpusDir: cities,
      codebookPath: 'codebooks/smart-city.yaml',
      outDir: out,
      cjkWords: 'icu',
      cacheDir: null,
      topTerms: 3,
      compareBy: { field: 'id', value: '深圳' },
    });
    expect(outcome.exitCode).toBe(0);
    const frequencies = readPlainCsv(await readFile(path.join(out, 'frequencies.csv'), 'utf8'));
    const rows = readPlainCsv(await readFile(path.join(out, 'comparisons.csv'), 'utf8'));
    const themes = rows.filter((r) => r.level === 'theme');
    expect(themes.map((r) => r.theme)).toEqual(['technology-centrism', 'sustainability', 'participation', 'governance']);
    const words = new Map(frequencies.map((f) => [f.document!, Number(f.words)]));
    expect(words.size).toBe(143);
    for (const row of themes) {
      // Sums worked out here from frequencies.csv: Shenzhen's and the other 142 documents'.
      const count = (inGroup: boolean) =>
        frequencies.filter((f) => (f.document === '深圳') === inGroup && f.theme === row.theme).reduce((a, f) => a + Number(f.count), 0);
      const a = count(true);
      const b = count(false);
      const n1 = words.get('深圳')!;
      const n2 = [...words].filter(([d]) => d !== '深圳').reduce((s, [, w]) => s + w, 0);
      expect(row).toMatchObject({
        group: '深圳',
        documents: '1',
        rest_documents: '142',
        count: String(a),
        rest_count: String(b),
        words: String(n1),
        rest_words: String(n2),
      });
      expect(Number(row.rate_ratio)).toBeCloseTo(a / n1 / (b / n2), 4);
      // The exact conditional test by its definition: sum over every outcome no more likely than a.
      const n = a + b;
      const pi = n1 / (n1 + n2);
      const d = binomialPmfAt(a, n, pi) * (1 + 1e-7);
      let p = 0;
      for (let i = 0; i <= n; i++) {
        const pmf = binomialPmfAt(i, n, pi);
        if (pmf <= d) p += pmf;
      }
      // exact_p_value is written with 4 decimals, or 3 significant digits below 0.0001.
      const reported = Number(row.exact_p_value);
      if (reported >= 0.0001) expect(Math.abs(reported - p), row.theme).toBeLessThanOrEqual(0.00005);
      else expect(Math.abs(reported - p) / p, row.theme).toBeLessThan(0.01);
      expect(Number(row.exact_ci_low)).toBeLessThan(Number(row.rate_ratio));
      expect(Number(row.exact_ci_high)).toBeGreaterThan(Number(row.rate_ratio));
      // The quasi-Poisson test on the 143 documents' counts, as R 4 computed it from this run's frequencies.csv:
      //   f <- read.csv("frequencies.csv"); s <- f[f$theme == th, ]; y <- tapply(s$count, s$document, sum)
      //   w <- tapply(s$words, s$document, max); g <- as.numeric(names(y) == "深圳")
      //   m <- glm(y ~ g + offset(log(w)), family = quasipoisson); co <- summary(m)$coefficients["g", ]
      //   summary(m)$dispersion; exp(co[1] + c(-1, 1) * qt(0.975, m$df.residual) * co[2]); co[4]
      //   rate <- y / w; 1 + sum(rate > rate[g == 1])
      const r = R_SHENZHEN[row.theme as keyof typeof R_SHENZHEN];
      expect(row, row.theme).toMatchObject({ test: 'quasi-poisson', df: '141', rank: String(r.rank), rank_of: '143', significant_q: 'false' });
      expect(Number(row.dispersion) / r.dispersion, row.theme).toBeCloseTo(1, 5);
      expect(Number(row.ci_low) / r.low, row.theme).toBeCloseTo(1, 5);
      expect(Number(row.ci_high) / r.high, row.theme).toBeCloseTo(1, 5);
      expect(Math.abs(Number(row.p_value) - r.p), row.theme).toBeLessThanOrEqual(0.00005);
      // The same dispersion worked out here, document by document: mu = words x its side's pooled rate.
      const docs = [...words.keys()];
      const y = (d: string) => frequencies.filter((f) => f.document === d && f.theme === row.theme).reduce((s, f) => s + Number(f.count), 0);
      const pearson = docs.reduce((sum, d) => {
        const mu = words.get(d)! * (d === '深圳' ? a / n1 : b / n2);
        return sum + (y(d) - mu) ** 2 / mu;
      }, 0);
      expect(Number(row.dispersion) / (pearson / 141), row.theme).toBeCloseTo(1, 5);
    }
    // The summary's findings name the comparison, per theme.
    expect(outcome.summary).toContain('Comparison: id = 深圳 (1 document) against the other 142 documents');
    expect(outcome.summary).toMatch(/technology-centrism +x1\.619 \(1\.076 to 2\.434\), q 0\.\d{4}, not significant; ranks 8th of 143/);
    const markdown = await readFile(path.join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('## Comparisons between groups');
    expect(markdown).toContain('### id = 深圳');
    expect(markdown).toMatch(/1 document \([\d,]+ words\) against 142 \(/);
  }, 180_000);
});
