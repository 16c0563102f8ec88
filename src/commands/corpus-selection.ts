import { checkGlobPattern } from '../ingest/check-glob-pattern.ts';
import type { CommandLineSelection } from '../ingest/to-corpus-selection.ts';
import { type OptionSpec, type OptionValues, UsageError } from './command.ts';

/** The options of every command that reads the corpus: which of its files are documents. */
export const SELECTION_OPTIONS: OptionSpec = {
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'allow-outside-links': { type: 'boolean', default: false },
};

export const SELECTION_HELP = `  --include GLOB        read only documents whose path in the corpus matches, e.g.
                        'national/**' (repeatable; narrows corpus.yaml's include)
  --exclude GLOB        leave out documents whose path matches, e.g. 'drafts/**'
                        (repeatable; added to corpus.yaml's exclude)
  --allow-outside-links follow symbolic links that lead outside the corpus folder
                        (refused by default, like corpus.yaml paths outside it)`;

/** `--include`, `--exclude` and `--allow-outside-links`, checked: a pattern that cannot select anything is a usage error. */
export function selectionFrom(values: OptionValues): CommandLineSelection {
  const globs = (name: 'include' | 'exclude'): string[] => {
    const given = (values[name] as string[] | undefined) ?? [];
    for (const glob of given) {
      const problem = checkGlobPattern(glob);
      if (problem) throw new UsageError(`--${name} ${glob}: ${problem.message} ${problem.hint}`);
    }
    return given;
  };
  const include = globs('include');
  const exclude = globs('exclude');
  return {
    ...(include.length > 0 ? { include } : {}),
    ...(exclude.length > 0 ? { exclude } : {}),
    ...(values['allow-outside-links'] === true ? { allowOutsideLinks: true } : {}),
  };
}
