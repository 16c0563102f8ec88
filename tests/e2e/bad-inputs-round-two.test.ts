/**
 * Bad inputs of issue 14 ("Nothing lost, round two") that used to cost the whole run or to be
 * counted wrongly: each is fed next to the good documents of the `basic` case, whose hand counts
 * (tests/e2e/cases/basic/expected) must not change, and must be named with its reason.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalyzeOptions } from '../../src/run.ts';
import { tempFolders } from '../support/temp-folders.ts';
import { analyseWithBasicCodebook, basicCorpusWith } from '../support/basic-corpus.ts';
import { runAdd } from '../../src/run/run-add.ts';
import { repeatedPagePdf } from '../support/repeated-page-pdf.ts';
import { makeDocx } from '../unit/ingest/make-docx.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const basic = path.join(repoRoot, 'tests/e2e/cases/basic');
const { tempFolder: temporaryFolder, removeAll } = tempFolders('policycoder-bad2-');
afterAll(removeAll);

/** The basic corpus plus `extra` files (relative path -> content), with `yaml` appended to corpus.yaml. */
const corpusWith = (extra: Record<string, string | Uint8Array>, yaml = ''): Promise<string> => basicCorpusWith(temporaryFolder, extra, yaml);

const analyse = (corpusDir: string, overrides: Partial<AnalyzeOptions> = {}) => analyseWithBasicCodebook(temporaryFolder, corpusDir, overrides);

type Analysis = Awaited<ReturnType<typeof analyse>>;

/** The rows of a2012, b2018 and c2017 are exactly the hand-counted expected rows. */
async function expectGoodCountsKept({ read }: Analysis): Promise<void> {
  const expected = (await readFile(path.join(basic, 'expected/frequencies.csv'), 'utf8')).trim().split('\n');
  const actual = (await read('frequencies.csv')).trim().split('\n');
  const good = new Set(['a2012', 'b2018', 'c2017']);
  expect(actual.filter((line) => good.has(line.split(',')[0]!))).toEqual(expected.slice(1));
}

/** The bad input failed with a reason matching `reason`, and an error with `rule` names the file. */
async function expectFailed(analysis: Analysis, relPath: string, rule: string, reason: RegExp): Promise<void> {
  expect(analysis.outcome.exitCode).toBe(1);
  const input = (await analysis.manifest()).inputs.find((candidate) => candidate.relPath === relPath);
  expect(input, `${relPath} in manifest inputs`).toMatchObject({ status: 'failed' });
  expect(input!.reason).toMatch(reason);
  const errors = analysis.outcome.diagnostics.filter((d) => d.severity === 'error' && (d.file ?? '').endsWith(relPath));
  expect(errors.map((d) => d.rule)).toContain(rule);
}

describe('HTML nested too deep (item 6)', () => {
  it('10,000 nested <div>s and 100,000 unclosed <div>s fail alone; the run goes on', async () => {
    const analysis = await analyse(
      await corpusWith({ 'd-deep.html': `<p>big data</p>${'<div>'.repeat(10_000)}green`, 'd-unclosed.html': '<div>big data '.repeat(100_000) }),
    );
    await expectFailed(analysis, 'd-deep.html', 'ingest/html-too-deep', /nests elements more than 1,000 deep/);
    await expectFailed(analysis, 'd-unclosed.html', 'ingest/html-too-deep', /nests elements more than 1,000 deep/);
    await expectGoodCountsKept(analysis);
  });

  it('a tag with 100,000 attributes fails alone at once (parse5 took 35 s); the run goes on', async () => {
    const tag = `<p ${Array.from({ length: 100_000 }, (_, k) => `a${k}="1"`).join(' ')}>`;
    const analysis = await analyse(await corpusWith({ 'd-attributes.html': `${tag}big data</p>` }));
    await expectFailed(analysis, 'd-attributes.html', 'ingest/html-too-complex', /more than 1,000 attributes/);
    await expectGoodCountsKept(analysis);
  });
});

describe('codebook and corpus.yaml text with markup stays text in report.md and evolution.md (item 15)', () => {
  const payloads = {
    name: "<script>alert('name')</script>",
    themeId: '<img src=x onerror=alert(1)>',
    themeLabel: '<b>bold</b> [link](javascript:alert(2))',
    description: '<iframe src=javascript:alert(3)>',
    codeId: '<svg onload=alert(4)>',
    codeLabel: '<script>alert(5)</script>',
    definition: '![img](http://tracker.invalid/x.png) `a``b` **x** <http://auto.invalid>',
    documentId: '<i>doc</i>',
    title: "<script>alert('title')</script>",
    series: '<b>series</b>',
    coder: '<script>alert(6)</script>',
    method: '[link](javascript:alert(7)) <b>method</b>',
    note: '<img src=x onerror=alert(8)>',
  };
  const quoted = (text: string) => JSON.stringify(text);

  it('rendered with raw HTML allowed (markdown-it, html: true), the reports hold no element, link or image that the text made', async () => {
    const root = await temporaryFolder();
    const corpus = path.join(root, 'corpus');
    await mkdir(corpus);
    await writeFile(path.join(corpus, 'a-2012.txt'), 'The city will use big data.\n');
    await writeFile(path.join(corpus, 'b-2014.txt'), 'Big data again, big data <em>.\n');
    await writeFile(
      path.join(corpus, 'corpus.yaml'),
      `documents:\n  - file: a-2012.txt\n    id: ${quoted(payloads.documentId)}\n    title: ${quoted(payloads.title)}\n    series: ${quoted(payloads.series)}\n    date: 2012\n` +
        `  - file: b-2014.txt\n    series: ${quoted(payloads.series)}\n    date: 2014\n`,
    );
    const codebook = path.join(root, 'codebook.yaml');
    await writeFile(
      codebook,
      `policycoder: 1\nname: ${quoted(payloads.name)}\nthemes:\n  ${quoted(payloads.themeId)}:\n    label: ${quoted(payloads.themeLabel)}\n` +
        `    description: ${quoted(payloads.description)}\n    codes:\n      ${quoted(payloads.codeId)}:\n        label: ${quoted(payloads.codeLabel)}\n` +
        `        definition: ${quoted(payloads.definition)}\n        include: "<u>inc</u>"\n        terms:\n          en: [big data, "<em>"]\n` +
        `        validation:\n          precision: { estimate: 0.5, low: 0.1, high: 0.9, n: 4 }\n          note: ${quoted(payloads.note)}\n` +
        `validation:\n  coder: ${quoted(payloads.coder)}\n  method: ${quoted(payloads.method)}\n`,
    );
    const analysis = await analyse(corpus, { codebookPath: codebook });
    expect(analysis.outcome.exitCode).toBe(0);
    const markdown = new MarkdownIt({ html: true, linkify: true });
    // `a`: linkify makes a link of a bare http URL in any text (the definition has two); never of javascript:.
    const ownTags = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'strong', 'code', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a']);
    for (const name of ['report.md', 'evolution.md']) {
      const html = markdown.render(await analysis.read(name));
      const tags = [...html.matchAll(/<([a-z][a-z0-9]*)([^>]*)>/gi)];
      expect(
        [...new Set(tags.map((tag) => tag[1]!.toLowerCase()))].filter((tag) => !ownTags.has(tag)),
        name,
      ).toEqual([]);
      const attributes = tags.map((tag) => tag[2]!.trim()).filter((attribute) => attribute !== '');
      expect(
        attributes.filter((attribute) => !/^href="http:\/\/[a-z.]+\.invalid[^"]*"$/.test(attribute) && !/^style="text-align:(?:right|left)"$/.test(attribute)),
        name,
      ).toEqual([]);
      // The text is all there, as text.
      expect(html, name).toContain('&lt;b&gt;bold&lt;/b&gt; [link](javascript:alert(2))');
      expect(html, name).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
    const report = markdown.render(await analysis.read('report.md'));
    for (const text of [payloads.name, payloads.codeLabel, payloads.title, payloads.description, payloads.coder, payloads.note]) {
      expect(report).toContain(text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
    }
    const page = await analysis.read('report.html');
    for (const text of Object.values(payloads)) expect(page).not.toContain(text);
  });
});

describe('a UTF-16 corpus.yaml and codebook (item 14)', () => {
  it('analyze reads both as the UTF-8 originals; add refuses to append UTF-8 to UTF-16 and leaves the file alone', async () => {
    const corpus = await corpusWith({});
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const yaml = utf16(await readFile(path.join(corpus, 'corpus.yaml'), 'utf8'));
    await writeFile(path.join(corpus, 'corpus.yaml'), yaml);
    const codebook = path.join(await temporaryFolder(), 'codebook.yaml');
    await writeFile(codebook, utf16(await readFile(path.join(basic, 'codebook.yaml'), 'utf8')));
    const analysis = await analyse(corpus, { codebookPath: codebook });
    expect(analysis.outcome.exitCode).toBe(0);
    await expectGoodCountsKept(analysis);

    const document = path.join(await temporaryFolder(), 'd-new.txt');
    await writeFile(document, 'green\n');
    const added = await runAdd({ corpusDir: corpus, files: [document], meta: {}, mode: 'copy', cacheDir: null, cjkWords: 'characters' });
    expect(added.exitCode).toBe(2);
    expect(added.diagnostics).toMatchObject([{ rule: 'add/corpus-yaml-encoding', message: expect.stringContaining('UTF-16') }]);
    expect(await readFile(path.join(corpus, 'corpus.yaml'))).toEqual(yaml);
  });
});

describe('Windows-1252 text is not read as GB18030 (item 17)', () => {
  it('fails as ingest/not-utf8 (it was counted as "Gr鲞e der St鋎te"); with `encoding: windows-1252` it is read', async () => {
    // "Größe der Städte: green" in Windows-1252.
    const german = Buffer.from('Größe der Städte: green\n', 'latin1');
    const detected = await analyse(await corpusWith({ 'd-german.txt': german }));
    await expectFailed(detected, 'd-german.txt', 'ingest/not-utf8', /not valid UTF-8/);
    await expectGoodCountsKept(detected);
    const named = await analyse(await corpusWith({ 'd-german.txt': german }, '  - file: d-german.txt\n    id: german\n    encoding: windows-1252\n'));
    expect(named.outcome.exitCode).toBe(0);
    expect(await named.read('terms.csv')).toContain('german,green,environment,green,1\n');
  });
});

describe('per-document budgets (item 9): over one, that document fails with a reason and the run goes on', () => {
  it('a PDF whose page tree lists one page 100,000 times is not read (it did not finish in 120 s)', async () => {
    const analysis = await analyse(await corpusWith({ 'd-pages.pdf': repeatedPagePdf(100_000) }));
    await expectFailed(analysis, 'd-pages.pdf', 'ingest/over-budget', /says it has 100,000 pages, more than the 10,000/);
    await expectGoodCountsKept(analysis);
  });

  it('a PDF still being read when its time is up is stopped between pages (--doc-timeout)', async () => {
    const analysis = await analyse(await corpusWith({ 'd-slow.pdf': repeatedPagePdf(9_000) }), {
      budget: { timeoutMs: 500, maxUnpackedBytes: 256 * 1024 * 1024 },
    });
    await expectFailed(
      analysis,
      'd-slow.pdf',
      'ingest/over-budget',
      /took longer than its time budget \(0\.5 s, --doc-timeout\): it was stopped at page \d+ of 9000/,
    );
    await expectGoodCountsKept(analysis);
  });

  it('a Word file whose XML unzips to more than --doc-max-mb is not unpacked', async () => {
    // About 2 MB of document.xml: 40,000 paragraphs of "green city" (stored, so the file is as big).
    const docx = makeDocx(Array.from({ length: 40_000 }, () => 'green city'));
    const analysis = await analyse(await corpusWith({ 'd-big.docx': docx }), { budget: { timeoutMs: 300_000, maxUnpackedBytes: 1024 * 1024 } });
    await expectFailed(analysis, 'd-big.docx', 'ingest/over-budget', /text parts unzip to \d MB, more than the 1 MB a document may unpack to \(--doc-max-mb\)/);
    await expectGoodCountsKept(analysis);
  });

  it('on worker threads, a document that keeps its thread busy past --doc-timeout is stopped; the documents batched with it are analysed', async () => {
    // Unclosed <table><b> pairs: linear for parse5, but about 10 s of one thread for 100,000 of them.
    const analysis = await analyse(await corpusWith({ 'd-busy.html': '<table><b>x'.repeat(100_000) }), {
      threads: 2,
      budget: { timeoutMs: 1000, maxUnpackedBytes: 256 * 1024 * 1024 },
    });
    await expectFailed(analysis, 'd-busy.html', 'ingest/over-budget', /took longer than 1 s \(--doc-timeout\), so it was stopped/);
    await expectGoodCountsKept(analysis);
  });
});
