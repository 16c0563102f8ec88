import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * The bytes of `file` if it is a regular file (links followed), else what it is (`a FIFO (named
 * pipe)`, `a device`, ...). It is opened without blocking and checked on the open handle, so a FIFO
 * never blocks the run and `/dev/zero` is never read. File-system errors (ENOENT, EISDIR, EACCES)
 * are thrown as by readFile.
 */
export async function readRegularFile(file: string): Promise<{ bytes: Buffer } | { notAFile: string }> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${file}'`), { code: 'EISDIR' });
    if (!stats.isFile()) return { notAFile: describeFileKind(stats) };
    return { bytes: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

export function describeFileKind(stats: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}
