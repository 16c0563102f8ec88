import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Counts realpath calls: resolving every folder again re-walks all its ancestors (O(depth²) work).
const realpathCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    realpath: (...args: Parameters<typeof actual.realpath>) => {
      realpathCalls.count++;
      return actual.realpath(...args);
    },
  };
});

const { walkCorpus } = await import('../../../src/ingest/walk-corpus.ts');

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describe('walkCorpus on deep trees', () => {
  it('resolves real paths once per link, not once per folder level (was superlinear in depth)', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'policycoder-walk-depth-'));
    folders.push(root);
    const leaf = path.join(root, ...Array<string>(60).fill('a'));
    await mkdir(leaf, { recursive: true });
    await writeFile(path.join(leaf, 'x.txt'), 'Written for this test.\n');
    await symlink(path.join(root, 'a', 'a'), path.join(root, 'up'));
    realpathCalls.count = 0;
    const { files, problems } = await walkCorpus(root, { keep: (name) => name.endsWith('.txt') });
    expect(files.map((file) => file.relPath)).toEqual([`${Array<string>(60).fill('a').join('/')}/x.txt`]);
    // The link leads to a folder already searched: reported, not walked again.
    expect(problems.map((problem) => [problem.relPath, problem.kind, problem.firstSeen])).toEqual([['up', 'link-loop', 'a/a']]);
    // One for the root, one for the link: none per level.
    expect(realpathCalls.count).toBe(2);
  });
});
