import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractText } from '../../../src/ingest/extract-text.ts';
import { readPdfText } from '../../../src/ingest/read-pdf-text.ts';
import { hasSharedPdfs, sharedPdf } from './shared-data.ts';

const extract = async (relPath: string, password?: string) =>
  extractText(await sharedPdf(relPath), password === undefined ? { cacheDir: null } : { cacheDir: null, password });

describe.skipIf(!hasSharedPdfs)('extractText on real PDFs (shared/data/pdf)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('federal-register: 15 pages, no page markers, each span is exactly its page text', async () => {
    const source = await sharedPdf('normal/federal-register-2020-17221.pdf');
    const { extracted, diagnostics } = await extractText(source, { cacheDir: null });
    expect(diagnostics).toEqual([]);
    if (!extracted) throw new Error('no text');
    expect(extracted.pages).toHaveLength(15);
    expect(extracted.text).toContain('FEDERAL REGISTER');
    expect(extracted.text).not.toMatch(/-- \d+ of \d+ --/);
    expect(extracted.text.length).toBeGreaterThan(50_000);

    const direct = await readPdfText(await readFile(source.path));
    if (!('pageTexts' in direct)) throw new Error('direct read failed');
    expect(direct.pageTexts).toHaveLength(15);
    extracted.pages.forEach((span, index) => {
      expect(span.page).toBe(index + 1);
      expect(extracted.text.slice(span.start, span.end)).toBe(direct.pageTexts[index]!.normalize('NFC'));
      // Pages are joined by exactly one newline.
      if (index > 0) expect(span.start).toBe(extracted.pages[index - 1]!.end + 1);
      if (index > 0) expect(extracted.text[span.start - 1]).toBe('\n');
    });
    expect(extracted.pages[0]!.start).toBe(0);
    expect(extracted.pages[14]!.end).toBe(extracted.text.length);
  });

  it.each([
    ['normal/issue12823-chinese-cid-emoji.pdf', '可替换为所需图片。'],
    ['normal/issue14438-two-column-paper.pdf', 'Trace-based Just-in-Time Type Specialization'],
    ['normal/scotus-transcript-p1.pdf', 'Official - Subject to Final Review'],
    ['tricky/xref_command_missing.pdf', 'Reduced test-case'],
  ])('%s yields text containing %s', async (relPath, expected) => {
    const { extracted, diagnostics } = await extract(relPath);
    expect(diagnostics).toEqual([]);
    expect(extracted?.text).toContain(expected);
    expect(extracted?.pages).toHaveLength(1);
    expect(extracted?.pages[0]).toEqual({ page: 1, start: 0, end: extracted?.text.length });
  });

  it('loads the predefined CMaps: issue3521 gives 我们都是黑体字', async () => {
    const { extracted, diagnostics } = await extract('tricky/issue3521-gbk-euc-cmap.pdf');
    expect(diagnostics).toEqual([]);
    expect(extracted?.text).toBe('我们都是黑体字');
  });

  it('tricky/zero-bytes.pdf: ingest/empty error naming the file', async () => {
    const { extracted, diagnostics } = await extract('tricky/zero-bytes.pdf');
    expect(extracted).toBeUndefined();
    expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'ingest/empty' }]);
    expect(diagnostics[0]!.file).toContain('tricky/zero-bytes.pdf');
    expect(diagnostics[0]!.message).toContain('0 bytes');
  });

  it.each([
    ['tricky/invalid-header-eof-only.pdf', /invalid pdf structure/i],
    ['tricky/REDHAT-1531897-0-no-trailer.pdf', /root/i],
    ['tricky/Pages-tree-refs-loop.pdf', /circular/i],
  ])('%s: pdf-invalid error naming the file, no text', async (relPath, reason) => {
    const { extracted, diagnostics } = await extract(relPath);
    expect(extracted).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', rule: 'ingest/pdf-invalid' });
    expect(diagnostics[0]!.file).toContain(relPath);
    expect(diagnostics[0]!.message).toMatch(reason);
    expect(diagnostics[0]!.hint).toBeTruthy();
  });

  it('password-protected issue6010_1: error without the password, text with "abc"', async () => {
    const locked = await extract('tricky/issue6010_1-password-abc.pdf');
    expect(locked.extracted).toBeUndefined();
    expect(locked.diagnostics).toMatchObject([{ severity: 'error', rule: 'ingest/pdf-encrypted' }]);
    expect(locked.diagnostics[0]!.hint).toMatch(/password/i);

    const wrong = await extract('tricky/issue6010_1-password-abc.pdf', 'xyz');
    expect(wrong.diagnostics).toMatchObject([{ rule: 'ingest/pdf-encrypted' }]);
    expect(wrong.diagnostics[0]!.message).toMatch(/not correct/);

    const opened = await extract('tricky/issue6010_1-password-abc.pdf', 'abc');
    expect(opened.diagnostics).toEqual([]);
    expect(opened.extracted?.text).toContain('Issue 6010');
  });

  it('XiaoBiaoSong (GBK bytes under a WinAnsi font): mojibake, an error and no text', async () => {
    const { extracted, diagnostics } = await extract('tricky/XiaoBiaoSong-gbk-no-tounicode.pdf');
    expect(extracted).toBeUndefined();
    expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'ingest/garbled-text' }]);
    // The page starts with 目　　录, GBK C4BF A1A1 A1A1 C2BC, which read as Latin-1 is "Ä¿¡¡¡¡Â¼".
    expect(diagnostics[0]!.message).toMatch(/mojibake/);
    expect(diagnostics[0]!.message).toContain('Ä¿¡¡¡¡Â¼');
  });

  it('encrypted with an empty user password (issue7665, bug900822): opens without one', async () => {
    expect((await extract('tricky/issue7665-aes256-empty-user-password.pdf')).extracted?.text).toBe('Issue 7665');
    expect((await extract('tricky/bug900822-rc4-no-copy.pdf')).extracted?.text).toMatch(/^Pdf Test 1\n/);
  });

  it.each(['tricky/c02-22-scanned-image-only.pdf', 'tricky/vector-text-as-curves.pdf', 'tricky/no_contents.pdf'])(
    '%s: no text layer, a "needs OCR" error and no text',
    async (relPath) => {
      const { extracted, diagnostics } = await extract(relPath);
      expect(extracted).toBeUndefined();
      expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'ingest/pdf-no-text' }]);
      expect(diagnostics[0]!.message).toMatch(/no text layer.*needs OCR/);
      expect(diagnostics[0]!.hint).toMatch(/OCR/);
    },
  );

  it('notes the pages without text in a PDF that has some text (vertical-japanese: pages 2 and 3)', async () => {
    const { extracted, diagnostics } = await extract('tricky/vertical-japanese.pdf');
    expect(extracted?.pages).toHaveLength(3);
    expect(extracted?.text).toContain('あいうえお');
    expect(diagnostics).toMatchObject([{ severity: 'info', rule: 'ingest/pdf-pages-without-text' }]);
    expect(diagnostics[0]!.message).toContain('Pages 2, 3 of 3');
  });

  it('pdf.js prints nothing while reading damaged files', async () => {
    const spies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((name) => vi.spyOn(console, name).mockImplementation(() => undefined));
    for (const relPath of [
      'tricky/issue1293r-bad-stream-length.pdf',
      'tricky/xref_command_missing.pdf',
      'tricky/malformed-from-issue-932.pdf',
      'tricky/truetype_font_nomapping.pdf',
      'tricky/REDHAT-1531897-0-no-trailer.pdf',
    ]) {
      await extract(relPath);
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
