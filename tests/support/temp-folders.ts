import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Temporary folders named with `prefix`, all removed by `removeAll` (call it in afterAll). */
export function tempFolders(prefix: string): { tempFolder: () => Promise<string>; removeAll: () => Promise<void> } {
  const folders: string[] = [];
  return {
    tempFolder: async () => {
      const folder = await mkdtemp(path.join(tmpdir(), prefix));
      folders.push(folder);
      return folder;
    },
    removeAll: async () => {
      await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
    },
  };
}

/** The rows of a CSV whose cells hold no comma, quote or line break (the columns a test reads), keyed by header. */
export function readPlainCsv(text: string): Array<Record<string, string>> {
  const [head, ...lines] = text.trim().split('\n');
  const names = head!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i]!, cell])));
}
