import { readFileSync } from 'node:fs';

/**
 * A process that writes reports: its id and, where the system tells (Linux /proc), its start time,
 * so that a process id reused after a crash is not taken for the writer that left files behind.
 */
export interface WriterProcess {
  pid: number;
  /** Clock ticks after boot at which it started; '' where unknown. */
  started: string;
}

export function thisWriter(): WriterProcess {
  return { pid: process.pid, started: startTime(process.pid) ?? '' };
}

/** True while that process still runs (a zombie or a newer process under the same id does not count). */
export function isRunning(writer: WriterProcess): boolean {
  try {
    process.kill(writer.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false; // EPERM: it runs, as another user
  }
  const started = startTime(writer.pid);
  return started === undefined || writer.started === '' || started === writer.started;
}

/** Field 22 of /proc/PID/stat, or undefined off Linux; a zombie's counts as none ('Z'). */
function startTime(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (command) state ppid ...": the command may hold spaces and parentheses, so split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[0] === 'Z' ? 'zombie' : (fields[19] ?? '');
}

/** `PID-STARTED`, as the names of temporary folders carry it. */
export function writerTag(writer: WriterProcess): string {
  return `${writer.pid}-${writer.started}`;
}

/** The writer named at the start of `text` (`PID-STARTED-...`), or undefined for names without one (older versions). */
export function parseWriterTag(text: string): WriterProcess | undefined {
  const match = /^(\d+)-(\d*)-/.exec(text);
  return match ? { pid: Number(match[1]), started: match[2]! } : undefined;
}
