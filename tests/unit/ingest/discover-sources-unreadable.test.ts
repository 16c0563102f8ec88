import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { discoverSources } from '../../../src/ingest/discover-sources.ts';

// Reading any file named locked.txt fails (EACCES): see tests/support/locked-file.ts.
vi.mock('node:fs/promises', async (importOriginal) => {
  const { withLockedFile } = await import('../../support/locked-file.ts');
  return withLockedFile(await importOriginal<typeof import('node:fs/promises')>());
});

describe('discoverSources with an unreadable file', () => {
  let corpus: string;
  beforeAll(async () => {
    corpus = await mkdtemp(path.join(tmpdir(), 'ingest-unreadable-'));
    await writeFile(path.join(corpus, 'a.txt'), 'a');
    await writeFile(path.join(corpus, 'locked.txt'), 'secret');
    await writeFile(path.join(corpus, 'z.txt'), 'z');
  });
  afterAll(async () => {
    await rm(corpus, { recursive: true, force: true });
  });

  it('reports the file and still returns the others', async () => {
    const { sources, failed, diagnostics } = await discoverSources(corpus);
    expect(sources.map((source) => source.relPath)).toEqual(['a.txt', 'z.txt']);
    expect(failed).toEqual([
      { relPath: 'locked.txt', format: 'txt', bytes: 0, sha256: '', status: 'failed', reason: 'Cannot read this file: permission denied' },
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', rule: 'ingest/unreadable' });
    expect(diagnostics[0]!.file).toMatch(/locked\.txt$/);
    expect(diagnostics[0]!.message).toContain('permission denied');
  });
});
