import { UsageError, type OptionValues } from './command.ts';

/**
 * Refuses an option or argument given as an empty string (`--out ""`, `kwic ''`), which a shell
 * variable that is unset produces: no option means anything empty, and each would otherwise be
 * read as the current folder or as nothing ("The output folder  contains ...").
 */
export function refuseEmptyValues(values: OptionValues, positionals: readonly string[]): void {
  for (const [name, value] of Object.entries(values)) {
    const list = Array.isArray(value) ? value : [value];
    if (list.some((item) => typeof item === 'string' && item.trim() === '')) {
      throw new UsageError(`--${name} is given an empty value; give it one (or leave the option out for its default)`);
    }
  }
  if (positionals.some((argument) => argument.trim() === '')) throw new UsageError('an argument is empty (""); remove it or give it a value');
}
