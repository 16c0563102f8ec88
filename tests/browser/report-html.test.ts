import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/run.ts';
import { parseCsv } from '../../src/text/parse-csv.ts';
import { CHROMIUM, hasChromium, launchChromium } from './launch-chromium.ts';

/**
 * Opens the report.html of the bundled corpus in headless Chromium: the charts have marks, the
 * evidence links open the rows of evidence.csv behind each number, and the page logs no error
 * and makes no request. Skips where /usr/bin/chromium is absent (CI installs it: .ci/run).
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
if (!hasChromium) console.warn(`[browser test skipped] ${CHROMIUM} not found: install the Debian package "chromium" (apt-get install -y chromium) to run it.`);

type Csv = Array<Record<string, string>>;

function readTable(text: string): Csv {
  const [header, ...rows] = parseCsv(text).rows.map((row) => row.cells.map((cell) => cell.value));
  return rows.filter((cells) => cells.length > 1).map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
}

describe.skipIf(!hasChromium)('report.html in headless Chromium', { timeout: 120_000 }, () => {
  let folder = '';
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;
  let evidence: Csv;
  let frequencies: Csv;
  let cooccurrence: Csv;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'policycoder-browser-'));
    const outDir = path.join(folder, 'out');
    const options = {
      corpusDir: path.join(repoRoot, 'corpus'),
      codebookPath: path.join(repoRoot, 'codebooks/smart-city.yaml'),
      outDir,
      cjkWords: 'icu' as const,
      cacheDir: null,
      topTerms: 3,
      threads: 0,
    };
    const outcome = await runAnalyze(options);
    expect(outcome.exitCode).toBe(0);
    evidence = readTable(await readFile(path.join(outDir, 'evidence.csv'), 'utf8'));
    frequencies = readTable(await readFile(path.join(outDir, 'frequencies.csv'), 'utf8'));
    cooccurrence = readTable(await readFile(path.join(outDir, 'cooccurrence.csv'), 'utf8'));
    ({ context, close } = await launchChromium());
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(path.join(outDir, 'report.html')).href);
  }, 120_000);

  afterAll(async () => {
    await close?.();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('draws every chart: line charts per series, share bars, heat map, co-occurrence matrices, each with visible marks', async () => {
    // 3 series in the bundled corpus: a line chart and a matrix each; one share-bar chart and one heat map.
    for (const [selector, expected] of [
      ['svg.line-chart', 3],
      ['svg.share-bars', 1],
      ['svg.heat-map', 1],
      ['svg.matrix', 3],
    ] as const) {
      expect(await page.locator(selector).count(), selector).toBe(expected);
    }
    const marks: Array<{ chart: string; drawn: number }> = await page.evaluate(`[...document.querySelectorAll('svg.chart')].map((svg) => ({
      chart: svg.getAttribute('class'),
      drawn: [...svg.querySelectorAll('path.series, circle.dot, rect')].filter((m) => { const b = m.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length,
    }))`);
    expect(marks).toHaveLength(8);
    for (const { chart, drawn } of marks) expect(drawn, chart).toBeGreaterThan(0);
    // china-national has 4 milestones x 4 themes: 16 dots and 4 lines
    const national = page.locator('#series-china-national svg.line-chart');
    expect(await national.locator('circle.dot').count()).toBe(16);
    expect(await national.locator('path.series').count()).toBe(4);
    // shenzhen 2018: technology-centrism and sustainability changed significantly (G2 test): two rings
    expect(await page.locator('#series-shenzhen svg.line-chart circle.signif').count()).toBe(2);
  });

  it('a code count opens exactly its evidence.csv rows, each passage holding the matched text', async () => {
    const doc = 'sz-2018-smart-city-plan';
    const code = 'data-and-platforms';
    const expected = evidence.filter((r) => r.document === doc && r.code === code);
    const count = Number(frequencies.find((r) => r.document === doc && r.code === code)?.count);
    expect(expected).toHaveLength(count);
    expect(count).toBeGreaterThan(0);
    const link = page.locator(`#evolution a[href="#evidence-${doc}-${code}"]`).first();
    expect(await link.textContent()).toBe(String(count));
    await link.click();
    const panel = page.locator('#evidence-panel');
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.getAttribute('data-anchor')).toBe(`evidence-${doc}-${code}`);
    const rows = panel.locator('tbody tr');
    expect(await rows.count()).toBe(count);
    const marks = await panel.locator('tbody tr mark').allTextContents();
    expect(marks).toEqual(expected.map((r) => r.matched));
    const passages = await panel.locator('tbody td.passage').allTextContents();
    for (const [i, text] of passages.entries()) expect(text).toContain(expected[i]!.matched);
    expect(await panel.locator('tbody td.meta .where').first().textContent()).toBe(`p. ${expected[0]!.page}, l. ${expected[0]!.line}`);
    await page.locator('#evidence-close').click();
    expect(await panel.isVisible()).toBe(false);
  });

  it("a point of a line chart opens the theme's mentions in that milestone", async () => {
    const doc = 'cn-2012-pilots';
    const expected = evidence.filter((r) => r.document === doc && r.theme === 'participation');
    await page.keyboard.press('Escape');
    await page.locator(`#series-china-national svg.line-chart a[href="#evidence-${doc}-theme-participation"]`).click();
    const panel = page.locator('#evidence-panel');
    expect(await panel.locator('tbody tr').count()).toBe(expected.length);
    expect(await panel.locator('tbody tr mark').allTextContents()).toEqual(expected.map((r) => r.matched));
    expect(await page.locator('#evidence-summary').textContent()).toContain(`${expected.length} mentions in 1 document`);
  });

  it('a count above the embedded cap shows the first 50 rows and points to evidence.csv for the rest', async () => {
    const doc = 'cn-2012-pilots';
    const code = 'planning-and-standards';
    const all = evidence.filter((r) => r.document === doc && r.code === code);
    expect(all.length).toBeGreaterThan(50);
    await page.keyboard.press('Escape');
    expect(await page.locator('#evidence-panel').isVisible()).toBe(false);
    // the count in the table of significant code changes (54 -> 22 per 1,000 words)
    await page.locator(`#series-china-national a[href="#evidence-${doc}-${code}"]`).first().click();
    expect(await page.locator('#evidence-panel tbody tr').count()).toBe(50);
    expect(await page.locator('#evidence-panel tbody tr mark').allTextContents()).toEqual(all.slice(0, 50).map((r) => r.matched));
    expect(await page.locator('#evidence-notes').textContent()).toContain(`the first 50 of ${all.length} mentions are shown; all are in evidence.csv`);
  });

  it('a co-occurrence count lists mentions of both themes from the sentences that hold both', async () => {
    const total = cooccurrence.find(
      (r) => r.series === 'shenzhen' && r.document === '' && r.unit === 'sentence' && r.theme_a === 'participation' && r.theme_b === 'governance',
    );
    await page.keyboard.press('Escape');
    const link = page.locator('#cooccurrence-shenzhen table a[href="#evidence-shenzhen-sentence-participation-governance"]');
    expect(await link.textContent()).toBe(total?.both);
    await link.click();
    const rows: string[][] = await page.evaluate(
      `[...document.querySelectorAll('#evidence-panel tbody td.meta')].map((m) => [...m.children].map((c) => c.textContent))`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const themes = new Set(rows.map((cells) => cells[2]!.split(' / ')[0]));
    expect([...themes].sort()).toEqual(['governance', 'participation']);
    // each listed sentence holds a mention of both themes, by evidence.csv
    for (const cells of rows) {
      const sentence = cells[1]!.match(/^sentence (\d+)/)?.[1];
      expect(sentence).toBeDefined();
      const inSentence = evidence.filter((r) => r.document === cells[0] && r.sentence === sentence).map((r) => r.theme);
      expect(inSentence).toContain('participation');
      expect(inSentence).toContain('governance');
    }
    // as many distinct sentences as the matrix counts
    expect(new Set(rows.map((cells) => `${cells[0]} ${cells[1]!.split(',')[0]}`)).size).toBe(Number(total?.both));
  });

  it('opening the page at an evidence anchor opens the panel there', async () => {
    const second = await context.newPage();
    const url = page.url().replace(/#.*$/, '');
    await second.goto(`${url}#evidence-theme-participation`);
    expect(await second.locator('#evidence-panel').isVisible()).toBe(true);
    const total = evidence.filter((r) => r.theme === 'participation').length;
    expect(await second.locator('#evidence-summary').textContent()).toContain(`${total} mentions`);
    await second.close();
  });

  it('logged no console error or warning, failed no request and asked for nothing but the file itself', () => {
    expect(problems).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
  });
});
