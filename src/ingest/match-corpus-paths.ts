import fastGlob from 'fast-glob';

/** Where the virtual tree sits for fast-glob; nothing is ever read there. */
const ROOT = '/policycoder-corpus';

export interface PathMatch {
  /** The paths that match, relative, `/` separators. */
  matched: Set<string>;
  /** The folders fast-glob opened to look for matches ('' is the corpus folder itself). */
  opened: Set<string>;
}

/**
 * Matches glob patterns (fast-glob's syntax: `**`, `*`, `?`, `{a,b}`, `[abc]`, `!(x)`) against
 * relative paths the corpus walk found. fast-glob is given a file-system adapter that lists only
 * those paths, so it never touches the disk: the walk (`walkCorpus`, node:fs) keeps searching each
 * real folder once, which ends link loops that fast-glob's own walk would follow forever, and
 * fast-glob does the matching. `folders` adds folders with nothing listed in them (e.g. ones that
 * could not be read), so the caller learns through `opened` whether the patterns would look there.
 * Patterns are case-sensitive and match the whole relative path (`*.pdf` only at the top; `**\/*.pdf` at any depth).
 */
export function matchCorpusPaths(
  paths: readonly string[],
  include: readonly string[],
  exclude: readonly string[] = [],
  folders: readonly string[] = [],
): PathMatch {
  const tree = toTree(paths, folders);
  const opened = new Set<string>();
  const matched = fastGlob.sync([...include], {
    cwd: ROOT,
    ignore: [...exclude],
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    extglob: false,
    caseSensitiveMatch: true,
    unique: true,
    fs: virtualFileSystem(tree, opened),
  });
  return { matched: new Set(matched), opened };
}

type Tree = Map<string, Map<string, 'file' | 'folder'>>;

function toTree(paths: readonly string[], folders: readonly string[]): Tree {
  const tree: Tree = new Map([['', new Map()]]);
  const add = (relPath: string, kind: 'file' | 'folder') => {
    const parts = relPath.split('/');
    let folder = '';
    parts.forEach((name, index) => {
      const last = index === parts.length - 1;
      tree.get(folder)!.set(name, last ? kind : 'folder');
      folder = folder === '' ? name : `${folder}/${name}`;
      if ((!last || kind === 'folder') && !tree.has(folder)) tree.set(folder, new Map());
    });
  };
  for (const folder of folders) add(folder, 'folder');
  for (const relPath of paths) add(relPath, 'file');
  return tree;
}

/** The part of fast-glob's path below ROOT ('' for ROOT itself), or undefined for a path elsewhere. */
function relativeOf(fullPath: string): string | undefined {
  const slashed = String(fullPath).replaceAll('\\', '/');
  const at = slashed.indexOf(ROOT);
  if (at === -1) return undefined;
  return slashed.slice(at + ROOT.length).replace(/^\/+|\/+$/g, '');
}

function virtualFileSystem(tree: Tree, opened: Set<string>) {
  const missing = (fullPath: string) => Object.assign(new Error(`ENOENT: no such file or directory, '${fullPath}'`), { code: 'ENOENT' });
  const kindOf = (fullPath: string): 'file' | 'folder' | undefined => {
    const relPath = relativeOf(fullPath);
    if (relPath === undefined) return undefined;
    if (tree.has(relPath)) return 'folder';
    const slash = relPath.lastIndexOf('/');
    return tree.get(slash === -1 ? '' : relPath.slice(0, slash))?.get(relPath.slice(slash + 1));
  };
  const statOf = (fullPath: string) => {
    const kind = kindOf(fullPath);
    if (kind === undefined) throw missing(fullPath);
    return stats(kind);
  };
  const readdirOf = (fullPath: string) => {
    const relPath = relativeOf(fullPath);
    const children = relPath === undefined ? undefined : tree.get(relPath);
    if (relPath === undefined || children === undefined) throw missing(fullPath);
    opened.add(relPath);
    return [...children].map(([name, kind]) => Object.assign(Object.create(stats(kind)) as object, { name }));
  };
  const callback =
    <T>(work: (fullPath: string) => T) =>
    (fullPath: string, ...rest: unknown[]) => {
      const done = rest[rest.length - 1] as (error: Error | null, value?: T) => void;
      try {
        done(null, work(fullPath));
      } catch (error) {
        done(error as Error);
      }
    };
  return {
    statSync: statOf,
    lstatSync: statOf,
    readdirSync: readdirOf,
    stat: callback(statOf),
    lstat: callback(statOf),
    readdir: callback(readdirOf),
  } as unknown as fastGlob.FileSystemAdapter;
}

const no = () => false;
const FILE = { isFile: () => true, isDirectory: no, isSymbolicLink: no, isBlockDevice: no, isCharacterDevice: no, isFIFO: no, isSocket: no };
const FOLDER = { ...FILE, isFile: no, isDirectory: () => true };

/** What fast-glob asks of a stat result or a directory entry. */
function stats(kind: 'file' | 'folder') {
  return kind === 'file' ? FILE : FOLDER;
}
