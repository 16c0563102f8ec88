import type { ParseArgsConfig } from 'node:util';

/** Where a command writes; cli.ts passes the process streams, tests pass buffers. */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress display). */
  isTTY: boolean;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

/** One subcommand: its options, its help text and what it does. Commands never touch `process`. */
export interface Command {
  name: string;
  /** One line for the overview in `policycoder --help`. */
  summary: string;
  /** Full help for `policycoder NAME --help`. */
  help: string;
  options: OptionSpec;
  /** Returns the exit code: 0 ran, 1 ran but some inputs failed, 2 could not run. */
  run(values: OptionValues, positionals: string[], io: CommandIo): Promise<number>;
}

/** A mistake on the command line: printed as `error: ...` with a hint, exit 2. */
export class UsageError extends Error {}
