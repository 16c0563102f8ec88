import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractText } from '../../../src/ingest/extract-text.ts';
import { EXTRACTOR_VERSION } from '../../../src/ingest/read-pdf-text.ts';
import type { SourceFile } from '../../../src/types.ts';
import { hasSharedPdfs, sharedPdf } from './shared-data.ts';

describe('EXTRACTOR_VERSION', () => {
  it('names the pdf-parse and pdfjs-dist versions in use', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../../node_modules/pdf-parse/package.json', import.meta.url), 'utf8'));
    expect(EXTRACTOR_VERSION).toContain(`pdf-parse-${manifest.version as string}`);
    expect(EXTRACTOR_VERSION).toMatch(/pdfjs-\d+\.\d+\.\d+/);
  });
});

describe.skipIf(!hasSharedPdfs)('PDF extraction cache', () => {
  let cacheDir: string;
  let source: SourceFile;
  let entryPath: string;
  beforeEach(async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'ingest-cache-'));
    source = await sharedPdf('tricky/xref_command_missing.pdf');
    entryPath = path.join(cacheDir, 'extract', `${source.sha256}-${EXTRACTOR_VERSION}.json`);
  });
  afterEach(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  const plant = (content: unknown) =>
    mkdir(path.dirname(entryPath), { recursive: true }).then(() => writeFile(entryPath, typeof content === 'string' ? content : JSON.stringify(content)));

  it('writes { version, sha256, text, pages } under extract/<sha256>-<version>.json, with no temp file left', async () => {
    const first = await extractText(source, { cacheDir });
    expect(first.extracted?.text).toContain('Reduced test-case');
    const stored = JSON.parse(await readFile(entryPath, 'utf8'));
    expect(stored).toEqual({ version: EXTRACTOR_VERSION, sha256: source.sha256, ...first.extracted, notes: [] });
    expect(first.fromCache).toBe(false);
    expect(await readdir(path.join(cacheDir, 'extract'))).toEqual([path.basename(entryPath)]);
  });

  it('returns a valid planted entry instead of extracting again', async () => {
    const planted = { version: EXTRACTOR_VERSION, sha256: source.sha256, text: 'PLANTED TEXT', pages: [{ page: 1, start: 0, end: 12 }] };
    await plant(planted);
    const result = await extractText(source, { cacheDir });
    expect(result).toEqual({ extracted: { text: 'PLANTED TEXT', pages: [{ page: 1, start: 0, end: 12 }] }, diagnostics: [], fromCache: true });
  });

  it.each([
    ['not JSON', '{"version": '],
    ['another file', { version: EXTRACTOR_VERSION, sha256: '0'.repeat(64), text: 'PLANTED', pages: [{ page: 1, start: 0, end: 7 }] }],
    ['another version', { version: 'old', sha256: 'SHA', text: 'PLANTED', pages: [{ page: 1, start: 0, end: 7 }] }],
    ['a page past the end', { version: EXTRACTOR_VERSION, sha256: 'SHA', text: 'PLANTED', pages: [{ page: 1, start: 0, end: 99 }] }],
    ['text not a string', { version: EXTRACTOR_VERSION, sha256: 'SHA', text: 7, pages: [] }],
    ['pages missing', { version: EXTRACTOR_VERSION, sha256: 'SHA', text: 'PLANTED' }],
    ['pages out of order', { version: EXTRACTOR_VERSION, sha256: 'SHA', text: 'PLANTED', pages: [{ page: 2, start: 0, end: 1 }] }],
    [
      'notes not a list of diagnostics',
      { version: EXTRACTOR_VERSION, sha256: 'SHA', text: 'PLANTED', pages: [{ page: 1, start: 0, end: 7 }], notes: [{ rule: 1 }] },
    ],
  ])('rebuilds silently over a corrupt entry: %s', async (_name, content) => {
    const withSha = typeof content === 'string' ? content : JSON.parse(JSON.stringify(content).replace('"SHA"', `"${source.sha256}"`));
    await plant(withSha);
    const result = await extractText(source, { cacheDir });
    expect(result.diagnostics).toEqual([]);
    expect(result.fromCache).toBe(false);
    expect(result.extracted?.text).toContain('Reduced test-case');
    const stored = JSON.parse(await readFile(entryPath, 'utf8'));
    expect(stored.text).toBe(result.extracted?.text);
    expect(stored.sha256).toBe(source.sha256);
  });

  it('repeats the no-text error when the (empty) text comes from the cache', async () => {
    const scan = await sharedPdf('tricky/c02-22-scanned-image-only.pdf');
    const cold = await extractText(scan, { cacheDir });
    const warm = await extractText(scan, { cacheDir });
    expect(cold.diagnostics.map((d) => d.rule)).toEqual(['ingest/pdf-no-text']);
    expect(cold.extracted).toBeUndefined();
    expect(warm).toEqual({ ...cold, fromCache: true });
  });

  it('keeps extraction notes in the entry and repeats them on a hit (a planted cut-off warning)', async () => {
    const note = { severity: 'warning', rule: 'ingest/pdf-truncated', message: 'cut off', hint: 'again' };
    await plant({ version: EXTRACTOR_VERSION, sha256: source.sha256, text: 'PLANTED', pages: [{ page: 1, start: 0, end: 7 }], notes: [note] });
    const result = await extractText(source, { cacheDir });
    expect(result.fromCache).toBe(true);
    expect(result.diagnostics).toEqual([{ ...note, file: expect.stringMatching(/xref_command_missing\.pdf$/) }]);
  });

  it('does not cache failures', async () => {
    const broken = await sharedPdf('tricky/zero-bytes.pdf');
    await extractText(broken, { cacheDir });
    expect(existsSync(path.join(cacheDir, 'extract'))).toBe(false);
  });

  it('warns but still returns the text when the cache cannot be written', async () => {
    const notAFolder = path.join(cacheDir, 'file');
    await writeFile(notAFolder, 'x');
    const result = await extractText(source, { cacheDir: notAFolder });
    expect(result.extracted?.text).toContain('Reduced test-case');
    expect(result.diagnostics).toMatchObject([{ severity: 'warning', rule: 'ingest/cache-write-failed' }]);
  });

  it('federal-register: the cached extraction equals the cold one (timings logged)', async () => {
    const register = await sharedPdf('normal/federal-register-2020-17221.pdf');
    let started = performance.now();
    const cold = await extractText(register, { cacheDir });
    const coldMs = performance.now() - started;
    started = performance.now();
    const warm = await extractText(register, { cacheDir });
    const warmMs = performance.now() - started;
    expect(warm).toEqual({ ...cold, fromCache: true });
    expect(cold.extracted?.pages).toHaveLength(15);
    console.info(`federal-register-2020-17221.pdf: cold ${coldMs.toFixed(0)} ms, cached ${warmMs.toFixed(1)} ms`);
  });
});

describe('plain text is never cached', () => {
  it('creates no cache entry for a .txt file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ingest-nocache-'));
    try {
      const file = path.join(dir, 'a.txt');
      await writeFile(file, 'hello\n');
      const source: SourceFile = { path: file, relPath: 'a.txt', format: 'txt', bytes: 6, sha256: 'x' };
      const result = await extractText(source, { cacheDir: path.join(dir, 'cache') });
      expect(result.extracted?.text).toBe('hello\n');
      expect(existsSync(path.join(dir, 'cache'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
