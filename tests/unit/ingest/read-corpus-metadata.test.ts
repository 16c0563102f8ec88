import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCorpusEntries, toUnmatchedInputs } from '../../../src/ingest/check-corpus-entries.ts';
import { discoverSources } from '../../../src/ingest/discover-sources.ts';
import { readCorpusMetadata } from '../../../src/ingest/read-corpus-metadata.ts';
import type { CorpusEntry } from '../../../src/ingest/read-corpus-metadata.ts';
import type { SourceFile } from '../../../src/types.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/ingest/', import.meta.url));
const basic = path.join(fixtures, 'corpus-basic');

describe('readCorpusMetadata', () => {
  it('reads the entries and reports problems at line:column of corpus.yaml', async () => {
    const { entries, diagnostics } = await readCorpusMetadata(basic);
    expect(entries.map((entry) => entry.file)).toEqual(['national/2012-pilots.txt', 'local/2018_plan.md', 'local/missing.txt']);
    expect(entries[0]).toEqual({
      file: 'national/2012-pilots.txt',
      meta: { id: 'cn-2012-pilots', title: 'Pilot measures', date: '2012-11-22', series: 'china-national' },
      position: { line: 3, column: 11 },
    });
    // Line 11 is "    titel: Not there": the key starts at column 5.
    expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'corpus/unknown-key', line: 11, column: 5, hint: 'Did you mean `title`?' }]);
    expect(diagnostics[0]!.file).toMatch(/tests\/fixtures\/ingest\/corpus-basic\/corpus\.yaml$/);
  });

  it('has no entries and no diagnostics without a corpus.yaml', async () => {
    expect(await readCorpusMetadata(path.join(fixtures, 'corpus-no-yaml'))).toEqual({
      entries: [],
      include: [],
      exclude: [],
      boilerplate: [],
      refused: [],
      diagnostics: [],
      blocking: false,
    });
  });

  it('an unknown key blocks the run (blocking: true)', async () => {
    expect((await readCorpusMetadata(basic)).blocking).toBe(true);
  });

  // Issue 14, item 14: UTF-16 was read as UTF-8 ("must be a mapping"), deep nesting gave "Maximum call stack size exceeded".
  describe('encodings and depth', () => {
    const yaml = 'documents:\n  - file: a.txt\n    title: Alpha\n';
    const withCorpusYaml = async (bytes: Uint8Array) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'corpus-yaml-'));
      await writeFile(path.join(dir, 'corpus.yaml'), bytes);
      try {
        return await readCorpusMetadata(dir);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    };

    it('reads UTF-16 LE (with a BOM, or detected by its NUL bytes) and BE', async () => {
      const le = Buffer.from(yaml, 'utf16le');
      for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), le, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])]) {
        const { entries, diagnostics } = await withCorpusYaml(bytes);
        expect(diagnostics).toEqual([]);
        expect(entries.map((entry) => [entry.file, entry.meta.title])).toEqual([['a.txt', 'Alpha']]);
      }
    });

    it('Windows-1252 is a corpus/encoding error at the byte', async () => {
      // `title: Größe` on line 3: ö (0xF6) at column 14.
      const bytes = Buffer.concat([Buffer.from('documents:\n  - file: a.txt\n    title: Gr'), Buffer.from([0xf6, 0xdf]), Buffer.from('e\n')]);
      const { diagnostics, blocking } = await withCorpusYaml(bytes);
      expect(blocking).toBe(true);
      expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'corpus/encoding', line: 3, column: 14, message: expect.stringContaining('0xF6') }]);
    });

    it('collections nested 20,000 deep: one error that says so', async () => {
      const { diagnostics } = await withCorpusYaml(Buffer.from(`documents:\n  - file: a.txt\n    title: ${'['.repeat(20_000)}x${']'.repeat(20_000)}\n`));
      expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'corpus/yaml-syntax', line: 3, message: expect.stringContaining('nested too deeply') }]);
    });
  });
});

describe('checkCorpusEntries', () => {
  it('reports, at the entry, a listed file that was not discovered (an error: the document is missing)', async () => {
    const { entries } = await readCorpusMetadata(basic);
    const { sources } = await discoverSources(basic);
    expect(sources.map((source) => source.relPath)).toEqual(['local/2018_plan.md', 'national/2012-pilots.txt']);
    const diagnostics = checkCorpusEntries(entries, sources, 'corpus/corpus.yaml');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'corpus/missing-file',
        file: 'corpus/corpus.yaml',
        line: 10,
        column: 11,
      }),
    ]);
    expect(diagnostics[0]!.message).toContain('local/missing.txt');
  });

  it('suggests a file whose name differs only in letter case', () => {
    const entry: CorpusEntry = { file: 'National/A.txt', meta: {}, position: { line: 4, column: 11 } };
    const source: SourceFile = { path: '/c/national/a.txt', relPath: 'national/a.txt', format: 'txt', bytes: 1, sha256: '' };
    const [diagnostic] = checkCorpusEntries([entry], [source], 'corpus.yaml');
    expect(diagnostic).toMatchObject({ rule: 'corpus/missing-file', line: 4, column: 11 });
    expect(diagnostic!.hint).toContain('`national/a.txt`');
  });

  it('says nothing when every entry has its file', () => {
    const entry: CorpusEntry = { file: 'a.txt', meta: {}, position: { line: 2, column: 11 } };
    const source: SourceFile = { path: '/c/a.txt', relPath: 'a.txt', format: 'txt', bytes: 1, sha256: '' };
    expect(checkCorpusEntries([entry], [source], 'corpus.yaml')).toEqual([]);
  });
});

describe('toUnmatchedInputs', () => {
  const at = { line: 2, column: 11 };
  it('lists missing, unsupported and refused entries as failed inputs; found ones not at all', () => {
    const entries: CorpusEntry[] = [
      { file: 'a.txt', meta: {}, position: at },
      { file: 'gone.pdf', meta: {}, position: at },
      { file: 'old.doc', meta: {}, position: at },
    ];
    const refused = [{ file: '../x.html', reason: '`../x.html` points outside the corpus folder', position: at }];
    expect(toUnmatchedInputs(entries, refused, [{ relPath: 'a.txt' }])).toEqual([
      { relPath: 'gone.pdf', format: 'pdf', bytes: 0, sha256: '', status: 'failed', reason: 'listed in corpus.yaml, but no such file in the corpus folder' },
      { relPath: 'old.doc', format: 'txt', bytes: 0, sha256: '', status: 'failed', reason: 'listed in corpus.yaml, but not a format this tool reads' },
      { relPath: '../x.html', format: 'html', bytes: 0, sha256: '', status: 'failed', reason: 'refused: the path points outside the corpus folder' },
    ]);
  });

  it('says a listed .doc is not a format this tool reads', () => {
    const [diagnostic] = checkCorpusEntries([{ file: 'old.doc', meta: {}, position: at }], [], 'corpus.yaml');
    expect(diagnostic!.message).toContain('not a document this tool reads');
  });
});
