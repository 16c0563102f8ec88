import type { CjkWordRule } from '../types.ts';
import { runCorpus } from '../run/run-corpus.ts';
import { toCorpusCsvRows, toCorpusTable } from '../corpus/to-corpus-table.ts';
import { toCsvLine } from '../text/to-csv-line.ts';
import { printDiagnostics } from './analyze-command.ts';
import { UsageError, type Command } from './command.ts';
import { SELECTION_HELP, SELECTION_OPTIONS, selectionFrom } from './corpus-selection.ts';

const HELP = `Usage: policycoder corpus [--check] [options]

Lists every document of the corpus: id, date, series, level, language (guessed from the text when
corpus.yaml gives none), words, pages, whether its PDF text is cached, extraction problems, and
where it comes from (\`source:\` in corpus.yaml, when given; --format csv adds its \`number:\`).

Options:
  --check               exit 1 when there are problems: documents not in corpus.yaml, missing
                        dates, unknown (misspelt) series, duplicate files or ids, metadata for
                        missing files, documents whose text cannot be extracted
  --format FORMAT       table or csv (default: table)
  --corpus DIR          the corpus (default: corpus)
  --cjk-words RULE      icu or characters, as for analyze (default: icu)
${SELECTION_HELP}
  --cache DIR           cache for text extracted from PDFs (default: .policycoder-cache)
  --no-cache            extract every PDF again`;

export const corpusCommand: Command = {
  name: 'corpus',
  summary: 'list the documents with their metadata, words, pages and language; --check for problems',
  help: HELP,
  options: {
    ...SELECTION_OPTIONS,
    check: { type: 'boolean', default: false },
    format: { type: 'string', default: 'table' },
    corpus: { type: 'string', default: 'corpus' },
    'cjk-words': { type: 'string', default: 'icu' },
    cache: { type: 'string', default: '.policycoder-cache' },
    'no-cache': { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; use --corpus DIR for another corpus`);
    const format = String(values.format);
    if (format !== 'table' && format !== 'csv') throw new UsageError(`--format must be "table" or "csv", not "${format}"`);
    const cjkWords = String(values['cjk-words']);
    if (cjkWords !== 'icu' && cjkWords !== 'characters') throw new UsageError(`--cjk-words must be "icu" or "characters", not "${cjkWords}"`);
    const outcome = await runCorpus({
      corpusDir: String(values.corpus),
      selection: selectionFrom(values),
      cacheDir: values['no-cache'] === true ? null : String(values.cache),
      cjkWords: cjkWords satisfies CjkWordRule,
    });
    printDiagnostics(io, outcome.diagnostics);
    if (outcome.exitCode !== 0) return outcome.exitCode;
    io.stdout(
      format === 'csv'
        ? toCorpusCsvRows(outcome.rows)
            .map((row) => `${toCsvLine(row)}\n`)
            .join('')
        : toCorpusTable(outcome.rows, outcome.excluded),
    );
    if (values.check !== true) return 0;
    io.stderr(outcome.failing === 0 ? 'check: no problems\n' : `check: ${outcome.failing} ${outcome.failing === 1 ? 'problem' : 'problems'}\n`);
    return outcome.failing === 0 ? 0 : 1;
  },
};
