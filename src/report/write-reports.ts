import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes each report into `outDir` (created if needed), atomically: the text goes to
 * `name.tmp-<pid>`, which is then renamed over `name`, so a reader never sees half a file.
 * Returns the written names sorted. Names must be plain file names: a name that is empty,
 * `.` or contains `/`, `\`, `..` or NUL is a bug in the caller and throws before anything
 * is written, so nothing can land outside `outDir`.
 */
export async function writeReports(outDir: string, files: Record<string, string>): Promise<string[]> {
  const names = Object.keys(files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) assertReportName(name);
  await mkdir(outDir, { recursive: true });
  for (const name of names) {
    const target = path.join(outDir, name);
    const temporary = `${target}.tmp-${process.pid}`;
    // Remove any leftover first so `wx` never follows a stale file or link.
    await rm(temporary, { force: true });
    try {
      await writeFile(temporary, files[name] ?? '', { encoding: 'utf8', flag: 'wx' });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
  return names;
}

/** Throws when `name` is not a plain file name that stays inside the output folder. */
export function assertReportName(name: string): void {
  if (name === '' || name === '.' || /[/\\\0]/.test(name) || name.includes('..')) {
    throw new Error(`writeReports: refusing file name ${JSON.stringify(name)}: must be a plain file name inside the output folder`);
  }
}
