import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { describeFsError } from './describe-fs-error.ts';

export interface WalkedFile {
  /** Relative to the corpus folder, `/` separators. */
  relPath: string;
  absolute: string;
  /** Its name or a folder's on its path starts with a dot (`.2020-plan.txt`, `.drafts/x.txt`). */
  hidden?: true;
}

export type WalkProblemKind = 'broken-link' | 'link-loop' | 'same-file' | 'unreadable-folder' | 'special-file' | 'bad-name' | 'outside-link';

export interface WalkProblem {
  /** For a folder (`isFolder`), the folder's path without a trailing slash. Names that are not UTF-8 show their bad bytes as `\xFF`. */
  relPath: string;
  kind: WalkProblemKind;
  /** True when the problem is with a folder (its documents were not searched), not with one file. */
  isFolder: boolean;
  /** For `link-loop` and `same-file`: the path already searched or listed. */
  firstSeen?: string;
  /** For `same-file`: the path to read, should this sighting be the one selected. */
  absolute?: string;
  reason: string;
}

export interface WalkOptions {
  /** Whether a file name is a document to list (by its name; folders are always searched). */
  keep: (name: string) => boolean;
  /** Follow symbolic links whose target lies outside the corpus folder (default: refuse them). */
  allowOutsideLinks?: boolean;
}

/**
 * Every file under `root` that `keep(name)` accepts, sorted by relative path. Dot-files and the
 * regular files in dot-folders are listed with `hidden` (the caller decides); in a dot-folder links,
 * special files and bad names are passed over (`.git` holds no documents). Symbolic links are followed once the real tree has been walked, and each real
 * folder is searched once and each real file listed once, so a link loop (`sub/up -> ..`) ends
 * the walk instead of repeating the tree, and a document reached both directly and through a
 * link keeps its real path: the other sighting comes back as a problem. Problems too: a link whose
 * target is missing or itself (`x.txt -> x.txt`), a link that leads outside the corpus folder
 * (unless `allowOutsideLinks`; the same rule as corpus.yaml paths), a folder that cannot be listed,
 * a FIFO, socket or device under a document name (never opened: reading a FIFO blocks), and a name
 * that is not valid UTF-8 (it cannot be opened through a string path).
 */
export async function walkCorpus(root: string, options: WalkOptions): Promise<{ files: WalkedFile[]; problems: WalkProblem[] }> {
  const { keep } = options;
  const files: WalkedFile[] = [];
  const problems: WalkProblem[] = [];
  const folders = new Map<string, string>();
  const realFiles = new Map<string, string>();
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  folders.set(realRoot, '.');

  /** Symbolic links are followed after the real tree is walked, so real paths win over link paths. */
  const links: Array<{ absolute: string; relPath: string; name: string }> = [];

  /** `realFolder` is the folder's real path, so an entry that is no link is at `realFolder/name` (no realpath per level: that re-resolves every ancestor, O(depth²)). */
  async function visit(folder: string, relFolder: string, realFolder: string, hidden = false): Promise<void> {
    let entries: Dirent<Buffer>[];
    try {
      entries = await readdir(folder, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      problems.push({ relPath: relFolder, kind: 'unreadable-folder', isFolder: true, reason: describeFsError(error) });
      return;
    }
    const named = entries.map((entry) => ({ entry, name: decodeName(entry.name) }));
    named.sort((a, b) => compareCodeUnits(a.name.text, b.name.text));
    for (const { entry, name } of named) {
      const relPath = relFolder === '.' ? name.text : `${relFolder}/${name.text}`;
      if (hidden || name.text.startsWith('.')) {
        await visitHidden(entry, name, folder, relPath, realFolder);
        continue;
      }
      if (!name.valid) {
        if (entry.isDirectory() || keep(name.text)) problems.push(badName(relPath, entry.isDirectory()));
        continue;
      }
      const absolute = path.join(folder, name.text);
      if (entry.isSymbolicLink()) links.push({ absolute, relPath, name: name.text });
      else if (entry.isDirectory()) await enterFolder(absolute, relPath, path.join(realFolder, name.text));
      else if (!keep(name.text)) continue;
      else if (entry.isFile()) await addFile(absolute, relPath, path.join(realFolder, name.text));
      else problems.push(specialFile(relPath, entry));
    }
  }

  /** A dot-file, a dot-folder or an entry inside one: only real folders and regular files count. */
  async function visitHidden(
    entry: Dirent<Buffer>,
    name: { text: string; valid: boolean },
    folder: string,
    relPath: string,
    realFolder: string,
  ): Promise<void> {
    if (!name.valid) return;
    const absolute = path.join(folder, name.text);
    if (entry.isDirectory()) await visit(absolute, relPath, path.join(realFolder, name.text), true);
    else if (entry.isFile() && keep(name.text)) files.push({ relPath, absolute, hidden: true });
  }

  async function enterFolder(absolute: string, relPath: string, real: string): Promise<void> {
    const firstSeen = folders.get(real);
    if (firstSeen !== undefined) {
      problems.push({ relPath, kind: 'link-loop', isFolder: true, firstSeen, reason: `links to a folder already searched (${firstSeen})` });
      return;
    }
    folders.set(real, relPath);
    await visit(absolute, relPath, real);
  }

  async function addFile(absolute: string, relPath: string, real: string): Promise<void> {
    const firstSeen = realFiles.get(real);
    if (firstSeen !== undefined) {
      problems.push({ relPath, kind: 'same-file', isFolder: false, firstSeen, absolute, reason: `is the same file as ${firstSeen} (through a symbolic link)` });
      return;
    }
    realFiles.set(real, relPath);
    files.push({ relPath, absolute });
  }

  async function followLink(link: { absolute: string; relPath: string; name: string }): Promise<void> {
    let target: Stats;
    let real: string;
    try {
      target = await stat(link.absolute);
      real = await realpath(link.absolute);
    } catch (error) {
      if (keep(link.name)) problems.push({ relPath: link.relPath, kind: 'broken-link', isFolder: false, reason: brokenLink(error) });
      return;
    }
    const isFolder = target.isDirectory();
    if (!isFolder && !keep(link.name)) return;
    if (!options.allowOutsideLinks && !isInside(realRoot, real)) {
      problems.push({ relPath: link.relPath, kind: 'outside-link', isFolder, reason: `a symbolic link that leads outside the corpus folder (to ${real})` });
    } else if (isFolder) await enterFolder(link.absolute, link.relPath, real);
    else if (target.isFile()) await addFile(link.absolute, link.relPath, real);
    else problems.push(specialFile(link.relPath, target, real));
  }

  await visit(path.resolve(root), '.', realRoot);
  while (links.length > 0) {
    links.sort((a, b) => compareCodeUnits(a.relPath, b.relPath));
    await followLink(links.shift()!);
  }
  files.sort((a, b) => compareCodeUnits(a.relPath, b.relPath));
  return { files, problems };
}

/** True when `real` is `root` or lies below it (both real paths). */
function isInside(root: string, real: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function brokenLink(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ELOOP') return 'a symbolic link that leads back to itself (a link loop)';
  if (code === 'ENOENT') return 'a symbolic link whose target does not exist';
  return `a symbolic link that cannot be followed: ${describeFsError(error)}`;
}

type FileKind = Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;

/** A FIFO, socket or device: never opened (a FIFO would block the read until something writes to it). */
function specialFile(relPath: string, kind: FileKind, target?: string): WalkProblem {
  const what = kind.isFIFO()
    ? 'a named pipe (FIFO)'
    : kind.isSocket()
      ? 'a socket'
      : kind.isCharacterDevice()
        ? 'a character device'
        : kind.isBlockDevice()
          ? 'a block device'
          : 'not a regular file';
  const via = target === undefined ? '' : ` (a symbolic link to ${target})`;
  return { relPath, kind: 'special-file', isFolder: false, reason: `${what}${via}, not a regular file; it was not opened` };
}

function badName(relPath: string, isFolder: boolean): WalkProblem {
  return {
    relPath,
    kind: 'bad-name',
    isFolder,
    reason: `a ${isFolder ? 'folder' : 'file'} name that is not valid UTF-8 (bytes shown as \\xNN), so it cannot be opened by name`,
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A name as text, and whether its bytes are valid UTF-8; invalid bytes are written `\xFF`. */
export function decodeName(bytes: Buffer): { text: string; valid: boolean } {
  try {
    return { text: utf8.decode(bytes), valid: true };
  } catch {
    return { text: escapeInvalidBytes(bytes), valid: false };
  }
}

/** Valid UTF-8 sequences decoded, every other byte as `\xNN`. */
function escapeInvalidBytes(bytes: Buffer): string {
  let text = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length > 0 && i + length <= bytes.length) {
      try {
        text += utf8.decode(bytes.subarray(i, i + length));
        i += length;
        continue;
      } catch {
        // not a whole character: escape the lead byte and go on
      }
    }
    text += `\\x${lead.toString(16).toUpperCase().padStart(2, '0')}`;
    i++;
  }
  return text;
}
