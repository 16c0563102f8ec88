import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverSources } from '../../../src/ingest/discover-sources.ts';

const SHA256_HELLO_NL = '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03';
const SHA256_EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('discoverSources', () => {
  let corpus: string;
  const files: Record<string, string> = {
    'b.txt': 'hello\n',
    'B.txt': '',
    'a.txt': 'x',
    'a/z.md': 'x',
    'a-b.txt': 'x',
    'Z.PDF': 'x',
    'deep/er/2012-notice.Md': 'x',
    'ä.txt': 'x',
    // set aside (excluded, with the reason):
    '.hidden.txt': 'x',
    '.git/inside.txt': 'x',
    'sub/.draft/inside.md': 'x',
    'README.md': 'x',
    'sub/readme.txt': 'x',
    'sub/README.TXT': 'x',
    // skipped:
    'corpus.yaml': 'documents: []\n',
    'notes.docx': 'x',
    'page.HTM': 'x',
    'data.json': 'x',
    'old.doc': 'x',
    txt: 'x',
  };

  beforeAll(async () => {
    corpus = await mkdtemp(path.join(tmpdir(), 'ingest-discover-'));
    for (const [relPath, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(corpus, relPath)), { recursive: true });
      await writeFile(path.join(corpus, relPath), content);
    }
    await mkdir(path.join(corpus, 'folder.txt'));
  });
  afterAll(async () => {
    await rm(corpus, { recursive: true, force: true });
  });

  it('finds txt/md/pdf/html/docx in any letter case, skips dot entries, READMEs and corpus.yaml, sorted by code unit', async () => {
    const { sources, failed, diagnostics } = await discoverSources(corpus);
    expect(failed).toEqual([]);
    // A Word 97 .doc is named, not read; data.json and `txt` are not documents at all.
    expect(diagnostics).toMatchObject([{ severity: 'warning', rule: 'ingest/unsupported-format', file: expect.stringMatching(/old\.doc$/) }]);
    // Code-unit order: 'B'(0x42) < 'Z'(0x5A) < 'a'(0x61); '-'(0x2D) < '.'(0x2E) < '/'(0x2F); 'ä' (0xE4) last.
    expect(sources.map((source) => source.relPath)).toEqual([
      'B.txt',
      'Z.PDF',
      'a-b.txt',
      'a.txt',
      'a/z.md',
      'b.txt',
      'deep/er/2012-notice.Md',
      'notes.docx',
      'page.HTM',
      'ä.txt',
    ]);
    expect(sources.map((source) => source.format)).toEqual(['txt', 'pdf', 'txt', 'txt', 'md', 'txt', 'md', 'docx', 'html', 'txt']);
  });

  // Issue 14 round three: hidden files and README.txt vanished without a trace.
  it('lists hidden files (also in dot-folders) and READMEs as excluded, each with its reason', async () => {
    const { excluded } = await discoverSources(corpus);
    const hidden = 'hidden: its name or a folder on its path starts with a dot (name it in corpus.yaml to analyse it)';
    const readme = 'a README, taken for documentation (name it in corpus.yaml to analyse it)';
    expect(excluded.map((input) => [input.relPath, input.status, input.reason])).toEqual([
      ['.git/inside.txt', 'excluded', hidden],
      ['.hidden.txt', 'excluded', hidden],
      ['README.md', 'excluded', readme],
      ['sub/.draft/inside.md', 'excluded', hidden],
      ['sub/README.TXT', 'excluded', readme],
      ['sub/readme.txt', 'excluded', readme],
    ]);
  });

  it('a hidden file or README that corpus.yaml names is a document like any other', async () => {
    const { sources, excluded } = await discoverSources(corpus, { listed: ['.hidden.txt', 'sub/.draft/inside.md', 'sub/readme.txt'] });
    expect(sources.map((source) => source.relPath)).toEqual(expect.arrayContaining(['.hidden.txt', 'sub/.draft/inside.md', 'sub/readme.txt']));
    expect(excluded.map((input) => input.relPath)).toEqual(['.git/inside.txt', 'README.md', 'sub/README.TXT']);
  });

  it('a corpus of hidden files only says so (ingest/no-documents names the way out)', async () => {
    const only = await mkdtemp(path.join(tmpdir(), 'ingest-hidden-'));
    await writeFile(path.join(only, '.2020-plan.txt'), 'big data');
    const { sources, excluded, diagnostics } = await discoverSources(only);
    await rm(only, { recursive: true, force: true });
    expect(sources).toEqual([]);
    expect(excluded).toMatchObject([{ relPath: '.2020-plan.txt', status: 'excluded' }]);
    expect(diagnostics).toMatchObject([
      { rule: 'ingest/no-documents', message: expect.stringContaining('hidden'), hint: expect.stringContaining('corpus.yaml') },
    ]);
  });

  it('records absolute path, size and sha256', async () => {
    const { sources } = await discoverSources(corpus);
    const hello = sources.find((source) => source.relPath === 'b.txt');
    expect(hello).toEqual({
      path: path.join(corpus, 'b.txt'),
      relPath: 'b.txt',
      format: 'txt',
      bytes: 6,
      sha256: SHA256_HELLO_NL,
    });
    const empty = sources.find((source) => source.relPath === 'B.txt');
    expect(empty).toMatchObject({ bytes: 0, sha256: SHA256_EMPTY });
  });

  it('accepts a relative corpus path and still returns absolute paths', async () => {
    const relative = path.relative(process.cwd(), corpus);
    const { sources } = await discoverSources(relative);
    expect(sources).toHaveLength(10);
    for (const source of sources) expect(path.isAbsolute(source.path)).toBe(true);
  });

  it('reports a missing corpus folder with a hint', async () => {
    const missing = path.join(corpus, 'does-not-exist');
    const { sources, diagnostics } = await discoverSources(missing);
    expect(sources).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', rule: 'ingest/corpus-missing' });
    expect(diagnostics[0]!.file).toContain('does-not-exist');
    expect(diagnostics[0]!.hint).toBeTruthy();
  });

  it('reports a corpus path that is a file', async () => {
    const { diagnostics } = await discoverSources(path.join(corpus, 'b.txt'));
    expect(diagnostics.map((d) => d.rule)).toEqual(['ingest/corpus-not-a-folder']);
  });

  it('warns when the folder holds no documents', async () => {
    const { sources, diagnostics } = await discoverSources(path.join(corpus, 'sub'));
    expect(sources).toEqual([]);
    expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'ingest/no-documents' }]);
  });

  describe('many and large files', () => {
    let folder: string;
    beforeAll(async () => {
      folder = await mkdtemp(path.join(tmpdir(), 'policycoder-discover-many-'));
      // 70 files, read 32 at a time: every tenth is a .doc (skipped with a warning).
      for (let k = 0; k < 70; k++) await writeFile(path.join(folder, `f${String(k).padStart(2, '0')}.${k % 10 === 0 ? 'doc' : 'txt'}`), `text ${k}\n`);
      // Above 1 MB a file is hashed as a stream.
      await writeFile(path.join(folder, 'zz-large.txt'), 'abc\n'.repeat(400_000));
    });
    afterAll(() => rm(folder, { recursive: true, force: true }));

    it('keeps the warnings in path order and every readable file, sorted', async () => {
      const { sources, diagnostics } = await discoverSources(folder);
      expect(diagnostics.map((d) => path.basename(d.file!))).toEqual(['f00.doc', 'f10.doc', 'f20.doc', 'f30.doc', 'f40.doc', 'f50.doc', 'f60.doc']);
      expect(sources).toHaveLength(64); // 63 .txt + the large one
      expect(sources.map((source) => source.relPath)).toEqual([...sources.map((source) => source.relPath)].sort());
      expect(sources.find((source) => source.relPath === 'f07.txt')).toMatchObject({ bytes: 7 }); // "text 7\n"
    });

    it('hashes a large file as a stream to the same size and sha256 as the whole bytes', async () => {
      const { sources } = await discoverSources(folder);
      const large = sources.find((source) => source.relPath === 'zz-large.txt');
      const bytes = Buffer.from('abc\n'.repeat(400_000));
      expect(large).toMatchObject({ bytes: 1_600_000, sha256: createHash('sha256').update(bytes).digest('hex') });
    });
  });
});
