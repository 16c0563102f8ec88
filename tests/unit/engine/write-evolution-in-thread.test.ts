import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeEvolutionInThread } from '../../../src/engine/write-evolution-in-thread.ts';
import type { Codebook, DocumentResult } from '../../../src/types.ts';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

const codebook = { name: 'c', sha256: 'x', themes: [{ id: 'tech', codes: [{ id: 'data' }] }] } as unknown as Codebook;
const document: DocumentResult = {
  meta: { id: 'a', title: 'A', year: 2012, series: 's' },
  source: { path: '/a.txt', relPath: 'a.txt', format: 'txt', bytes: 1, sha256: 'x' },
  words: 100,
  cjkCharacters: 0,
  pages: 0,
  codes: [
    {
      theme: 'tech',
      code: 'data',
      count: 2,
      terms: [
        { term: 'data', count: 2 },
        { term: 'big data', count: 0 },
      ],
    },
  ],
};

async function outDir(): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), 'policycoder-evolution-thread-'));
  folders.push(parent);
  return path.join(parent, 'out');
}

describe('writeEvolutionInThread', () => {
  it('writes the three evolution reports into a folder of its own beside the output folder', async () => {
    const out = await outDir();
    const written = await writeEvolutionInThread({ outDir: out, results: [document], themeOrder: ['tech'], topTerms: 3, codebook, alpha: 0.05 });
    const folder = await written.finished;
    expect(path.dirname(folder)).toBe(path.dirname(out));
    expect((await readdir(folder)).sort()).toEqual(['evolution.csv', 'evolution.json', 'evolution.md']);
  });

  it("an error in the thread carries the thread's stack, and cancel removes its folder", async () => {
    const out = await outDir();
    // No themes to map: rendering evolution.md throws inside the worker.
    const broken = { ...codebook, themes: null } as unknown as Codebook;
    const written = await writeEvolutionInThread({ outDir: out, results: [document], themeOrder: ['tech'], topTerms: 3, codebook: broken, alpha: 0.05 });
    const error = await written.finished.then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error?.stack).toMatch(/to-evolution-markdown/);
    await written.cancel();
    expect(await readdir(path.dirname(out))).toEqual([]);
  });

  it('when the thread cannot be started (data that cannot be copied), removes its folder and throws', async () => {
    const out = await outDir();
    const uncopyable = { ...document, meta: { ...document.meta, title: (() => 'A') as unknown as string } };
    await expect(writeEvolutionInThread({ outDir: out, results: [uncopyable], themeOrder: ['tech'], topTerms: 3, codebook, alpha: 0.05 })).rejects.toThrow(
      /could not be cloned/,
    );
    expect(await readdir(path.dirname(out))).toEqual([]);
  });
});
