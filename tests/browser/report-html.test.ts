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
 * Opens the report.html of the bundled corpus (real documents, corpus/corpus.yaml) in headless
 * Chromium: the charts have marks, the evidence links open the rows of evidence.csv behind each
 * number, and the page logs no error and makes no request. Skips where /usr/bin/chromium is absent
 * (CI installs it: .ci/run).
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
  let evolution: Csv;
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
    evolution = readTable(await readFile(path.join(outDir, 'evolution.csv'), 'utf8'));
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
    // 6 series in corpus/corpus.yaml (china-national, and one per city: shenzhen, beijing, shanghai,
    // guangzhou, chongqing): a line chart and a matrix each; one share-bar chart and one heat map.
    for (const [selector, expected] of [
      ['svg.line-chart', 6],
      ['svg.share-bars', 1],
      ['svg.heat-map', 1],
      ['svg.matrix', 6],
    ] as const) {
      expect(await page.locator(selector).count(), selector).toBe(expected);
    }
    const marks: Array<{ chart: string; drawn: number }> = await page.evaluate(`[...document.querySelectorAll('svg.chart')].map((svg) => ({
      chart: svg.getAttribute('class'),
      drawn: [...svg.querySelectorAll('path.series, circle.dot, rect')].filter((m) => { const b = m.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length,
    }))`);
    expect(marks).toHaveLength(14);
    for (const { chart, drawn } of marks) expect(drawn, chart).toBeGreaterThan(0);
    // china-national has 7 milestones x 4 themes: 28 dots and 4 lines
    const national = page.locator('#series-china-national svg.line-chart');
    expect(await national.locator('circle.dot').count()).toBe(28);
    expect(await national.locator('path.series').count()).toBe(4);
    // one ring per theme change that evolution.csv flags significant_q (G2 test, Benjamini-Hochberg q < 0.05)
    const significant = evolution.filter((r) => r.series === 'china-national' && r.level === 'theme' && r.significant_q === 'true');
    expect(significant.length).toBeGreaterThan(0);
    expect(await national.locator('circle.signif').count()).toBe(significant.length);
    // a city's report is a series of one: 4 dots, nothing to compare, so no ring
    const shenzhen = page.locator('#series-shenzhen svg.line-chart');
    expect(await shenzhen.locator('circle.dot').count()).toBe(4);
    expect(await shenzhen.locator('circle.signif').count()).toBe(0);
  });

  it('a code count opens exactly its evidence.csv rows, each passage holding the matched text', async () => {
    // 31 mentions: under the 50 rows the page embeds per document x code, so all are listed
    const doc = 'cn-2014-smart-city-guiding-opinions';
    const code = 'regulation-and-coordination';
    const expected = evidence.filter((r) => r.document === doc && r.code === code);
    const count = Number(frequencies.find((r) => r.document === doc && r.code === code)?.count);
    expect(expected).toHaveLength(count);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(50);
    const link = page.locator(`#evolution a[href="#evidence-${doc}-${code}"]:visible`).first();
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
    // a text file has no pages: the line only
    expect(await panel.locator('tbody td.meta .where').first().textContent()).toBe(`l. ${expected[0]!.line}`);
    await page.locator('#evidence-close').click();
    expect(await panel.isVisible()).toBe(false);
  });

  it("a point of a line chart opens the theme's mentions in that milestone", async () => {
    const doc = 'cn-2022-digital-government-opinions';
    const expected = evidence.filter((r) => r.document === doc && r.theme === 'participation');
    await page.keyboard.press('Escape');
    await page.locator(`#series-china-national svg.line-chart a[href="#evidence-${doc}-theme-participation"]`).click();
    const panel = page.locator('#evidence-panel');
    expect(await panel.locator('tbody tr').count()).toBe(expected.length);
    expect(await panel.locator('tbody tr mark').allTextContents()).toEqual(expected.map((r) => r.matched));
    expect(await page.locator('#evidence-summary').textContent()).toContain(`${expected.length} mentions in 1 document`);
  });

  it('a count above the embedded cap shows the first 50 rows and points to evidence.csv for the rest', async () => {
    const doc = 'cn-2023-digital-china-report';
    const code = 'data-and-platforms';
    const all = evidence.filter((r) => r.document === doc && r.code === code);
    expect(all.length).toBeGreaterThan(50);
    await page.keyboard.press('Escape');
    expect(await page.locator('#evidence-panel').isVisible()).toBe(false);
    await page.locator(`#series-china-national a[href="#evidence-${doc}-${code}"]`).first().click();
    expect(await page.locator('#evidence-panel tbody tr').count()).toBe(50);
    expect(await page.locator('#evidence-panel tbody tr mark').allTextContents()).toEqual(all.slice(0, 50).map((r) => r.matched));
    expect(await page.locator('#evidence-notes').textContent()).toContain(`the first 50 of ${all.length} mentions are shown; all are in evidence.csv`);
  });

  /** Opens the sentence co-occurrence count of two themes in a series; returns the panel's rows (document, unit, code). */
  async function openPair(series: string, a: string, b: string) {
    const total = cooccurrence.find((r) => r.series === series && r.document === '' && r.unit === 'sentence' && r.theme_a === a && r.theme_b === b);
    await page.keyboard.press('Escape');
    const link = page.locator(`#cooccurrence-${series} table a[href="#evidence-${series}-sentence-${a}-${b}"]`);
    expect(await link.textContent()).toBe(total?.both);
    await link.click();
    const rows: string[][] = await page.evaluate(
      `[...document.querySelectorAll('#evidence-panel tbody td.meta')].map((m) => [...m.children].map((c) => c.textContent))`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect([...new Set(rows.map((cells) => cells[2]!.split(' / ')[0]))].sort()).toEqual([a, b].sort());
    // each listed sentence holds a mention of both themes, by evidence.csv
    for (const cells of rows) {
      const sentence = cells[1]!.match(/^sentence (\d+)/)?.[1];
      expect(sentence).toBeDefined();
      const inSentence = evidence.filter((r) => r.document === cells[0] && r.sentence === sentence).map((r) => r.theme);
      expect(inSentence).toContain(a);
      expect(inSentence).toContain(b);
    }
    const sentences = new Set(rows.map((cells) => `${cells[0]} ${cells[1]!.split(',')[0]}`)).size;
    return { both: Number(total?.both), sentences, notes: await page.locator('#evidence-notes li').allTextContents() };
  }

  /** The largest count of any code of the theme in the document (the page embeds at most 50 rows of each). */
  const largestCode = (document: string, theme: string) =>
    Math.max(...frequencies.filter((r) => r.document === document && r.theme === theme).map((r) => Number(r.count)));

  it('a co-occurrence count lists mentions of both themes from the sentences that hold both', async () => {
    // Beijing: the page embeds the first 50 rows of each code, so it can list exactly the sentences where an
    // embedded mention of each theme meets (worked out from evidence.csv); all of them when no code is cut.
    const doc = 'beijing-2024-work-report';
    const embedded = (theme: string) => {
      const codes = [...new Set(evidence.filter((r) => r.document === doc && r.theme === theme).map((r) => r.code))];
      return new Set(
        codes.flatMap((code) =>
          evidence
            .filter((r) => r.document === doc && r.code === code)
            .slice(0, 50)
            .map((r) => r.sentence),
        ),
      );
    };
    const [inA, inB] = [embedded('sustainability'), embedded('participation')];
    const listable = [...inA].filter((sentence) => inB.has(sentence)).length;
    const { both, sentences } = await openPair('beijing', 'sustainability', 'participation');
    expect(sentences).toBe(listable);
    expect(listable).toBeGreaterThan(0);
    if (largestCode(doc, 'sustainability') <= 50 && largestCode(doc, 'participation') <= 50) expect(sentences).toBe(both);
  });

  it('a co-occurrence count over codes cut at the embedded cap lists what it can and says which codes were cut', async () => {
    // Shenzhen: governance has a code with more than 50 mentions, so some sentences cannot be listed.
    const cut = frequencies.filter((r) => r.document === 'shenzhen-2024-work-report' && r.theme === 'governance' && Number(r.count) > 50);
    expect(cut.length).toBeGreaterThan(0);
    const { both, sentences, notes } = await openPair('shenzhen', 'participation', 'governance');
    expect(sentences).toBeLessThanOrEqual(both);
    expect(notes).toEqual(
      cut.map(
        (r) =>
          `shenzhen-2024-work-report, governance / ${r.code}: the first 50 of ${r.count} mentions are shown; all are in evidence.csv (document=shenzhen-2024-work-report, code=${r.code}).`,
      ),
    );
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
