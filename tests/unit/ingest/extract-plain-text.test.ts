import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
    expect(result).toEqual({ extracted: { text: '# Plan\n\nBuild a smart city.\n', pages: [] }, diagnostics: [] });
  });

  it('keeps a front-matter-like block in a .txt file', async () => {
    const file = path.join(dir, 'fm.txt');
    await writeFile(file, '---\na: 1\n---\nBody\n');
    const result = await extractText(sourceAt(file, 'txt'), { cacheDir: null });
    expect(result.extracted?.text).toBe('---\na: 1\n---\nBody\n');
  });

  it('reports invalid UTF-8 with the file, line and column, and no text', async () => {
    const file = path.join(dir, 'gbk.txt');
    // "Title\n" then GBK for 智慧 (D6 C7 BB DB): line 2, column 1.
    await writeFile(file, Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xd6, 0xc7, 0xbb, 0xdb]));
    const result = await extractText(sourceAt(file, 'txt'), { cacheDir: null });
    expect(result.extracted).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ severity: 'error', rule: 'ingest/not-utf8', line: 2, column: 1 }]);
    expect(result.diagnostics[0]!.file).toMatch(/gbk\.txt$/);
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
