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

type Fs = typeof import('node:fs');

/** node:fs with `readFileSync` failing (EACCES) for any file named `locked.txt`, as `withLockedFile` does for node:fs/promises (documents are read synchronously). */
export function withLockedFileSync(original: Fs): Fs {
  return {
    ...original,
    readFileSync: ((file: Parameters<Fs['readFileSync']>[0], ...rest: unknown[]) => {
      if (String(file).endsWith('locked.txt')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (original.readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
    }) as Fs['readFileSync'],
  };
}
