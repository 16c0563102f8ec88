import { addCommand } from './add-command.ts';
import { analyzeCommand } from './analyze-command.ts';
import type { Command } from './command.ts';
import { convertCommand } from './convert-command.ts';
import { corpusCommand } from './corpus-command.ts';
import { exportCommand } from './export-command.ts';
import { validateCommand } from './validate-command.ts';

/** Every subcommand, in the order `policycoder --help` lists them. Add new commands here. */
export const ALL_COMMANDS: readonly Command[] = [analyzeCommand, convertCommand, addCommand, corpusCommand, validateCommand, exportCommand];
