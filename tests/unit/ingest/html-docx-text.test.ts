import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../../src/ingest/extract-text.ts';
import { mostAttributesOnOneTag } from '../../../src/ingest/count-tag-attributes.ts';
import { MAX_HTML_ATTRIBUTES, MAX_HTML_DEPTH, parseHtmlText } from '../../../src/ingest/parse-html-text.ts';
import { DOCX_EXTRACTOR_VERSION, readDocxText } from '../../../src/ingest/read-docx-text.ts';
import type { SourceFile, SourceFormat } from '../../../src/types.ts';
import { makeDocx, makeDocxFromBody } from './make-docx.ts';
import { sharedData } from './shared-data.ts';

describe('parseHtmlText (web pages)', () => {
  it.each([
    ['blocks become paragraphs, a wrapped line stays a line', '<h1>Title</h1><p>One\n    two</p><ul><li>a</li><li>b</li></ul>', 'Title\n\nOne\ntwo\n\na\n\nb'],
    ['inline elements and runs of spaces and tabs collapse to one space', '<p>big <b>data</b>  and\tsensors</p>', 'big data and sensors'],
    ['<br> is a line break (so 传感<br>器 reads like a wrapped line)', '<p>传感<br>器</p>', '传感\n器'],
    ['two <br> make a blank line', '<p>a<br><br>b</p>', 'a\n\nb'],
    ['table cells are separate paragraphs (no phrase across cells)', '<table><tr><td>大数</td><td>据</td></tr></table>', '大数\n\n据'],
    ['entities are decoded; no-break space kept inside the line', '<p>R&amp;D &lt;5G&gt; caf&eacute;&nbsp;x</p>', 'R&D <5G> café\u00a0x'],
    [
      'head, scripts and styles never count',
      '<html><head><title>T</title><style>p{}</style></head><body><p>Body</p><script>x()</script><noscript>js</noscript></body></html>',
      'Body',
    ],
    [
      'without a content element, nav/header/footer/aside are chrome',
      '<nav>Home</nav><header>Site</header><aside>Ad</aside><p>Body</p><footer>(c)</footer>',
      'Body',
    ],
    ['hidden elements are dropped', '<p>a</p><p hidden>b</p><p style="display: none">c</p><p aria-hidden="true">d</p><p style="visibility:hidden">e</p>', 'a'],
    ['<main> is the content when present', '<div>menu</div><main><h2>Plan</h2><p>Text</p></main><div>footer links</div>', 'Plan\n\nText'],
    ['role="main" too, and inside it a header is content', '<div>menu</div><div role="main"><header>Plan</header><p>Text</p></div>', 'Plan\n\nText'],
    ['several <article>s, in document order', '<div>menu</div><article>A</article><div>x</div><article>B</article>', 'A\n\nB'],
    ['gov.cn #UCAP-CONTENT wins over <main>', '<main><div>chrome</div><div id="UCAP-CONTENT"><p>x</p></div></main>', 'x'],
    ['TRS_Editor (TRS CMS) is a content container', '<div class="nav">n</div><div class="TRS_Editor custom"><p>y</p></div>', 'y'],
    ['an empty content element falls back to the whole page', '<main> </main><p>Body</p>', 'Body'],
    ['lines are trimmed, also of ideographic spaces', '<p>\u3000\u3000第一条 内容 </p>', '第一条 内容'],
    ['NFC: e + combining acute', '<p>e\u0301</p>', '\u00e9'],
    ['a <template> inside <svg> has no content fragment: no crash (found by a property test)', '<svg><template>x</template></svg><p>y</p>', 'y'],
  ])('%s', (_name, html, expected) => {
    expect(parseHtmlText(html, 'web')).toEqual({ text: expected });
  });
});

describe('parseHtmlText on pathological nesting (issue 14, item 6)', () => {
  it('10,000 nested <div>s: refused as too deep, no stack overflow', () => {
    expect(parseHtmlText(`${'<div>'.repeat(10_000)}hello`, 'web')).toEqual({ tooDeep: MAX_HTML_DEPTH });
  });

  it.each(['div', 'span', 'b', 'font', 'sup'])('100,000 unclosed <%s> tags: refused as too deep at once (the parse is quadratic otherwise)', (tag) => {
    expect(parseHtmlText(`<${tag}>x`.repeat(100_000), 'docx')).toEqual({ tooDeep: MAX_HTML_DEPTH });
  });

  it('150,000 unclosed <table>s with text are read: parse5 inserted the text before the table by searching from the first child (minutes)', {
    timeout: 30_000,
  }, () => {
    // Each <table> closes the one before; the text in it goes before it, into <body>: x, (empty) table, x, table, ...
    expect(parseHtmlText('<table>x'.repeat(150_000), 'web')).toEqual({ text: Array(150_000).fill('x').join('\n\n') });
  });

  it('100,000 unclosed tags that close themselves (<p>, <li>, <a>) are read: one paragraph or word each', () => {
    expect(parseHtmlText('<p>x'.repeat(100_000), 'web')).toEqual({ text: Array(100_000).fill('x').join('\n\n') });
    expect(parseHtmlText('<a>x'.repeat(100_000), 'web')).toEqual({ text: 'x'.repeat(100_000) });
  });

  it('nesting up to the limit is read, walked without recursion: 1,000 elements deep (with <html> and <body>)', () => {
    const html = `${'<span>'.repeat(MAX_HTML_DEPTH - 2)}deep${'</span>'.repeat(MAX_HTML_DEPTH - 2)}<p>after</p>`;
    expect(parseHtmlText(html, 'web')).toEqual({ text: 'deep\n\nafter' });
    expect(parseHtmlText(`<span>${html}`, 'web')).toEqual({ tooDeep: MAX_HTML_DEPTH });
  });

  it('a footnote marker inside nested <sup>s is still dropped (the check became a loop)', () => {
    expect(parseHtmlText('<p>Ouch<sup><sup><a href="#footnote-1">[1]</a></sup></sup>.</p>', 'docx')).toEqual({ text: 'Ouch.' });
    expect(parseHtmlText('<p>x<sup><sup>2</sup></sup></p>', 'docx')).toEqual({ text: 'x2' });
  });
});

describe("a tag with too many attributes (issue 14: parse5 is quadratic in one tag's attributes)", () => {
  // Made-up pages: one <p> with n attributes a0="1" a1="1" ...
  const withAttributes = (n: number) => `<p ${Array.from({ length: n }, (_, k) => `a${k}="1"`).join(' ')}>big data</p>`;

  it('100,000 attributes on one tag: refused before parsing (took 35 s)', () => {
    expect(parseHtmlText(withAttributes(100_000), 'web')).toEqual({ tooManyAttributes: MAX_HTML_ATTRIBUTES });
  });

  it('1,000 attributes are read', () => {
    expect(parseHtmlText(withAttributes(MAX_HTML_ATTRIBUTES), 'web')).toEqual({ text: 'big data' });
  });

  it.each([
    ['<p a b=1 c="x y" d=\'>\' e>', 5],
    ['<p/a/b>x', 2],
    ['<!-- <p a b c d> --><i x>', 1],
    ['<script>if (a <b c d e f) x()</script><b y z>', 2],
    ['<SCRIPT>a <b c d e</SCRIPT><i>', 0],
    ['a < b c d e f', 0],
  ])('counts %s as %i attributes on its busiest tag', (html, count) => {
    expect(mostAttributesOnOneTag(html, 100)).toBe(count);
  });
});

const govCn = path.join(sharedData, 'zh', 'gov_cn_html');
const hasGovCn = existsSync(govCn);
if (!hasGovCn) console.warn(`Skipping gov.cn HTML tests: ${govCn} is absent.`);

describe.skipIf(!hasGovCn)('parseHtmlText on gov.cn fragments (shared/data/zh/gov_cn_html)', () => {
  /** The non-empty <p> paragraphs of the #UCAP-CONTENT cell, found with a regex, independently of parse5. */
  const paragraphsByRegex = (html: string) => {
    const start = html.indexOf('id="UCAP-CONTENT"');
    const cell = html.slice(start, html.indexOf('</td>', start));
    return [...cell.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)]
      .map((match) =>
        match[1]!
          .replace(/<[^>]*>/g, '')
          .replace(/&nbsp;/g, ' ')
          .trim(),
      )
      .filter((text) => text !== '');
  };

  it.each([
    ['2018_guobanhan71_gov_website_consolidation_pilot.html', '国务院办公厅关于印发《政府网站集约化', '可参照本方案推进本地区本部门政府网站集约化工作。'],
    ['2018_guobanfa123_gov_new_media.html', '国务院办公厅关于推进', '（此件公开发布）'],
    ['2018_guobanfa128_zero_waste_city_pilot.html', '国务院办公厅关于印发“无废城市”建设', '充分发挥社会组织和公众监督作用。'],
  ])('%s: only the document body, one paragraph per <p>', async (name, first, last) => {
    const html = await readFile(path.join(govCn, name), 'utf8');
    const { text } = parseHtmlText(html, 'web') as { text: string };
    expect(text.startsWith(first)).toBe(true);
    expect(text.endsWith(last)).toBe(true);
    // Chrome: the metadata table, the QR-code note, the banner links.
    for (const chrome of ['索 引 号', '主题分类', '发文机关：', '扫一扫在手机打开当前页', 'yidongkehuduan']) expect(text).not.toContain(chrome);
    const paragraphs = paragraphsByRegex(html);
    expect(text.split('\n\n')).toHaveLength(paragraphs.length);
    expect(text.split('\n\n')[0]).toBe(paragraphs[0]);
  });
});

const docxDir = path.join(sharedData, 'docx');
const hasDocx = existsSync(docxDir);
if (!hasDocx) console.warn(`Skipping DOCX tests: ${docxDir} is absent.`);

describe.skipIf(!hasDocx)('readDocxText on mammoth test documents (shared/data/docx)', () => {
  it.each([
    // A 2x2 table between two paragraphs: each cell is a paragraph.
    ['tables.docx', 'Above\n\nTop left\n\nTop right\n\nBottom left\n\nBottom right\n\nBelow'],
    // Body "Ouch" + footnote mark 1 + "." + mark 2; footnotes at the end, marks and back-links dropped.
    ['footnotes.docx', 'Ouch.\n\nA tachyon walks into a bar.\n\nFin.'],
    ['text-box.docx', 'Datum plane'],
    ['strict-format.docx', 'Test'],
    ['utf8-bom.docx', 'This XML has a byte order mark.'],
    ['empty.docx', ''],
  ])('%s', async (name, expected) => {
    expect(await readDocxText(await readFile(path.join(docxDir, name)))).toEqual({ text: expected });
  });
});

describe('extractText for .html and .docx files', () => {
  let dir: string;
  const source = async (name: string, content: string | Uint8Array, format: SourceFormat): Promise<SourceFile> => {
    const file = path.join(dir, name);
    await writeFile(file, content);
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    return { path: file, relPath: name, format, bytes, sha256: createHash('sha256').update(content).digest('hex') };
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ingest-html-docx-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a generated .docx: heading, paragraph and table cells as paragraphs', async () => {
    const docx = makeDocx([{ heading: 'Beta plan' }, 'IoT & 5G', { table: [['big', 'data']] }]);
    const file = await source('plan.docx', docx, 'docx');
    const result = await extractText(file, { cacheDir: null });
    const content = { bytes: docx.length, sha256: file.sha256 };
    expect(result).toEqual({ extracted: { text: 'Beta plan\n\nIoT & 5G\n\nbig\n\ndata', pages: [] }, diagnostics: [], fromCache: false, content });
  });

  it('caches DOCX text under its sha256 and the DOCX extractor version', async () => {
    const cacheDir = path.join(dir, 'cache');
    const file = await source('cached.docx', makeDocx(['Hello']), 'docx');
    expect((await extractText(file, { cacheDir })).fromCache).toBe(false);
    expect(existsSync(path.join(cacheDir, 'extract', `${file.sha256}-${DOCX_EXTRACTOR_VERSION}.json`))).toBe(true);
    const content = { bytes: file.bytes, sha256: file.sha256 };
    expect(await extractText(file, { cacheDir })).toEqual({ extracted: { text: 'Hello', pages: [] }, diagnostics: [], fromCache: true, content });
    expect(DOCX_EXTRACTOR_VERSION).toMatch(/^docx1-mammoth-\d+\.\d+\.\d+-html1$/);
  });

  it('a .docx without text is an ingest/empty error', async () => {
    const result = await extractText(await source('blank.docx', makeDocx([]), 'docx'), { cacheDir: null });
    expect(result.extracted).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ severity: 'error', rule: 'ingest/empty', message: expect.stringContaining('no text') }]);
  });

  it('a .docx with bad or too deep XML fails with one line, without `undefined` or a stack overflow message', async () => {
    const withBody = makeDocxFromBody;
    const entity = await readDocxText(withBody('<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>'));
    expect(entity).toEqual({ failure: 'its XML is not well-formed (entity not found: &l9;)' });
    const deep = await readDocxText(withBody(`${'<w:tbl><w:tr><w:tc>'.repeat(20_000)}<w:p/>${'</w:tc></w:tr></w:tbl>'.repeat(20_000)}`));
    expect(deep).toEqual({ failure: 'its XML is nested too deep to read (elements inside elements without end)' });
  });

  it('a text file named .docx is an ingest/docx-invalid error naming the file', async () => {
    const result = await extractText(await source('fake.docx', 'just text', 'docx'), { cacheDir: null });
    expect(result.extracted).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ severity: 'error', rule: 'ingest/docx-invalid', file: expect.stringMatching(/fake\.docx$/) }]);
    expect(result.diagnostics[0]!.message).toContain('not a valid .docx');
  });

  it('reads a GBK-encoded .html page (no charset) as GB18030, or as named by `encoding`', async () => {
    // <p>智慧城市</p> with 智慧城市 in GBK: D6C7 BBDB B3C7 CAD0.
    const bytes = Buffer.concat([Buffer.from('<p>'), Buffer.from([0xd6, 0xc7, 0xbb, 0xdb, 0xb3, 0xc7, 0xca, 0xd0]), Buffer.from('</p>')]);
    const page = await source('gbk.html', bytes, 'html');
    const detected = await extractText(page, { cacheDir: null });
    expect(detected.extracted?.text).toBe('智慧城市');
    expect(detected.diagnostics.map((d) => d.rule)).toEqual(['ingest/decoded-gb18030']);
    expect(await extractText(page, { cacheDir: null, encoding: 'gbk' })).toMatchObject({ extracted: { text: '智慧城市' }, diagnostics: [] });
  });

  it('a page nested too deep is an ingest/html-too-deep error naming the file', async () => {
    const result = await extractText(await source('deep.html', '<div>'.repeat(5000), 'html'), { cacheDir: null });
    expect(result.extracted).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ severity: 'error', rule: 'ingest/html-too-deep', file: expect.stringMatching(/deep\.html$/) }]);
    expect(result.diagnostics[0]!.message).toContain('more than 1,000 deep');
  });

  it('HTML is not cached (it is quick to parse)', async () => {
    const cacheDir = path.join(dir, 'html-cache');
    await extractText(await source('p.html', '<p>x</p>', 'html'), { cacheDir });
    expect(existsSync(cacheDir)).toBe(false);
  });
});
