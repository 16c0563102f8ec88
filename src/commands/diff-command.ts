import { diffCodebooks } from '../run/diff-codebooks.ts';
import { printDiagnostics } from './analyze-command.ts';
import { UsageError, type Command } from './command.ts';
import { SELECTION_HELP, SELECTION_OPTIONS, selectionFrom } from './corpus-selection.ts';

const HELP = `Usage: policycoder diff OLD NEW --corpus DIR [options]

Shows what a codebook edit changes: both codebooks code every document of the corpus, and each
document x code whose count changes is listed with its old count, new count and delta, the terms
whose counts changed (old->new) and the matches each context rule removed (old->new). Codes are
matched by theme id and code id; codes only in NEW or OLD are shown as added or removed.

Options:
  --corpus DIR          the corpus to compare on (required)
  --out FILE.csv        also write every document x code (unchanged ones too) as CSV
${SELECTION_HELP}
  --cache DIR           cache for text extracted from PDFs (default: .policycoder-cache)
  --no-cache            extract every PDF again
  --quiet               print only problems, not the table

Exit status: 0 compared, 1 compared but some documents could not be read, 2 could not compare
(a codebook with errors, a missing corpus).`;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'what a codebook edit changes, per document x code, and which terms or rules cause it',
  help: HELP,
  options: {
    ...SELECTION_OPTIONS,
    corpus: { type: 'string' },
    out: { type: 'string' },
    cache: { type: 'string', default: '.policycoder-cache' },
    'no-cache': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    if (positionals.length !== 2)
      throw new UsageError(`diff needs two codebooks, OLD and NEW, not ${positionals.length}: policycoder diff OLD NEW --corpus DIR`);
    if (typeof values.corpus !== 'string') throw new UsageError('diff needs --corpus DIR: the documents to compare the two codebooks on');
    if (typeof values.out === 'string' && !values.out.toLowerCase().endsWith('.csv')) throw new UsageError(`--out must name a .csv file, not "${values.out}"`);
    const outcome = await diffCodebooks({
      oldPath: positionals[0]!,
      newPath: positionals[1]!,
      corpusDir: values.corpus,
      selection: selectionFrom(values),
      cacheDir: values['no-cache'] === true ? null : String(values.cache),
      ...(typeof values.out === 'string' ? { csvPath: values.out } : {}),
    });
    printDiagnostics(io, outcome.diagnostics);
    if (outcome.summary && values.quiet !== true) io.stdout(`${outcome.summary}\n`);
    return outcome.exitCode;
  },
};
