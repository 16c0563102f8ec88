import { createHash } from 'node:crypto';
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

/** The entry's payload hash as the README documents it: sha256 of JSON.stringify({ text, pages, notes }). */
function hashed<T extends { text?: unknown; pages?: unknown; notes?: unknown }>(entry: T): T & { payloadSha256: string; notes: unknown } {
  const notes = entry.notes ?? [];
  const payloadSha256 = createHash('sha256')
    .update(JSON.stringify({ text: entry.text, pages: entry.pages, notes }))
    .digest('hex');
  return { ...entry, notes, payloadSha256 };
}

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

  it('writes { version, sha256, text, pages, notes, payloadSha256 } under extract/<sha256>-<version>.json, with no temp file left', async () => {
    const first = await extractText(source, { cacheDir });
    expect(first.extracted?.text).toContain('Reduced test-case');
    const stored = JSON.parse(await readFile(entryPath, 'utf8'));
    expect(stored).toEqual(hashed({ version: EXTRACTOR_VERSION, sha256: source.sha256, ...first.extracted, notes: [] }));
    expect(first.fromCache).toBe(false);
    expect(await readdir(path.join(cacheDir, 'extract'))).toEqual([path.basename(entryPath)]);
  });

  it('returns a valid planted entry instead of extracting again', async () => {
    const planted = hashed({ version: EXTRACTOR_VERSION, sha256: source.sha256, text: 'PLANTED TEXT', pages: [{ page: 1, start: 0, end: 12 }] });
    await plant(planted);
    const result = await extractText(source, { cacheDir });
    const content = { bytes: source.bytes, sha256: source.sha256 };
    expect(result).toEqual({ extracted: { text: 'PLANTED TEXT', pages: [{ page: 1, start: 0, end: 12 }] }, diagnostics: [], fromCache: true, content });
  });

  const valid = () => ({ version: EXTRACTOR_VERSION, sha256: 'SHA', text: 'PLANTED', pages: [{ page: 1, start: 0, end: 7 }] });
  it.each([
    ['not JSON', '{"version": '],
    ['another file', hashed({ ...valid(), sha256: '0'.repeat(64) })],
    ['another version', hashed({ ...valid(), version: 'old' })],
    ['a page past the end', hashed({ ...valid(), pages: [{ page: 1, start: 0, end: 99 }] })],
    ['text not a string', hashed({ ...valid(), text: 7 })],
    ['pages missing', hashed({ ...valid(), pages: undefined })],
    ['pages out of order', hashed({ ...valid(), pages: [{ page: 2, start: 0, end: 1 }] })],
    ['notes not a list of diagnostics', hashed({ ...valid(), notes: [{ rule: 1 }] })],
    // Issue 14, item 3: an edited count (a text changed by hand) or damage no longer matches the payload hash.
    ['an edited text', { ...hashed(valid()), text: 'PLANTED data data data data' }],
    ['edited pages', { ...hashed(valid()), pages: [{ page: 1, start: 0, end: 6 }] }],
    [
      'an edited note',
      { ...hashed({ ...valid(), notes: [{ severity: 'info', rule: 'r', message: 'a' }] }), notes: [{ severity: 'info', rule: 'r', message: 'b' }] },
    ],
    ['no payload hash (written by an older version)', { ...valid(), notes: [] }],
    ['a payload hash that is not a string', { ...valid(), notes: [], payloadSha256: 7 }],
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
    await plant(hashed({ version: EXTRACTOR_VERSION, sha256: source.sha256, text: 'PLANTED', pages: [{ page: 1, start: 0, end: 7 }], notes: [note] }));
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

describe.skipIf(!hasSharedPdfs)('a password-protected PDF and the cache (issue 14, item 5)', () => {
  let cacheDir: string;
  let locked: SourceFile;
  let entryPath: string;
  beforeEach(async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'ingest-cache-locked-'));
    locked = await sharedPdf('tricky/issue6010_1-password-abc.pdf');
    entryPath = path.join(cacheDir, 'extract', `${locked.sha256}-${EXTRACTOR_VERSION}.json`);
  });
  afterEach(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('its text is never cached, so a later run without the password or with a wrong one fails', async () => {
    const opened = await extractText(locked, { cacheDir, password: 'abc' });
    expect(opened.extracted?.text.length).toBeGreaterThan(0);
    expect(existsSync(entryPath)).toBe(false);
    const none = await extractText(locked, { cacheDir });
    expect(none.extracted).toBeUndefined();
    expect(none.diagnostics).toMatchObject([{ rule: 'ingest/pdf-encrypted', message: expect.stringContaining('password-protected') }]);
    const wrong = await extractText(locked, { cacheDir, password: 'xyz' });
    expect(wrong.extracted).toBeUndefined();
    expect(wrong.diagnostics).toMatchObject([{ rule: 'ingest/pdf-encrypted', message: expect.stringContaining('not correct') }]);
    expect(existsSync(path.join(cacheDir, 'extract'))).toBe(false);
  });

  it('decrypted text an older version cached for it is removed, not served', async () => {
    const plant = async () => {
      await mkdir(path.dirname(entryPath), { recursive: true });
      // As versions before the payload hash wrote it.
      await writeFile(entryPath, JSON.stringify({ version: EXTRACTOR_VERSION, sha256: locked.sha256, text: 'SECRET', pages: [{ page: 1, start: 0, end: 6 }] }));
    };
    await plant();
    expect((await extractText(locked, { cacheDir })).diagnostics).toMatchObject([{ rule: 'ingest/pdf-encrypted' }]);
    expect(existsSync(entryPath)).toBe(false);
    await plant();
    expect((await extractText(locked, { cacheDir, password: 'abc' })).extracted?.text).not.toContain('SECRET');
    expect(existsSync(entryPath)).toBe(false);
  });
});
