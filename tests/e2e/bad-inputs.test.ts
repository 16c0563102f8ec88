/**
 * The bad-input matrix (issue 5): each bad input is fed next to the good documents of the `basic`
 * case, whose hand counts (tests/e2e/cases/basic/expected) must not change, and must be named
 * with its reason on stderr (diagnostics) and in manifest.json `inputs`. Then safe outputs,
 * reproducibility over PDF/HTML/DOCX, and the extraction cache across a codebook edit.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile, readdir, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AnalyzeHooks, AnalyzeOptions } from '../../src/run.ts';
import { tempFolders } from '../support/temp-folders.ts';
import { analyseWithBasicCodebook, basicCorpusWith } from '../support/basic-corpus.ts';
import { textToPdf } from '../support/text-to-pdf.ts';
import { makeDocx } from '../unit/ingest/make-docx.ts';

// Reading any file named locked.txt fails (EACCES): see tests/support/locked-file.ts.
vi.mock('node:fs/promises', async (importOriginal) => {
  const { withLockedFile } = await import('../support/locked-file.ts');
  return withLockedFile(await importOriginal<typeof import('node:fs/promises')>());
});
vi.mock('node:fs', async (importOriginal) => {
  const { withLockedFileSync } = await import('../support/locked-file.ts');
  return withLockedFileSync(await importOriginal<typeof import('node:fs')>());
});

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const basic = path.join(repoRoot, 'tests/e2e/cases/basic');
const sharedPdf = path.resolve(repoRoot, '../shared/data/pdf/tricky');
const hasSharedPdfs = existsSync(sharedPdf);
if (!hasSharedPdfs) console.warn(`Skipping the real encrypted, scanned and mojibake PDFs: ${sharedPdf} is absent.`);
const { tempFolder: temporaryFolder, removeAll } = tempFolders('policycoder-bad-');
afterAll(removeAll);

/** The basic corpus plus `extra` files (relative path -> content), with `yaml` appended to corpus.yaml. */
const corpusWith = (extra: Record<string, string | Uint8Array>, yaml = ''): Promise<string> => basicCorpusWith(temporaryFolder, extra, yaml);

const analyse = (corpusDir: string, overrides: Partial<AnalyzeOptions> = {}, hooks: AnalyzeHooks = {}) =>
  analyseWithBasicCodebook(temporaryFolder, corpusDir, overrides, hooks);

type Analysis = Awaited<ReturnType<typeof analyse>>;

/** The rows of a2012, b2018 and c2017 are exactly the hand-counted expected rows. */
async function expectGoodCountsKept({ read }: Analysis): Promise<void> {
  const expected = (await readFile(path.join(basic, 'expected/frequencies.csv'), 'utf8')).trim().split('\n');
  const actual = (await read('frequencies.csv')).trim().split('\n');
  expect(actual[0]).toBe(expected[0]);
  const good = new Set(['a2012', 'b2018', 'c2017']);
  expect(actual.filter((line) => good.has(line.split(',')[0]!))).toEqual(expected.slice(1));
}

/** `document` -> code -> count, plus `words`, read from frequencies.csv by column name. */
async function countsOf({ read }: Analysis, document: string): Promise<Record<string, number>> {
  const [header, ...rows] = (await read('frequencies.csv'))
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  const column = (name: string) => header!.indexOf(name);
  const counts: Record<string, number> = {};
  for (const row of rows.filter((cells) => cells[column('document')] === document)) {
    counts[row[column('code')]!] = Number(row[column('count')]);
    counts.words = Number(row[column('words')]);
  }
  return counts;
}

/** The bad input failed with a reason matching `reason`, and an error with `rule` names the file. */
async function expectFailed(analysis: Analysis, relPath: string, rule: string, reason: RegExp): Promise<void> {
  expect(analysis.outcome.exitCode).toBe(1);
  const input = (await analysis.manifest()).inputs.find((candidate) => candidate.relPath === relPath);
  expect(input, `${relPath} in manifest inputs`).toMatchObject({ status: 'failed' });
  expect(input!.reason).toMatch(reason);
  const file = new RegExp(`${relPath.split('/').pop()!.replace('.', '\\.')}$`);
  const errors = analysis.outcome.diagnostics.filter((d) => d.severity === 'error' && file.test(d.file ?? ''));
  expect(errors.map((d) => d.rule)).toContain(rule);
  expect(analysis.outcome.summary).toContain('\nFailed inputs:\n');
  expect(analysis.outcome.summary).toContain(`\n  ${relPath}: ${input!.reason}\n`);
}

const A2012 = { data: 3, devices: 1, environment: 3, words: 21 };
const C2017 = { data: 1, devices: 3, environment: 3, words: 32 };

/** GBK bytes of `text`: the reverse of the WHATWG gbk decoder over all two-byte codes. */
function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return Uint8Array.from([...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : table.get(char)!)));
}

describe('bad-input matrix: the good documents keep their exact counts, the bad one is named with its reason', () => {
  it('an empty file', async () => {
    const analysis = await analyse(await corpusWith({ 'd-empty.txt': '' }));
    await expectFailed(analysis, 'd-empty.txt', 'ingest/empty', /empty \(0 bytes\)/);
    await expectGoodCountsKept(analysis);
  });

  it('a binary file with a text extension', async () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52);
    const analysis = await analyse(await corpusWith({ 'd-image.txt': png }));
    await expectFailed(analysis, 'd-image.txt', 'ingest/binary-file', /binary file/);
    await expectGoodCountsKept(analysis);
  });

  it('a truncated PDF', async () => {
    const pdf = textToPdf('The city will use big data and sensors.\n'.repeat(20));
    const analysis = await analyse(await corpusWith({ 'd-cut.pdf': pdf.subarray(0, Math.floor(pdf.length * 0.6)) }));
    await expectFailed(analysis, 'd-cut.pdf', 'ingest/pdf-truncated', /without the %%EOF end marker: it is cut off/);
    await expectGoodCountsKept(analysis);
  });

  it('a text file named .pdf', async () => {
    const analysis = await analyse(await corpusWith({ 'd-text.pdf': 'big data, sensors and green goals\n' }));
    await expectFailed(analysis, 'd-text.pdf', 'ingest/not-a-pdf', /not a PDF .*; it is plain text/);
    await expectGoodCountsKept(analysis);
  });

  it('a header-only PDF', async () => {
    const analysis = await analyse(await corpusWith({ 'd-header.pdf': '%PDF-1.7\n' }));
    await expectFailed(analysis, 'd-header.pdf', 'ingest/pdf-truncated', /ends after 9 bytes without the %%EOF/);
    await expectGoodCountsKept(analysis);
  });

  it.skipIf(!hasSharedPdfs)('an encrypted PDF: failed without a password, analysed with `password:` in corpus.yaml', async () => {
    const bytes = await readFile(path.join(sharedPdf, 'issue6010_1-password-abc.pdf'));
    const locked = await analyse(await corpusWith({ 'd-locked.pdf': bytes }));
    await expectFailed(locked, 'd-locked.pdf', 'ingest/pdf-encrypted', /password-protected/);
    expect(locked.outcome.diagnostics.find((d) => d.rule === 'ingest/pdf-encrypted')!.hint).toContain('`password:`');
    await expectGoodCountsKept(locked);

    const opened = await analyse(await corpusWith({ 'd-locked.pdf': bytes }, '  - file: d-locked.pdf\n    id: locked\n    password: abc\n'));
    expect(opened.outcome.exitCode).toBe(0);
    // The page says "Issue 6010": two words, no codebook term.
    expect(await countsOf(opened, 'locked')).toEqual({ data: 0, devices: 0, environment: 0, words: 2 });
    // Never written: neither the key nor the value (sha256 digests aside, where "abc" can occur by chance).
    const manifest = await opened.read('manifest.json');
    expect(manifest).not.toContain('"password"');
    expect(manifest.replace(/\b[0-9a-f]{64}\b/g, '')).not.toContain('abc');
    await expectGoodCountsKept(opened);
  });

  it('an image-only PDF (a generated page without text; the real scan when present): "needs OCR"', async () => {
    const extra: Record<string, Uint8Array> = { 'd-blank.pdf': textToPdf('\n') };
    if (hasSharedPdfs) extra['d-scan.pdf'] = await readFile(path.join(sharedPdf, 'c02-22-scanned-image-only.pdf'));
    const analysis = await analyse(await corpusWith(extra));
    await expectFailed(analysis, 'd-blank.pdf', 'ingest/pdf-no-text', /no text layer .*needs OCR/);
    if (hasSharedPdfs) await expectFailed(analysis, 'd-scan.pdf', 'ingest/pdf-no-text', /needs OCR/);
    await expectGoodCountsKept(analysis);
  });

  it.skipIf(!hasSharedPdfs)('CJK PDF text that comes out as Latin-1 mojibake (XiaoBiaoSong) is flagged and not counted', async () => {
    const bytes = await readFile(path.join(sharedPdf, 'XiaoBiaoSong-gbk-no-tounicode.pdf'));
    const analysis = await analyse(await corpusWith({ 'd-mojibake.pdf': bytes }));
    await expectFailed(analysis, 'd-mojibake.pdf', 'ingest/garbled-text', /mojibake/);
    expect(await countsOf(analysis, 'd-mojibake')).toEqual({});
    await expectGoodCountsKept(analysis);
  });

  it('text full of replacement characters is flagged and not counted; a single one is a warning only', async () => {
    // 9 visible characters, 3 of them U+FFFD: 33.3%, over the 2% limit.
    const garbled = '推进\uFFFD\uFFFD\uFFFD数据建设\n';
    // c-zh.txt plus one U+FFFD: a single suspect character (garbled takes at least 3, and 2% of the text).
    const czh = await readFile(path.join(basic, 'corpus/c-zh.txt'), 'utf8');
    const analysis = await analyse(await corpusWith({ 'd-garbled.txt': garbled, 'e-one-bad.txt': `${czh}\uFFFD\n` }));
    await expectFailed(analysis, 'd-garbled.txt', 'ingest/garbled-text', /3 replacement \(U\+FFFD\) characters, 33\.3% of 9/);
    const warning = analysis.outcome.diagnostics.find((d) => d.rule === 'ingest/suspect-characters');
    expect(warning).toMatchObject({ severity: 'warning', file: expect.stringMatching(/e-one-bad\.txt$/) });
    // U+FFFD is a symbol, not a word: the counts and words are c-zh's.
    expect(await countsOf(analysis, 'e-one-bad')).toEqual(C2017);
    await expectGoodCountsKept(analysis);
  });

  it('UTF-16 LE and BE with a BOM are read (same counts as the UTF-8 original)', async () => {
    const czh = await readFile(path.join(basic, 'corpus/c-zh.txt'), 'utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(czh, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const analysis = await analyse(await corpusWith({ 'e-utf16le.txt': le, 'e-utf16be.txt': be }));
    expect(analysis.outcome.exitCode).toBe(0);
    expect(await countsOf(analysis, 'e-utf16le')).toEqual(C2017);
    expect(await countsOf(analysis, 'e-utf16be')).toEqual(C2017);
    await expectGoodCountsKept(analysis);
  });

  it('UTF-8 with a BOM and CRLF line breaks is read (same counts as the original)', async () => {
    const a = await readFile(path.join(basic, 'corpus/a-2012.txt'), 'utf8');
    const analysis = await analyse(await corpusWith({ 'e-bom-crlf.txt': `\uFEFF${a.replace(/\n/g, '\r\n')}` }));
    expect(analysis.outcome.exitCode).toBe(0);
    expect(await countsOf(analysis, 'e-bom-crlf')).toEqual(A2012);
    await expectGoodCountsKept(analysis);
  });

  it('GBK Chinese text is read as GB18030 with an info note; `encoding:` in corpus.yaml overrides', async () => {
    const czh = await readFile(path.join(basic, 'corpus/c-zh.txt'), 'utf8');
    const gbk = encodeGbk(czh);
    expect(new TextDecoder('gb18030').decode(gbk)).toBe(czh); // the encoder round-trips
    const detected = await analyse(await corpusWith({ 'e-gbk.txt': gbk }));
    expect(detected.outcome.exitCode).toBe(0);
    expect(await countsOf(detected, 'e-gbk')).toEqual(C2017);
    expect(detected.outcome.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'info', rule: 'ingest/decoded-gb18030', file: expect.stringMatching(/e-gbk\.txt$/) }),
    );
    await expectGoodCountsKept(detected);

    // Named as UTF-8, the same bytes do not decode: the override wins over detection, and says so.
    const named = await analyse(await corpusWith({ 'e-gbk.txt': gbk }, '  - file: e-gbk.txt\n    encoding: utf-8\n'));
    await expectFailed(named, 'e-gbk.txt', 'ingest/wrong-encoding', /not valid utf-8 \(the `encoding:` given in corpus\.yaml\)/);
    await expectGoodCountsKept(named);
    const gbkNamed = await analyse(await corpusWith({ 'e-gbk.txt': gbk }, '  - file: e-gbk.txt\n    encoding: gbk\n'));
    expect(gbkNamed.outcome.diagnostics.map((d) => d.rule)).not.toContain('ingest/decoded-gb18030');
    expect(await countsOf(gbkNamed, 'e-gbk')).toEqual(C2017);
  });

  it('a huge file: over the size limit it is refused without being read; the limit is configurable', async () => {
    const corpus = await corpusWith({});
    await writeFile(path.join(corpus, 'd-huge.txt'), '');
    await truncate(path.join(corpus, 'd-huge.txt'), 250 * 1024 * 1024); // sparse: no disk space used
    const analysis = await analyse(corpus);
    await expectFailed(analysis, 'd-huge.txt', 'ingest/too-large', /250 MB, larger than the 200 MB limit/);
    await expectGoodCountsKept(analysis);

    // a-2012.txt is 132 bytes, b-2018.md 122, c-zh.txt 110.
    const lowered = await analyse(await corpusWith({}), { maxFileBytes: 120 });
    await expectFailed(lowered, 'a-2012.txt', 'ingest/too-large', /^The file is 132 bytes, larger than the 120 bytes limit; it was not read$/);
    expect((await lowered.manifest()).inputs.map((input) => [input.relPath, input.status])).toEqual([
      ['a-2012.txt', 'failed'],
      ['b-2018.md', 'failed'],
      ['c-zh.txt', 'analysed'],
    ]);
  });

  it('an unreadable file (permission denied)', async () => {
    const analysis = await analyse(await corpusWith({ 'd-locked.txt': 'big data' }));
    await expectFailed(analysis, 'd-locked.txt', 'ingest/unreadable', /permission denied/);
    await expectGoodCountsKept(analysis);
  });

  it('symbolic link loops end the walk; a link to itself is named', async () => {
    const corpus = await corpusWith({ 'sub/e-note.txt': 'green' });
    await symlink('..', path.join(corpus, 'sub/up'));
    await symlink('../sub', path.join(corpus, 'sub/again'));
    await symlink('d-self.txt', path.join(corpus, 'd-self.txt'));
    const analysis = await analyse(corpus);
    await expectFailed(analysis, 'd-self.txt', 'ingest/broken-link', /leads back to itself/);
    expect(analysis.outcome.diagnostics.filter((d) => d.rule === 'ingest/link-loop').map((d) => path.basename(d.file!))).toEqual(['again', 'up']);
    expect((await analysis.manifest()).inputs.map((input) => input.relPath)).toEqual(['a-2012.txt', 'b-2018.md', 'c-zh.txt', 'd-self.txt', 'sub/e-note.txt']);
    await expectGoodCountsKept(analysis);
  });

  it('duplicate ids: the second file with the same id is not analysed', async () => {
    const analysis = await analyse(await corpusWith({ 'x/dup.txt': 'green', 'y/dup.md': 'green green' }));
    await expectFailed(analysis, 'y/dup.md', 'corpus/duplicate-id', /duplicate document id "dup" \(also used by x\/dup\.txt\)/);
    expect((await countsOf(analysis, 'dup')).environment).toBe(1); // x/dup.txt's one "green"
    await expectGoodCountsKept(analysis);
  });

  it('a corpus.yaml entry for a missing file', async () => {
    const analysis = await analyse(await corpusWith({}, '  - file: d-missing.txt\n    id: missing\n'));
    expect(analysis.outcome.exitCode).toBe(1);
    const input = (await analysis.manifest()).inputs.find((candidate) => candidate.relPath === 'd-missing.txt');
    expect(input).toEqual({
      relPath: 'd-missing.txt',
      format: 'txt',
      bytes: 0,
      sha256: '',
      status: 'failed',
      reason: 'listed in corpus.yaml, but no such file in the corpus folder',
    });
    // corpus.yaml of the basic case has 22 lines; the new entry's `file:` value is on line 23, column 11.
    expect(analysis.outcome.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', rule: 'corpus/missing-file', line: 23, column: 11, file: expect.stringMatching(/corpus\.yaml$/) }),
    );
    expect(analysis.outcome.summary).toContain('d-missing.txt: listed in corpus.yaml');
    await expectGoodCountsKept(analysis);
  });

  it('a corpus.yaml path that leaves the corpus folder is refused, and the file there is not read', async () => {
    const corpus = await corpusWith({}, '  - file: ../outside.txt\n    id: outside\n');
    await writeFile(path.join(corpus, '..', 'outside.txt'), 'big data big data');
    const analysis = await analyse(corpus);
    expect(analysis.outcome.exitCode).toBe(1);
    const inputs = (await analysis.manifest()).inputs;
    expect(inputs.find((input) => input.relPath === '../outside.txt')).toMatchObject({
      status: 'failed',
      reason: 'refused: the path points outside the corpus folder',
    });
    expect(analysis.outcome.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', rule: 'corpus/path-escapes', line: 23, column: 11 }));
    expect(await countsOf(analysis, 'outside')).toEqual({});
    await expectGoodCountsKept(analysis);
  });

  it('the CLI names every failed input on stderr and stdout, exits 1 and prints no stack trace', async () => {
    const corpus = await corpusWith({ 'd-empty.txt': '', 'd-text.pdf': 'hello\n' });
    const out = path.join(await temporaryFolder(), 'out');
    const failure = await run(
      process.execPath,
      [path.join(repoRoot, 'bin/policycoder.js'), 'analyze', '--corpus', corpus, '--codebook', path.join(basic, 'codebook.yaml'), '--out', out, '--no-cache'],
      { cwd: repoRoot },
    ).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    const { stdout, stderr } = failure as { stdout: string; stderr: string };
    expect(stderr).toMatch(/d-empty\.txt: error: The file is empty \(0 bytes\); it was not analysed\. \[ingest\/empty\]/);
    expect(stderr).toMatch(/d-text\.pdf: error: .*\[ingest\/not-a-pdf\]\n {2}hint: Rename it to \.txt/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toContain('Read 3 documents; 2 inputs failed.');
    expect(stdout).toContain('Failed inputs:\n  d-empty.txt: The file is empty (0 bytes); it was not analysed\n  d-text.pdf: ');
  });

  it('exit 2 when the run cannot start (no corpus folder), with nothing written', async () => {
    const { outcome, outDir } = await analyse(path.join(await temporaryFolder(), 'no-such-corpus'));
    expect(outcome.exitCode).toBe(2);
    expect(outcome.diagnostics.map((d) => d.rule)).toEqual(['ingest/corpus-missing']);
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('safe outputs', () => {
  it('refuses an --out that contains the corpus, holds the codebook, or holds files of its own; writes nothing', async () => {
    const folder = await temporaryFolder();
    const corpus = path.join(folder, 'corpus');
    await cp(path.join(basic, 'corpus'), corpus, { recursive: true });
    const before = (await readdir(folder)).sort();
    expect((await analyse(corpus, { outDir: folder })).outcome.diagnostics.map((d) => d.rule)).toEqual(['usage/out-contains-corpus']);
    expect((await analyse(corpus, { outDir: basic })).outcome.diagnostics.map((d) => d.rule)).toEqual(['usage/out-contains-codebook']);
    const mine = path.join(folder, 'thesis');
    await mkdir(mine);
    await writeFile(path.join(mine, 'terms.csv'), 'my own notes');
    const refused = await analyse(corpus, { outDir: mine });
    expect(refused.outcome).toMatchObject({ exitCode: 2, diagnostics: [{ rule: 'usage/out-not-empty' }] });
    expect(await readFile(path.join(mine, 'terms.csv'), 'utf8')).toBe('my own notes');
    expect((await readdir(folder)).sort()).toEqual([...before, 'thesis'].sort());
  });

  it('writes into a new folder, then again over its own earlier output, leaving nothing beside it', async () => {
    const folder = await temporaryFolder();
    const out = path.join(folder, 'out');
    expect((await analyse(path.join(basic, 'corpus'), { outDir: out })).outcome.exitCode).toBe(0);
    const second = await analyse(path.join(basic, 'corpus'), { outDir: out });
    expect(second.outcome.exitCode).toBe(0);
    expect(await readdir(folder)).toEqual(['out']);
    expect((await readdir(out)).sort()).toEqual([...second.outcome.outputs].sort());
  });
});

describe('PDF, HTML and DOCX together: reproducible, and cached across a codebook edit', () => {
  /** The basic texts as a PDF (a2012), an HTML page (b2018) and a DOCX (c2017): the same hand counts. */
  async function mixedCorpus(): Promise<string> {
    const corpus = path.join(await temporaryFolder(), 'corpus');
    await mkdir(corpus);
    const original = path.join(basic, 'corpus');
    await writeFile(path.join(corpus, 'a-2012.pdf'), textToPdf(await readFile(path.join(original, 'a-2012.txt'), 'utf8'), { maxLineLength: 30 }));
    // b-2018.md as a page with chrome around a <main>: "# Beta plan" becomes <h1>, the chrome is not counted.
    await writeFile(
      path.join(corpus, 'b-2018.html'),
      '<!doctype html><html><head><title>big data portal</title><script>var data = 1;</script></head><body>' +
        '<nav><a href="/">Home</a> <a href="/data">Open data</a></nav>' +
        '<main><h1>Beta plan</h1><p>IoT and 5G networks, sensor arrays and SENSORS.</p>\n<p>Big Data, big data and more big data. Database is not data.</p></main>' +
        '<footer>sensor network &copy; 2018</footer></body></html>',
    );
    // c-zh.txt's two lines (the line break inside 传感器 does not split a CJK word) as one Word paragraph.
    await writeFile(path.join(corpus, 'c-zh.docx'), makeDocx([{ heading: '推进大数据和物联网建设，发展绿色低碳经济。' }, '建设5G网络和传感器，保护生态。']));
    const yaml = (await readFile(path.join(original, 'corpus.yaml'), 'utf8'))
      .replace('a-2012.txt', 'a-2012.pdf')
      .replace('b-2018.md', 'b-2018.html')
      .replace('c-zh.txt', 'c-zh.docx');
    await writeFile(path.join(corpus, 'corpus.yaml'), yaml);
    return corpus;
  }

  it('gives the hand counts of the text originals, and byte-identical reports on a rerun (manifest aside)', async () => {
    const corpus = await mixedCorpus();
    const first = await analyse(corpus);
    const second = await analyse(corpus);
    expect(first.outcome.exitCode).toBe(0);
    expect(first.outcome.diagnostics).toEqual([]);
    expect(await first.read('frequencies.csv')).toBe(await readFile(path.join(basic, 'expected/frequencies.csv'), 'utf8'));
    expect(await first.read('terms.csv')).toBe(await readFile(path.join(basic, 'expected/terms.csv'), 'utf8'));
    for (const name of first.outcome.outputs.filter((name) => name !== 'manifest.json')) {
      expect(await second.read(name), name).toBe(await first.read(name));
    }
  });

  it('a rerun after a codebook edit takes every PDF and DOCX text from the cache', async () => {
    const corpus = await mixedCorpus();
    const folder = await temporaryFolder();
    const cacheDir = path.join(folder, 'cache');
    const codebookPath = path.join(folder, 'codebook.yaml');
    await copyFile(path.join(basic, 'codebook.yaml'), codebookPath);
    const log = (into: string[]): AnalyzeHooks => ({ onExtracted: (source, fromCache) => into.push(`${source.relPath} ${fromCache ? 'cache' : 'extracted'}`) });

    const cold: string[] = [];
    await analyse(corpus, { cacheDir, codebookPath }, log(cold));
    expect(cold).toEqual(['a-2012.pdf extracted', 'b-2018.html extracted', 'c-zh.docx extracted']);

    await writeFile(codebookPath, (await readFile(codebookPath, 'utf8')).replace('[green, low-carbon, ecolog*]', '[green, low-carbon, ecolog*, goals]'));
    const warm: string[] = [];
    const edited = await analyse(corpus, { cacheDir, codebookPath }, log(warm));
    // HTML is parsed again (it is not cached: parsing is quicker than reading a cache entry).
    expect(warm).toEqual(['a-2012.pdf cache', 'b-2018.html extracted', 'c-zh.docx cache']);
    // The edit counts: a-2012 says "goals" once, so environment goes from 3 to 4.
    expect((await countsOf(edited, 'a2012')).environment).toBe(4);
  });
});
