import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFolder } from '../../../src/ingest/make-folder.ts';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

const fsError = (code: string) => Object.assign(new Error(code), { code });

/**
 * mkdir as Node 20 behaves on a read-only file system mounted at /ro (checked by hand with a
 * read-only tmpfs): the recursive call says ENOENT, a plain mkdir of /ro/cache says EROFS.
 */
function readOnlyMkdir(existing: Set<string>) {
  return async (folder: string, options?: { recursive?: boolean }) => {
    if (existing.has(folder)) {
      if (options?.recursive) return undefined;
      throw fsError('EEXIST');
    }
    if (options?.recursive) throw fsError('ENOENT');
    if (!existing.has(path.dirname(folder))) throw fsError('ENOENT');
    if (folder.startsWith('/ro/')) throw fsError('EROFS');
    existing.add(folder);
    return undefined;
  };
}

describe('makeFolder', () => {
  it('reports EROFS, not the ENOENT of the recursive mkdir, on a read-only file system', async () => {
    await expect(makeFolder('/ro/cache/ab/cd', readOnlyMkdir(new Set(['/', '/ro'])))).rejects.toMatchObject({ code: 'EROFS' });
  });

  it('passes other errors through unchanged', async () => {
    const denied = async () => {
      throw fsError('EACCES');
    };
    await expect(makeFolder('/x/y', denied)).rejects.toMatchObject({ code: 'EACCES' });
  });

  it('makes nested folders, and is content when they exist', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'policycoder-make-folder-'));
    folders.push(work);
    const deep = path.join(work, 'a', 'b', 'c');
    await makeFolder(deep);
    await makeFolder(deep);
    expect((await stat(deep)).isDirectory()).toBe(true);
  });
});
