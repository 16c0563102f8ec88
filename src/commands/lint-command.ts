import { lintCodebook } from '../run/lint-codebook.ts';
import { printDiagnostics } from './analyze-command.ts';
import { UsageError, type Command } from './command.ts';
import { SELECTION_HELP, SELECTION_OPTIONS, selectionFrom } from './corpus-selection.ts';

const HELP = `Usage: policycoder lint CODEBOOK [options]

Checks a codebook in one pass and prints every problem as file:line:column with a rule id and
a hint: what analyze would refuse (unknown keys, duplicate keys, invalid regexes or globs, ...),
terms another term of the same code makes pointless, and the codebook's self-tests: every
\`examples\` sentence must be counted by its code, no \`non_examples\` sentence may be.

Options:
  --corpus DIR          also run the codebook over this corpus (no reports written): terms and
                        codes that never count, a table of the terms that carry each code, and
                        per Chinese term its matches that ICU word segmentation reads across a
                        word boundary (民意 in 农民|意愿), with the words around them
  --top-terms N         terms shown per code in that table, and words shown per Chinese term in
                        the table of terms read across a word boundary (default: 5)
  --review SHEET        a review sheet judged by hand (policycoder sample): names the terms whose
                        precision is likely below --min-precision (the upper end of their 95%
                        Wilson interval is below it: lint/low-precision) or below it with too few
                        judgements to tell (lint/precision-uncertain), with fixes tried on the
                        judged passages: an except, case sensitivity, boundary: word, a phrase
                        instead of the word, or removal. Rows are checked against --corpus
                        (default: corpus)
  --min-precision P     the precision a term should reach, between 0 and 1 (default: 0.8)
  --strict              warnings fail the lint too (exit 1)
  --verbose             list every term the corpus never counts (otherwise one line says how many)
${SELECTION_HELP}
  --cache DIR           cache for text extracted from PDFs (default: .policycoder-cache)
  --no-cache            extract every PDF again
  --quiet               print only problems, not the summary

Exit status: 0 no errors (warnings and info may be printed), 1 errors or failed self-tests
(with --strict also warnings), 2 could not lint (unreadable codebook, missing corpus).`;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check a codebook and run its self-tests (examples, non_examples)',
  help: HELP,
  options: {
    ...SELECTION_OPTIONS,
    corpus: { type: 'string' },
    'top-terms': { type: 'string', default: '5' },
    review: { type: 'string' },
    'min-precision': { type: 'string', default: '0.8' },
    strict: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    cache: { type: 'string', default: '.policycoder-cache' },
    'no-cache': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0 ? 'lint needs the codebook: policycoder lint CODEBOOK' : `unexpected argument "${positionals[1]}"; lint checks one codebook`,
      );
    }
    const topTerms = Number(values['top-terms']);
    if (!Number.isInteger(topTerms) || topTerms < 1)
      throw new UsageError(`--top-terms must be a whole number of at least 1, not "${String(values['top-terms'])}"`);
    const minPrecision = Number(values['min-precision']);
    if (!(minPrecision > 0 && minPrecision <= 1))
      throw new UsageError(`--min-precision must be a number above 0 and at most 1, not "${String(values['min-precision'])}"`);
    const outcome = await lintCodebook({
      ...(typeof values.review === 'string' ? { reviewPath: values.review } : {}),
      minPrecision,
      codebookPath: positionals[0]!,
      ...(typeof values.corpus === 'string' ? { corpusDir: values.corpus } : {}),
      selection: selectionFrom(values),
      cacheDir: values['no-cache'] === true ? null : String(values.cache),
      strict: values.strict === true,
      topTerms,
    });
    const unused = outcome.diagnostics.filter((d) => d.rule === 'lint/term-never-matches');
    const shown = values.verbose === true || unused.length <= 10 ? outcome.diagnostics : outcome.diagnostics.filter((d) => !unused.includes(d));
    printDiagnostics(io, shown);
    if (shown.length < outcome.diagnostics.length) {
      io.stderr(
        `info: ${unused.length} terms are never counted in this corpus (often terms in another language); --verbose lists them [lint/term-never-matches]\n`,
      );
    }
    if (outcome.summary && values.quiet !== true) io.stdout(`${outcome.summary}\n`);
    return outcome.exitCode;
  },
};
