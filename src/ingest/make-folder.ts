import { mkdir } from 'node:fs/promises';
import path from 'node:path';

type MakeDirectory = (folder: string, options?: { recursive?: boolean }) => Promise<unknown>;

/**
 * `mkdir -p` that fails with the real reason. Node's recursive mkdir reports ENOENT ("no such
 * file or folder") when the file system is read-only (EROFS); on ENOENT this makes the folders
 * one level at a time, so the level that cannot be made throws its own error.
 */
export async function makeFolder(folder: string, make: MakeDirectory = mkdir): Promise<void> {
  try {
    await make(folder, { recursive: true });
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
    await makeEachLevel(path.resolve(folder), make);
  }
}

async function makeEachLevel(folder: string, make: MakeDirectory): Promise<void> {
  try {
    await make(folder);
    return;
  } catch (error) {
    const parent = path.dirname(folder);
    if (codeOf(error) === 'EEXIST') return;
    if (codeOf(error) !== 'ENOENT' || parent === folder) throw error;
    await makeEachLevel(parent, make);
  }
  try {
    await make(folder);
  } catch (error) {
    if (codeOf(error) !== 'EEXIST') throw error;
  }
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}
