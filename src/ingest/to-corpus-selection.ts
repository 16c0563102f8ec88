import type { CorpusSelection } from '../types.ts';
import type { CorpusMetadata } from './read-corpus-metadata.ts';

/** The command line's share of the selection: `--include`, `--exclude` (repeatable), `--allow-outside-links`. */
export interface CommandLineSelection {
  include?: readonly string[];
  exclude?: readonly string[];
  allowOutsideLinks?: boolean;
}

/** corpus.yaml's include/exclude patterns and the command line's together: each include list narrows, every exclude applies. */
export function toCorpusSelection(metadata: Pick<CorpusMetadata, 'include' | 'exclude'>, commandLine: CommandLineSelection = {}): CorpusSelection {
  const cli = (globs: readonly string[] = []) => globs.map((glob) => ({ glob }));
  return {
    include: [metadata.include, cli(commandLine.include)].filter((list) => list.length > 0),
    exclude: [...metadata.exclude, ...cli(commandLine.exclude)],
    ...(commandLine.allowOutsideLinks ? { allowOutsideLinks: true } : {}),
  };
}
