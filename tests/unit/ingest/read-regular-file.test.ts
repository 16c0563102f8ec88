import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCodebook } from '../../../src/codebook/read-codebook.ts';
import { readCorpusMetadata } from '../../../src/ingest/read-corpus-metadata.ts';
import { extractCachePath, readExtractCache } from '../../../src/ingest/read-extract-cache.ts';
import { readRegularFile } from '../../../src/ingest/read-regular-file.ts';
import { writeExtractCache } from '../../../src/ingest/write-extract-cache.ts';

/**
 * Files outside the document walk that are not regular files (issue 14): reading a FIFO blocks
 * until something writes to it (forever, in a run), and /dev/zero never ends. Each must be refused
 * with a clear error (corpus.yaml, codebook) or treated as a bad entry (cache), at once.
 */
let root: string;
const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'policycoder-not-a-file-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readRegularFile', () => {
  it('reads a regular file, names a FIFO and a link to /dev/zero, throws ENOENT as readFile does', async () => {
    await writeFile(path.join(root, 'plain.txt'), 'x');
    mkfifo(path.join(root, 'pipe'));
    await symlink('/dev/zero', path.join(root, 'zero'));
    expect(await readRegularFile(path.join(root, 'plain.txt'))).toEqual({ bytes: Buffer.from('x') });
    expect(await readRegularFile(path.join(root, 'pipe'))).toEqual({ notAFile: 'a FIFO (named pipe)' });
    expect(await readRegularFile(path.join(root, 'zero'))).toEqual({ notAFile: 'a device' });
    await expect(readRegularFile(path.join(root, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('corpus.yaml that is not a file', () => {
  it.each([
    ['a FIFO', 'fifo-corpus', (file: string) => mkfifo(file), /is a FIFO \(named pipe\), not a file/],
    ['a link to /dev/zero', 'zero-corpus', (file: string) => symlink('/dev/zero', file), /is a device, not a file/],
  ])('%s: a blocking corpus/unreadable error naming the file', async (_what, folder, make, message) => {
    const corpus = path.join(root, folder);
    await mkdir(corpus);
    await make(path.join(corpus, 'corpus.yaml'));
    const metadata = await readCorpusMetadata(corpus);
    expect(metadata.blocking).toBe(true);
    expect(metadata.diagnostics).toHaveLength(1);
    expect(metadata.diagnostics[0]).toMatchObject({ severity: 'error', rule: 'corpus/unreadable', message: expect.stringMatching(message) });
    expect(metadata.diagnostics[0]!.file).toContain('corpus.yaml');
  });
});

describe('--codebook that is not a file', () => {
  it('a FIFO and /dev/zero: codebook/unreadable naming the path', async () => {
    const pipe = path.join(root, 'codebook.yaml');
    mkfifo(pipe);
    for (const [file, kind] of [
      [pipe, 'a FIFO (named pipe)'],
      ['/dev/zero', 'a device'],
    ] as const) {
      const { diagnostics } = await readCodebook(file);
      expect(diagnostics).toEqual([
        expect.objectContaining({
          rule: 'codebook/unreadable',
          file,
          message: `Cannot read codebook ${file}: it is ${kind}, not a file (reading it could block the run or never end).`,
        }),
      ]);
    }
  });
});

describe('a FIFO named like an extraction-cache entry', () => {
  it('is a bad entry: not read, then replaced by the rebuilt entry', async () => {
    const cacheDir = path.join(root, 'cache');
    const sha256 = 'a'.repeat(64);
    await mkdir(path.join(cacheDir, 'extract'), { recursive: true });
    mkfifo(extractCachePath(cacheDir, sha256, 'v1'));
    expect(await readExtractCache(cacheDir, sha256, 'v1')).toBeUndefined();
    expect(await writeExtractCache(cacheDir, sha256, 'v1', { text: 'big data', pages: [] })).toBeUndefined();
    expect(await readExtractCache(cacheDir, sha256, 'v1')).toEqual({ extracted: { text: 'big data', pages: [] }, notes: [] });
  });
});
