type FsPromises = typeof import('node:fs/promises');

/**
 * node:fs/promises with `readFile` failing (EACCES) for any file named `locked.txt`: running as
 * root, chmod cannot make a file unreadable. For `vi.mock('node:fs/promises', ...)` factories.
 */
export function withLockedFile(original: FsPromises): FsPromises {
  return {
    ...original,
    readFile: ((file: Parameters<FsPromises['readFile']>[0], ...rest: unknown[]) => {
      if (String(file).endsWith('locked.txt')) {
        return Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
      }
      return (original.readFile as (...args: unknown[]) => Promise<unknown>)(file, ...rest);
    }) as FsPromises['readFile'],
  };
}
