import { addCommand } from './add-command.ts';
import { analyzeCommand } from './analyze-command.ts';
import type { Command } from './command.ts';
import { convertCommand } from './convert-command.ts';
import { corpusCommand } from './corpus-command.ts';
import { diffCommand } from './diff-command.ts';
import { exportCommand } from './export-command.ts';
import { kwicCommand } from './kwic-command.ts';
import { lintCommand } from './lint-command.ts';
import { sampleCommand } from './sample-command.ts';
import { validateCommand } from './validate-command.ts';

/** Every subcommand, in the order `policycoder --help` lists them. Add new commands here. */
export const ALL_COMMANDS: readonly Command[] = [
  analyzeCommand,
  kwicCommand,
  convertCommand,
  lintCommand,
  diffCommand,
  addCommand,
  corpusCommand,
  sampleCommand,
  validateCommand,
  exportCommand,
];
