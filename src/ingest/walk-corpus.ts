import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { describeFsError } from './describe-fs-error.ts';

export interface WalkedFile {
  /** Relative to the corpus folder, `/` separators. */
  relPath: string;
  absolute: string;
}

export interface WalkProblem {
  relPath: string;
  kind: 'broken-link' | 'link-loop' | 'same-file' | 'unreadable-folder';
  /** For `link-loop` and `same-file`: the path already searched or listed. */
  firstSeen?: string;
  reason: string;
}

/**
 * Every file under `root` that `keep(name)` accepts, sorted by relative path, skipping dot-files
 * and dot-folders. Symbolic links are followed once the real tree has been walked, and each real
 * folder is searched once and each real file listed once, so a link loop (`sub/up -> ..`) ends
 * the walk instead of repeating the tree, and a document reached both directly and through a
 * link keeps its real path: the other sighting comes back as a problem. A link whose target
 * is missing or itself (`x.txt -> x.txt`) and a folder that cannot be listed are problems too.
 */
export async function walkCorpus(root: string, keep: (name: string) => boolean): Promise<{ files: WalkedFile[]; problems: WalkProblem[] }> {
  const files: WalkedFile[] = [];
  const problems: WalkProblem[] = [];
  const folders = new Map<string, string>();
  const realFiles = new Map<string, string>();
  folders.set(await realpath(root).catch(() => path.resolve(root)), '.');

  /** Symbolic links are followed after the real tree is walked, so real paths win over link paths. */
  const links: Array<{ absolute: string; relPath: string; name: string }> = [];

  async function visit(folder: string, relFolder: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({ relPath: `${relFolder}/`, kind: 'unreadable-folder', reason: describeFsError(error) });
      return;
    }
    entries.sort((a, b) => compareCodeUnits(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const absolute = path.join(folder, entry.name);
      const relPath = relFolder === '.' ? entry.name : `${relFolder}/${entry.name}`;
      if (entry.isSymbolicLink()) links.push({ absolute, relPath, name: entry.name });
      else if (entry.isDirectory()) await enterFolder(absolute, relPath);
      else if (entry.isFile() && keep(entry.name)) await addFile(absolute, relPath);
    }
  }

  async function enterFolder(absolute: string, relPath: string): Promise<void> {
    const real = await realpath(absolute).catch(() => absolute);
    const firstSeen = folders.get(real);
    if (firstSeen !== undefined) {
      problems.push({ relPath, kind: 'link-loop', firstSeen, reason: `links to a folder already searched (${firstSeen})` });
      return;
    }
    folders.set(real, relPath);
    await visit(absolute, relPath);
  }

  async function addFile(absolute: string, relPath: string): Promise<void> {
    const real = await realpath(absolute).catch(() => absolute);
    const firstSeen = realFiles.get(real);
    if (firstSeen !== undefined) {
      problems.push({ relPath, kind: 'same-file', firstSeen, reason: `is the same file as ${firstSeen} (through a symbolic link)` });
      return;
    }
    realFiles.set(real, relPath);
    files.push({ relPath, absolute });
  }

  await visit(path.resolve(root), '.');
  while (links.length > 0) {
    links.sort((a, b) => compareCodeUnits(a.relPath, b.relPath));
    const link = links.shift()!;
    let target: Stats;
    try {
      target = await stat(link.absolute);
    } catch (error) {
      if (keep(link.name)) problems.push({ relPath: link.relPath, kind: 'broken-link', reason: brokenLink(error) });
      continue;
    }
    if (target.isDirectory()) await enterFolder(link.absolute, link.relPath);
    else if (target.isFile() && keep(link.name)) await addFile(link.absolute, link.relPath);
  }
  files.sort((a, b) => compareCodeUnits(a.relPath, b.relPath));
  return { files, problems };
}

function brokenLink(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ELOOP') return 'a symbolic link that leads back to itself (a link loop)';
  if (code === 'ENOENT') return 'a symbolic link whose target does not exist';
  return `a symbolic link that cannot be followed: ${describeFsError(error)}`;
}
