import path from 'node:path';

/**
 * The path to show in a diagnostic: relative to the working directory when the file lies
 * inside it, otherwise absolute; always with `/` separators so messages read the same everywhere.
 */
export function toDisplayPath(filePath: string): string {
  const absolute = path.resolve(filePath);
  const relative = path.relative(path.resolve('.'), absolute);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}
