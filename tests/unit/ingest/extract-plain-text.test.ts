import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../../src/ingest/extract-text.ts';
import type { SourceFile, SourceFormat } from '../../../src/types.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/ingest/', import.meta.url));
const sourceAt = (absolute: string, format: SourceFormat): SourceFile => ({
  path: absolute,
  relPath: path.basename(absolute),
  format,
  bytes: 0,
  sha256: '',
});

describe('extractText for .txt and .md', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ingest-plain-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('drops Markdown front matter (CRLF file) and keeps the rest', async () => {
    const file = path.join(fixtures, 'corpus-basic/local/2018_plan.md');
    const result = await extractText(sourceAt(file, 'md'), { cacheDir: null });
    const bytes = await readFile(file);
    const content = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    expect(result).toEqual({ extracted: { text: '# Plan\n\nBuild a smart city.\n', pages: [] }, diagnostics: [], fromCache: false, content });
  });

  it('keeps a front-matter-like block in a .txt file', async () => {
    const file = path.join(dir, 'fm.txt');
    await writeFile(file, '---\na: 1\n---\nBody\n');
    const result = await extractText(sourceAt(file, 'txt'), { cacheDir: null });
    expect(result.extracted?.text).toBe('---\na: 1\n---\nBody\n');
  });

  it('reads GBK text as GB18030 with an info note naming the file', async () => {
    const file = path.join(dir, 'gbk.txt');
    // "Title\n" then GBK for 智慧 (D6 C7 BB DB).
    await writeFile(file, Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xd6, 0xc7, 0xbb, 0xdb]));
    const result = await extractText(sourceAt(file, 'txt'), { cacheDir: null });
    expect(result.extracted?.text).toBe('Title\n智慧');
    expect(result.diagnostics).toMatchObject([{ severity: 'info', rule: 'ingest/decoded-gb18030' }]);
    expect(result.diagnostics[0]!.file).toMatch(/gbk\.txt$/);
  });

  it('with `encoding: gbk` the bytes are read as GBK, without the detection note', async () => {
    const file = path.join(dir, 'named.txt');
    await writeFile(file, Buffer.from([0xd6, 0xc7, 0xbb, 0xdb]));
    const result = await extractText(sourceAt(file, 'txt'), { cacheDir: null, encoding: 'gbk' });
    expect(result).toMatchObject({ extracted: { text: '智慧' }, diagnostics: [] });
  });

  it('reports undecodable bytes with the file, line and column, and no text', async () => {
    const file = path.join(dir, 'bad.txt');
    // "Title\n" then 0xFF 0xFE 0x41: neither UTF-8 nor GB18030; line 2, column 1.
    await writeFile(file, Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xff, 0xfe, 0x41]));
    const result = await extractText(sourceAt(file, 'txt'), { cacheDir: null });
    expect(result.extracted).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ severity: 'error', rule: 'ingest/not-utf8', line: 2, column: 1 }]);
    expect(result.diagnostics[0]!.file).toMatch(/bad\.txt$/);
  });

  it('reports a NUL byte as a binary file', async () => {
    const file = path.join(dir, 'nul.txt');
    await writeFile(file, Buffer.from([0x61, 0x00, 0x62]));
    const result = await extractText(sourceAt(file, 'txt'), { cacheDir: null });
    expect(result.extracted).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ severity: 'error', rule: 'ingest/binary-file' }]);
  });

  it('reports a file that vanished after discovery', async () => {
    const result = await extractText(sourceAt(path.join(dir, 'gone.txt'), 'txt'), { cacheDir: null });
    expect(result.diagnostics).toMatchObject([{ severity: 'error', rule: 'ingest/unreadable' }]);
    expect(result.diagnostics[0]!.message).toContain('no such file');
  });
});
