/**
 * Boilerplate rules on real documents (../shared/data): the Wikisource licence footer of the 25
 * State Council work reports and of the 2017 Congress report, and the PKULaw citation header of
 * the 5 local policies. The corpus is analysed without and with the rules; what disappears must be
 * exactly what the footer and header hold, counted here independently of the tokenizer and matcher.
 *
 * The footer of every work report reads (line breaks as in the file, blank lines left out):
 *   本作品是中华人民共和国的 / 法律 / 、/ 法规 / ，国家机关的决议、决定、命令和其他具有立法、行政、司法性质的文件，
 *   及其官方正式译文。根据《 / 中华人民共和国著作权法 / 》第五条第一项，本作品不适用于该法，在 / 中国大陆 /
 *   ，也可能在其他管辖区，属于 / 公有领域 / 。/ 注：中文维基文库社群认为，中华人民共和国公务演讲，/ 不总是 /
 *   具有立法、行政、司法性质的文件。/ Public domain / Public domain / false / false
 * so by hand: 法律 1, 法规 1, 立法 2, 行政 2 (6 governance matches); 137 CJK characters and 6 Latin words.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/run.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const shared = path.resolve(repoRoot, '../shared/data/zh');
const available = existsSync(path.join(shared, 'gov_work_reports/by_year')) && existsSync(path.join(shared, 'local_policies'));
if (!available) console.warn(`skipping the boilerplate tests on real documents: ${shared} is absent (it exists only beside the development checkout)`);

const CODEBOOK = `# quanteda format
governance: [法律, 法规, 立法, 行政]
technology: [数据, 信息化, 互联网]
`;
const RULES = `boilerplate:
  - name: wikisource-licence
    files: [gov_work_reports/*.txt, milestones/2017-19th-cpc-congress-report.txt]
    drop_from: 本作品
  - name: pkulaw-header
    files: local_policies/*.txt
    drop_until: 原文链接
    plus_lines: 1
`;
const TERMS = { governance: ['法律', '法规', '立法', '行政'], technology: ['数据', '信息化', '互联网'] };

type Counts = Map<string, { governance: number; technology: number; words: number }>;

describe.skipIf(!available)('boilerplate rules on the real work reports, Congress report and local policies', () => {
  let root: string;
  let before: Counts;
  let after: Counts;
  let evidence: Array<[string, string]>;
  const texts = new Map<string, string>();

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'policycoder-boilerplate-real-'));
    const corpus = path.join(root, 'corpus');
    const copies: Array<[string, string]> = [];
    for (const name of await readdir(path.join(shared, 'gov_work_reports/by_year')))
      copies.push([`gov_work_reports/by_year/${name}`, `gov_work_reports/${name}`]);
    for (const name of await readdir(path.join(shared, 'local_policies'))) copies.push([`local_policies/${name}`, `local_policies/${name}`]);
    copies.push(['smart_city_milestones/2017-19th-cpc-congress-report.txt', 'milestones/2017-19th-cpc-congress-report.txt']);
    for (const [from, to] of copies) {
      await mkdir(path.dirname(path.join(corpus, to)), { recursive: true });
      await copyFile(path.join(shared, from), path.join(corpus, to));
      texts.set(path.basename(to, '.txt'), (await readFile(path.join(shared, from), 'utf8')).replace(/\r\n?/g, '\n'));
    }
    await writeFile(path.join(root, 'codebook.yml'), CODEBOOK);
    before = await countsOf(corpus, 'before');
    await writeFile(path.join(corpus, 'corpus.yaml'), RULES);
    after = await countsOf(corpus, 'after');
    const [head, ...rows] = (await readFile(path.join(root, 'after/evidence.csv'), 'utf8')).trim().split('\n');
    const columns = head!.split(',');
    evidence = rows.map((line) => line.split(',')).map((cells): [string, string] => [cells[columns.indexOf('document')]!, cells[columns.indexOf('line')]!]);
    console.log(`Counts before -> after the rules (governance, technology, words):\n${diffTable(before, after)}`);
  }, 120_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  async function countsOf(corpus: string, out: string): Promise<Counts> {
    const outcome = await runAnalyze({
      corpusDir: corpus,
      codebookPath: path.join(root, 'codebook.yml'),
      outDir: path.join(root, out),
      cjkWords: 'characters',
      cacheDir: null,
      topTerms: 3,
    });
    expect(outcome.exitCode).toBe(0);
    // Every rule removed something where aimed (the results/... warnings judge the codebook, not the rules).
    expect(outcome.diagnostics.filter((d) => d.severity !== 'info' && !d.rule.startsWith('results/'))).toEqual([]);
    const counts: Counts = new Map();
    const [head, ...rows] = (await readFile(path.join(root, out, 'frequencies.csv'), 'utf8')).trim().split('\n');
    const columns = head!.split(',');
    for (const cells of rows.map((line) => line.split(','))) {
      const document = cells[columns.indexOf('document')]!;
      const entry = counts.get(document) ?? { governance: 0, technology: 0, words: 0 };
      entry[cells[columns.indexOf('theme')] as 'governance' | 'technology'] += Number(cells[columns.indexOf('count')]);
      entry.words = Number(cells[columns.indexOf('words')]);
      counts.set(document, entry);
    }
    return counts;
  }

  /** Occurrences of the theme's terms in `text` (plain substring counts: none of these terms contains another). */
  const occurrences = (text: string, theme: keyof typeof TERMS) => TERMS[theme].reduce((sum, term) => sum + text.split(term).length - 1, 0);
  /** Words under `--cjk-words characters`, counted with two regular expressions instead of the tokenizer. */
  const words = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length + (text.match(/[A-Za-z0-9]+/g) ?? []).length;
  const footerOf = (text: string) => text.slice(text.indexOf('\n本作品') + 1);
  const headerOf = (text: string) => text.split('\n').slice(0, 3).join('\n');

  it('the licence footer no longer counts in any of the 25 work reports: 6 governance matches and 143 words each', () => {
    const reports = [...texts.keys()].filter((name) => name.startsWith('gwr_'));
    expect(reports).toHaveLength(25);
    for (const name of reports) {
      const footer = footerOf(texts.get(name)!);
      expect(occurrences(footer, 'governance'), name).toBe(6);
      expect(words(footer), name).toBe(143);
      expect(before.get(name)!.governance - after.get(name)!.governance, name).toBe(6);
      expect(before.get(name)!.technology, name).toBe(after.get(name)!.technology);
      expect(before.get(name)!.words - after.get(name)!.words, name).toBe(143);
    }
  });

  it('the footer of the 2017 Congress report no longer counts', () => {
    const name = '2017-19th-cpc-congress-report';
    const footer = footerOf(texts.get(name)!);
    expect(footer.startsWith('本作品来自1949年10月1日')).toBe(true);
    for (const theme of ['governance', 'technology'] as const) expect(before.get(name)![theme] - after.get(name)![theme]).toBe(occurrences(footer, theme));
    expect(before.get(name)!.words - after.get(name)!.words).toBe(words(footer));
  });

  it('the PKULaw citation header (code, link and the database title) no longer counts in the 5 local policies', () => {
    const policies = [...texts.keys()].filter((name) => /^\d{4}-\d\d-\d\d_/.test(name));
    expect(policies).toHaveLength(5);
    for (const name of policies) {
      const header = headerOf(texts.get(name)!);
      expect(header).toMatch(/^\s*【法宝引证码】 CLI\.12\.\d+\n原文链接：https:\/\/www\.pkulaw\.com\/lar\/\w+\.html\n/);
      for (const theme of ['governance', 'technology'] as const) {
        expect(before.get(name)![theme] - after.get(name)![theme], `${name} ${theme}`).toBe(occurrences(header, theme));
      }
      expect(before.get(name)!.words - after.get(name)!.words, name).toBe(words(header));
    }
    // By hand: the Beijing title 北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知 holds 信息化 and 数据;
    // 5 + 3 words on the citation line, 4 + 7 on the link line, 33 characters in the title.
    const beijing = '2022-11-21_beijing_data_zones_guiding_opinions';
    expect(before.get(beijing)!.technology - after.get(beijing)!.technology).toBe(2);
    expect(before.get(beijing)!.words - after.get(beijing)!.words).toBe(8 + 11 + 33);
  });

  it('no evidence row points into removed text', () => {
    for (const [document, line] of evidence) {
      const text = texts.get(document)!;
      if (document.startsWith('gwr_') || document.startsWith('2017-')) {
        const footerLine = text.slice(0, text.indexOf('\n本作品') + 1).split('\n').length;
        expect(Number(line), document).toBeLessThan(footerLine);
      } else expect(Number(line), document).toBeGreaterThan(3);
    }
  });
});

function diffTable(before: Counts, after: Counts): string {
  return [...before.keys()]
    .sort()
    .map((document) => {
      const [b, a] = [before.get(document)!, after.get(document)!];
      return `${document}: ${b.governance} -> ${a.governance}, ${b.technology} -> ${a.technology}, ${b.words} -> ${a.words}`;
    })
    .join('\n');
}

const federalRegister = path.resolve(repoRoot, '../shared/data/pdf/normal/federal-register-2020-17221.pdf');
const hasPdf = existsSync(federalRegister);
if (!hasPdf) console.warn(`skipping the running-head test: ${federalRegister} is absent`);

/**
 * Page furniture in a real PDF: pages 2-15 of this Federal Register issue start with a running head
 * such as `47699\tFederal Register / Vol. 85, No. 152 / Thursday, August 6, 2020 / Proposed Rules`
 * (page 1 has none). Each holds `Federal Register` once and 13 words (47699, Federal, Register, Vol,
 * 85, No, 152, Thursday, August, 6, 2020, Proposed, Rules).
 */
describe.skipIf(!hasPdf)('a drop_lines rule on the running heads of a real PDF', () => {
  it('removes the 14 running heads: 14 matches of "federal register" and 182 words, page numbers of the rest unchanged', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'policycoder-running-heads-'));
    try {
      const corpus = path.join(root, 'corpus');
      await mkdir(corpus);
      await copyFile(federalRegister, path.join(corpus, 'fr.pdf'));
      await writeFile(path.join(root, 'codebook.yml'), 'register: [federal register]\n');
      const run = async (out: string) => {
        const outcome = await runAnalyze({
          corpusDir: corpus,
          codebookPath: path.join(root, 'codebook.yml'),
          outDir: path.join(root, out),
          cjkWords: 'icu',
          cacheDir: null,
          topTerms: 3,
        });
        expect(outcome.exitCode).toBe(0);
        const [head, row] = (await readFile(path.join(root, out, 'frequencies.csv'), 'utf8'))
          .trim()
          .split('\n')
          .map((line) => line.split(','));
        const pages = (await readFile(path.join(root, out, 'evidence.csv'), 'utf8')).trim().split('\n');
        const pageColumn = pages[0]!.split(',').indexOf('page');
        return {
          count: Number(row![head!.indexOf('count')]),
          words: Number(row![head!.indexOf('words')]),
          pages: pages.slice(1).map((line) => line.split(',')[pageColumn]),
        };
      };
      const before = await run('before');
      await writeFile(
        path.join(corpus, 'corpus.yaml'),
        "boilerplate:\n  - name: running-heads\n    drop_lines: '^\\d+ ?\\tFederal Register / Vol\\. 85, No\\. 152 / '\n",
      );
      const after = await run('after');
      expect(before.count - after.count).toBe(14);
      expect(before.words - after.words).toBe(14 * 13);
      // The heads were the first match of pages 2-15; every other match keeps its page.
      const heads = ['2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'];
      const rest = [...before.pages];
      for (const page of heads) rest.splice(rest.indexOf(page), 1);
      expect(after.pages).toEqual(rest);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});
