import type { Diagnostic } from '../types.ts';

/**
 * A problem with the output folder, not a bug in policycoder: a full disk, no permission, a file
 * there that policycoder did not write, another run moving its reports in. Carries the diagnostic
 * to show; the previous reports are still whole when it is thrown.
 */
export class OutputFolderError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'OutputFolderError';
  }
}

/** Error codes of a file system that cannot take the reports (as opposed to a bug). */
const REASONS: Readonly<Record<string, { what: string; hint: (folder: string) => string }>> = {
  ENOSPC: { what: 'the disk is full (ENOSPC)', hint: () => 'free some space on that disk, or choose an --out on another one' },
  EDQUOT: { what: 'your disk quota is used up (EDQUOT)', hint: () => 'free some space, or choose an --out on another disk' },
  EFBIG: { what: 'a report is larger than the file system allows (EFBIG)', hint: () => 'choose an --out on another file system' },
  EROFS: { what: 'the file system is read-only (EROFS)', hint: () => 'choose an --out on a writable disk' },
  EACCES: { what: 'permission denied (EACCES)', hint: (folder) => `make ${folder} writable for you (e.g. chmod u+w), or choose another --out` },
  EPERM: { what: 'the operation is not permitted (EPERM)', hint: (folder) => `make ${folder} writable for you, or choose another --out` },
  EIO: { what: 'the disk reported an input/output error (EIO)', hint: () => 'check the disk, or choose an --out on another one' },
  EMFILE: { what: 'too many files are open (EMFILE)', hint: () => 'raise the limit (ulimit -n) and run again' },
  ENFILE: { what: 'too many files are open on this system (ENFILE)', hint: () => 'close other programs and run again' },
};

/** The error code of a Node system error, also when only its message survived (from a worker thread: `ENOSPC: ...`). */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return /^(E[A-Z]+): /.exec(error instanceof Error ? error.message : '')?.[1];
}

/**
 * An OutputFolderError for a write that the file system refused (disk full, read-only, no permission),
 * or undefined for any other error (a bug, to be raised as it is).
 */
export function toWriteFailure(error: unknown, outDir: string): OutputFolderError | undefined {
  if (error instanceof OutputFolderError) return error;
  const reason = REASONS[errorCode(error) ?? ''];
  if (!reason) return undefined;
  return new OutputFolderError({
    severity: 'error',
    rule: 'report/write-failed',
    message: `Could not write the reports into ${outDir}: ${reason.what}. Nothing of this run was written; the reports already there are unchanged.`,
    file: outDir,
    hint: reason.hint(outDir),
  });
}

/** What `REASONS` says about a code, for the checks made before analysing. */
export function describeWriteProblem(code: string | undefined, folder: string): { what: string; hint: string } {
  const reason = REASONS[code ?? ''];
  return reason
    ? { what: reason.what, hint: reason.hint(folder) }
    : { what: `it cannot be written (${code ?? 'unknown error'})`, hint: `check ${folder}, or choose another --out` };
}
