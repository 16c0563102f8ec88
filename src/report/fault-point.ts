/**
 * Failpoints for the tests of the output writer, set by the environment variable
 * `POLICYCODER_TEST_FAULT` and inert without it:
 * - `kill-at-step:K`: the process kills itself with SIGKILL just before the K-th step (1-based) of
 *   moving reports into place or recovering an interrupted move (each rename, journal write and
 *   clean-up counts), as a power cut or `kill -9` would;
 * - `write-error:CODE`: writing a report file fails with that error code (`ENOSPC`, `EACCES`, ...),
 *   as a full disk would, without filling one.
 */
let steps = 0;

/** Marks one step; under `kill-at-step:K` the K-th never happens. */
export function stepPoint(): void {
  const fault = process.env.POLICYCODER_TEST_FAULT;
  if (!fault?.startsWith('kill-at-step:')) return;
  steps += 1;
  if (steps === Number(fault.slice('kill-at-step:'.length))) process.kill(process.pid, 'SIGKILL');
}

/** Throws the error of `write-error:CODE`, shaped like Node's own (`code`, `syscall`, `path`). */
export function writePoint(file: string): void {
  const fault = process.env.POLICYCODER_TEST_FAULT;
  if (!fault?.startsWith('write-error:')) return;
  const code = fault.slice('write-error:'.length);
  throw Object.assign(new Error(`${code}: injected failure, write '${file}'`), { code, syscall: 'write', path: file });
}
