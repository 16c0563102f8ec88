import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RELATIVE = 'codebooks/smart-city.yaml';

/**
 * The codebook used when --codebook is not given: `codebooks/smart-city.yaml` in the working
 * folder when there is one (a project of your own), else the one shipped with policycoder, so an
 * installed `policycoder` works from any folder.
 */
export function defaultCodebookPath(): string {
  if (existsSync(RELATIVE)) return RELATIVE;
  const root = packageRoot(path.dirname(fileURLToPath(import.meta.url)));
  return root ? path.join(root, RELATIVE) : RELATIVE;
}

/** The nearest folder above `start` whose package.json names policycoder (works from src/ and from a bundle). */
function packageRoot(start: string): string | undefined {
  for (let folder = start; ; folder = path.dirname(folder)) {
    try {
      if ((JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown }).name === 'policycoder') return folder;
    } catch {
      // no package.json here: keep going up
    }
    if (path.dirname(folder) === folder) return undefined;
  }
}

/** The --codebook option: no parse-time default, so a missing value means "the default codebook". */
export const CODEBOOK_OPTION = { type: 'string' } as const;

export function codebookFrom(value: unknown): string {
  return typeof value === 'string' ? value : defaultCodebookPath();
}
