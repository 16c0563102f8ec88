import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Diagnostic } from '../../types.ts';

/**
 * Writes a converted codebook's text to `path`, creating its folder. Refuses to replace an
 * existing file unless `force` (`codebook/output-exists`); writes to a temporary file first so a
 * failed write never leaves half a codebook. Returns diagnostics instead of throwing.
 */
export async function writeCodebookFile(path: string, text: string, force: boolean): Promise<Diagnostic[]> {
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (exists && !force) {
    return [
      {
        severity: 'error',
        rule: 'codebook/output-exists',
        message: `${path} already exists; it was not overwritten.`,
        file: path,
        hint: 'Choose another output path, or pass --force to replace the file.',
      },
    ];
  }
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
    return [];
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const code = (error as { code?: unknown } | null)?.code;
    return [
      {
        severity: 'error',
        rule: 'codebook/unwritable',
        message: `Cannot write ${path} (${typeof code === 'string' ? code : String(error)}).`,
        file: path,
        hint: 'Check that the folder is writable and the path is not a folder.',
      },
    ];
  }
}
