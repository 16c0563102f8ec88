import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusSelection, GlobPattern } from '../../../src/types.ts';
import { discoverSources } from '../../../src/ingest/discover-sources.ts';
import { matchCorpusPaths } from '../../../src/ingest/match-corpus-paths.ts';
import { selectCorpusFiles } from '../../../src/ingest/select-corpus-files.ts';
import type { WalkProblem } from '../../../src/ingest/walk-corpus.ts';

const cli = (...globs: string[]): GlobPattern[] => globs.map((glob) => ({ glob }));
const yaml = (line: number, ...globs: string[]): GlobPattern[] => globs.map((glob, index) => ({ glob, position: { line: line + index, column: 5 } }));
const selection = (include: GlobPattern[][], exclude: GlobPattern[]): CorpusSelection => ({ include, exclude });

describe('matchCorpusPaths (fast-glob over the walked paths)', () => {
  const paths = ['a.txt', 'drafts/x.txt', 'drafts/deep/y.pdf', 'national/2014.txt', 'national/sub/z.txt', 'Upper.TXT'];
  const matched = (include: string[], exclude: string[] = []) => [...matchCorpusPaths(paths, include, exclude).matched].sort();

  it.each([
    [['**'], [], paths],
    [['**'], ['drafts/**'], ['Upper.TXT', 'a.txt', 'national/2014.txt', 'national/sub/z.txt']],
    [['**'], ['drafts'], ['Upper.TXT', 'a.txt', 'national/2014.txt', 'national/sub/z.txt']], // an ignored folder takes its contents along
    [['*.txt'], [], ['a.txt']], // whole-path match, case-sensitive: not Upper.TXT, not national/2014.txt
    [['**/*.pdf'], [], ['drafts/deep/y.pdf']],
    [['national/*'], [], ['national/2014.txt']],
    [['{a,Upper}.*'], [], ['Upper.TXT', 'a.txt']],
    [['national'], [], []], // a folder is not a file: `national/**` selects its documents
  ])('%j minus %j', (include, exclude, expected) => {
    expect(matched(include, exclude)).toEqual([...expected].sort());
  });

  it('never opens a folder the patterns cannot reach (so a problem in it stays out of the run)', () => {
    const { opened } = matchCorpusPaths(paths, ['national/**'], [], ['locked']);
    expect([...opened].sort()).toEqual(['national', 'national/sub']);
    expect(matchCorpusPaths(paths, ['**'], [], ['locked']).opened.has('locked')).toBe(true);
    expect(matchCorpusPaths(paths, ['**'], ['locked/**'], ['locked']).opened.has('locked')).toBe(false);
  });
});

describe('selectCorpusFiles', () => {
  const file = (relPath: string) => ({ relPath, absolute: `/c/${relPath}` });
  const walked = {
    files: ['a.txt', 'drafts/d.txt', 'national/n.txt', 'national/old/o.txt'].map(file),
    problems: [
      { relPath: 'drafts/broken.txt', kind: 'broken-link', isFolder: false, reason: 'a symbolic link whose target does not exist' },
      { relPath: 'locked', kind: 'unreadable-folder', isFolder: true, reason: 'permission denied' },
    ] as WalkProblem[],
  };

  it('without patterns, keeps everything', () => {
    expect(selectCorpusFiles(walked, selection([], []), 'corpus.yaml')).toEqual({ ...walked, excluded: [], diagnostics: [] });
  });

  it('excludes with the pattern named in the reason; problems in excluded places go with them', () => {
    const selected = selectCorpusFiles(walked, selection([], [...yaml(3, 'drafts/**'), ...cli('locked/**')]), 'corpus/corpus.yaml');
    expect(selected.files.map((f) => f.relPath)).toEqual(['a.txt', 'national/n.txt', 'national/old/o.txt']);
    expect(selected.problems).toEqual([]);
    expect(selected.excluded).toEqual([
      { relPath: 'drafts/d.txt', reason: 'excluded by the pattern `drafts/**` (corpus.yaml line 3)' },
      { relPath: 'drafts/broken.txt', reason: 'excluded by the pattern `drafts/**` (corpus.yaml line 3)' },
    ]);
    // locked/** excludes no file, but it does keep the unreadable folder out of the run: still "matches nothing".
    expect(selected.diagnostics.map((d) => [d.rule, d.message])).toEqual([
      ['corpus/pattern-matches-nothing', 'The exclude pattern `locked/**` (--exclude) matches no document of the corpus.'],
    ]);
  });

  it('narrows with every include list (corpus.yaml and the command line): a file must match both', () => {
    const selected = selectCorpusFiles(walked, selection([yaml(2, 'national/**', 'a.txt'), cli('national/**')], cli('**/old/**')), 'corpus.yaml');
    expect(selected.files.map((f) => f.relPath)).toEqual(['national/n.txt']);
    expect(selected.excluded.map((e) => [e.relPath, e.reason])).toEqual([
      ['a.txt', 'matches none of the include patterns (--include)'],
      ['drafts/d.txt', 'matches none of the include patterns (corpus.yaml line 2)'],
      ['national/old/o.txt', 'excluded by the pattern `**/old/**` (--exclude)'],
      ['drafts/broken.txt', 'matches none of the include patterns (corpus.yaml line 2)'],
    ]);
    expect(selected.problems).toEqual([]); // `locked` is not searched under national/**
    expect(selected.diagnostics).toEqual([]);
  });

  it('warns about a pattern that matches nothing, at its corpus.yaml line, with the folder hint', () => {
    const [warning] = selectCorpusFiles(walked, selection([yaml(7, 'national')], []), 'corpus/corpus.yaml').diagnostics;
    expect(warning).toMatchObject({ severity: 'warning', rule: 'corpus/pattern-matches-nothing', file: 'corpus/corpus.yaml', line: 7, column: 5 });
    expect(warning!.hint).toContain('write `national/**`');
  });

  it('reads a file through its link when its real path is excluded', () => {
    const linked = {
      files: [file('drafts/real.txt')],
      problems: [
        {
          relPath: 'final/a.txt',
          kind: 'same-file',
          isFolder: false,
          firstSeen: 'drafts/real.txt',
          absolute: '/c/final/a.txt',
          reason: 'is the same file as drafts/real.txt',
        },
        {
          relPath: 'final/b.txt',
          kind: 'same-file',
          isFolder: false,
          firstSeen: 'drafts/real.txt',
          absolute: '/c/final/b.txt',
          reason: 'is the same file as drafts/real.txt',
        },
      ] as WalkProblem[],
    };
    const selected = selectCorpusFiles(linked, selection([], cli('drafts/**')), 'corpus.yaml');
    expect(selected.files).toEqual([{ relPath: 'final/a.txt', absolute: '/c/final/a.txt' }]);
    expect(selected.problems.map((p) => [p.relPath, p.firstSeen])).toEqual([['final/b.txt', 'final/a.txt']]);
  });
});

describe('discoverSources with patterns, on the link-loop tree', () => {
  let corpus: string;
  beforeAll(async () => {
    corpus = await mkdtemp(path.join(tmpdir(), 'ingest-select-'));
    await writeFile(path.join(corpus, 'a.txt'), 'a');
    await mkdir(path.join(corpus, 'sub'));
    await mkdir(path.join(corpus, 'drafts'));
    await writeFile(path.join(corpus, 'sub/b.txt'), 'b');
    await writeFile(path.join(corpus, 'drafts/c.txt'), 'c');
    await writeFile(path.join(corpus, 'drafts/old.doc'), 'an old format, excluded: no warning');
    await symlink('..', path.join(corpus, 'sub/up')); // loop back to the corpus folder
    await symlink('nowhere.txt', path.join(corpus, 'drafts/dangling.txt'));
  });
  afterAll(async () => {
    await rm(corpus, { recursive: true, force: true });
  });

  it('ends the walk, selects, and lists excluded documents as excluded', async () => {
    const started = performance.now();
    const { sources, failed, excluded, diagnostics } = await discoverSources(corpus, { selection: selection([], cli('drafts/**')) });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(sources.map((s) => s.relPath)).toEqual(['a.txt', 'sub/b.txt']);
    expect(failed).toEqual([]);
    expect(excluded).toEqual([
      { relPath: 'drafts/c.txt', format: 'txt', bytes: 0, sha256: '', status: 'excluded', reason: 'excluded by the pattern `drafts/**` (--exclude)' },
      { relPath: 'drafts/dangling.txt', format: 'txt', bytes: 0, sha256: '', status: 'excluded', reason: 'excluded by the pattern `drafts/**` (--exclude)' },
    ]);
    expect(diagnostics.map((d) => d.rule)).toEqual(['ingest/link-loop']);
  });

  it('says when the patterns leave no document', async () => {
    const { diagnostics } = await discoverSources(corpus, { selection: selection([cli('*.pdf')], []) });
    expect(diagnostics.map((d) => d.rule)).toEqual(['corpus/pattern-matches-nothing', 'ingest/no-documents']);
    expect(diagnostics[1]!.message).toBe("The include/exclude patterns leave none of the corpus folder's 4 documents.");
  });
});
