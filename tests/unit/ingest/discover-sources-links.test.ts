import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES, discoverSources } from '../../../src/ingest/discover-sources.ts';

describe('discoverSources: symbolic links', () => {
  let corpus: string;
  beforeAll(async () => {
    corpus = await mkdtemp(path.join(tmpdir(), 'ingest-links-'));
    await writeFile(path.join(corpus, 'a.txt'), 'a');
    await mkdir(path.join(corpus, 'sub'));
    await mkdir(path.join(corpus, 'other'));
    await writeFile(path.join(corpus, 'sub/b.txt'), 'b');
    await symlink('..', path.join(corpus, 'sub/up')); // loop back to the corpus folder
    await symlink('../sub', path.join(corpus, 'other/again')); // a second way into sub/
    await symlink('self.txt', path.join(corpus, 'self.txt')); // a link to itself
    await symlink('nowhere.txt', path.join(corpus, 'dangling.txt'));
    await symlink('sub/b.txt', path.join(corpus, 'link.txt')); // the same document twice
    await symlink('nowhere', path.join(corpus, 'dangling-folder')); // not a document name: ignored
  });
  afterAll(async () => {
    await rm(corpus, { recursive: true, force: true });
  });

  it('terminates, reads each real document once and names every link it did not follow', async () => {
    const started = performance.now();
    const { sources, failed, diagnostics } = await discoverSources(corpus);
    expect(performance.now() - started).toBeLessThan(5_000);
    // Real paths first: sub/b.txt is the document; link.txt and other/again (-> sub) are second sightings.
    expect(sources.map((source) => source.relPath)).toEqual(['a.txt', 'sub/b.txt']);
    expect(failed.map((input) => [input.relPath, input.status])).toEqual([
      ['dangling.txt', 'failed'],
      ['link.txt', 'failed'],
      ['self.txt', 'failed'],
    ]);
    expect(failed[0]!.reason).toContain('target does not exist');
    expect(failed[1]!.reason).toContain('same file as sub/b.txt');
    expect(failed[2]!.reason).toContain('loop');
    const byRule = diagnostics.map((d) => [d.rule, d.severity, path.relative(corpus, d.file ?? '')]).sort();
    expect(byRule).toEqual([
      ['ingest/broken-link', 'error', 'dangling.txt'],
      ['ingest/broken-link', 'error', 'self.txt'],
      ['ingest/link-loop', 'info', 'other/again'],
      ['ingest/link-loop', 'info', 'sub/up'],
      ['ingest/same-file', 'error', 'link.txt'],
    ]);
  });
});

describe('discoverSources: size limit', () => {
  let corpus: string;
  beforeAll(async () => {
    corpus = await mkdtemp(path.join(tmpdir(), 'ingest-size-'));
    await writeFile(path.join(corpus, 'small.txt'), 'x'.repeat(2048));
    await writeFile(path.join(corpus, 'huge.txt'), '');
    await truncate(path.join(corpus, 'huge.txt'), 300 * 1024 * 1024); // sparse: takes no disk space
  });
  afterAll(async () => {
    await rm(corpus, { recursive: true, force: true });
  });

  it('refuses a file over the default 200 MB without reading it', async () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(200 * 1024 * 1024);
    const started = performance.now();
    const { sources, failed, diagnostics } = await discoverSources(corpus);
    expect(performance.now() - started).toBeLessThan(2_000); // 300 MB were not hashed
    expect(sources.map((source) => source.relPath)).toEqual(['small.txt']);
    expect(failed).toEqual([
      {
        relPath: 'huge.txt',
        format: 'txt',
        bytes: 300 * 1024 * 1024,
        sha256: '',
        status: 'failed',
        reason: 'The file is 300 MB, larger than the 200 MB limit; it was not read',
      },
    ]);
    expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'ingest/too-large' }]);
    expect(diagnostics[0]!.hint).toContain('--max-file-mb');
  });

  it('takes a lower limit: 1 KB refuses the 2 KB file too', async () => {
    const { sources, failed } = await discoverSources(corpus, { maxFileBytes: 1024 });
    expect(sources).toEqual([]);
    expect(failed.map((input) => input.relPath)).toEqual(['huge.txt', 'small.txt']);
    expect(failed[1]!.reason).toBe('The file is 2048 bytes, larger than the 1024 bytes limit; it was not read');
  });
});
