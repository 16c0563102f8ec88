#!/usr/bin/env node
/** The command line: the only module that touches argv, stdout/stderr, the TTY and the exit code. */
import { parseArgs } from 'node:util';
import { ALL_COMMANDS } from './commands/all-commands.ts';
import { UsageError, type Command, type CommandIo } from './commands/command.ts';
import { refuseEmptyValues } from './commands/refuse-empty-values.ts';
import { PACKAGE_VERSION } from './version.ts';
import { didYouMean } from './diagnostics/did-you-mean.ts';
import { renderDiagnostic } from './diagnostics/render-diagnostic.ts';
import { OutputFolderError } from './report/output-folder-error.ts';

function overview(): string {
  const width = Math.max(...ALL_COMMANDS.map((command) => command.name.length));
  const commands = ALL_COMMANDS.map((command) => `  policycoder ${command.name.padEnd(width)}  ${command.summary}`);
  return `policycoder ${PACKAGE_VERSION}: dictionary-based content analysis of policy documents

Usage:
${commands.join('\n')}
  policycoder COMMAND --help     options of one command
  policycoder --help | --version

Exit status: 0 ran, 1 ran but some inputs failed, 2 could not run (bad codebook,
missing corpus, wrong options). Problems are printed as path:line:column: severity: message.

${ALL_COMMANDS.map((command) => command.help).join('\n\n')}`;
}

async function main(argv: string[], io: CommandIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return say(io, overview());
  if (first === '--version' || first === '-v') return say(io, PACKAGE_VERSION);
  const command = ALL_COMMANDS.find((candidate) => candidate.name === first);
  if (!command) {
    const names = ALL_COMMANDS.map((candidate) => candidate.name);
    const guess = didYouMean(first, names);
    throw new UsageError(`unknown command "${first}"${guess ? ` (did you mean "${guess}"?)` : ''}; the commands are: ${names.join(', ')}`);
  }
  const { values, positionals } = parseCommandLine(command, rest);
  if (values.help === true) return say(io, command.help);
  refuseEmptyValues(values, positionals);
  return command.run(values, positionals, io);
}

function parseCommandLine(command: Command, args: string[]) {
  try {
    return parseArgs({
      args,
      options: { ...command.options, help: { type: 'boolean', short: 'h', default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional.*$/s, '');
    const unknown = /^Unknown option '--([^']+)'/.exec(message)?.[1];
    const guess = unknown === undefined ? undefined : didYouMean(unknown, [...Object.keys(command.options), 'help']);
    throw new UsageError(guess ? `${message} (did you mean --${guess}?)` : message);
  }
}

function say(io: CommandIo, text: string): number {
  io.stdout(`${text}\n`);
  return 0;
}

// A reader that stops early (`policycoder kwic x | head`) closes the pipe: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const io: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stderr.isTTY === true,
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message}\n  hint: run "policycoder --help" for the commands and options\n`);
    } else if (error instanceof OutputFolderError) {
      io.stderr(`${renderDiagnostic(error.diagnostic)}\n`); // a full disk or an unwritable --out, not a bug
    } else {
      io.stderr(`internal error (a bug in policycoder, please report it):\n${(error as Error)?.stack ?? String(error)}\n`);
    }
    process.exitCode = 2;
  },
);
