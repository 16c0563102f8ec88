import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../types.ts';

/**
 * Writes a sheet a person will fill in. An existing file is never replaced without `force`: it may
 * hold hours of judgements. Written to a temporary file beside it and renamed, so a crash leaves
 * either the old file or the new one. Returns a diagnostic when it could not write.
 */
export async function writeSheetFile(file: string, text: string, force: boolean): Promise<Diagnostic | undefined> {
  const exists = await stat(file).then(
    (found) => found,
    () => undefined,
  );
  if (exists?.isDirectory()) return problem(file, 'is a folder', 'Give a file name such as review-sheet.csv.');
  if (exists && !force) return problem(file, 'already exists', 'Give another file name, or pass --force to replace it (judgements in it would be lost).');
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.policycoder-tmp-${process.pid}`);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, file);
    return undefined;
  } catch (error) {
    await rm(temporary, { force: true });
    return problem(
      file,
      `cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'Check that the folder exists and is writable.',
    );
  }
}

function problem(file: string, what: string, hint: string): Diagnostic {
  return { severity: 'error', rule: 'sample/unwritable', message: `The sheet ${what}; nothing was written.`, file, hint };
}
