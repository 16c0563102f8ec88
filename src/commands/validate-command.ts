import { runValidate } from '../run/run-validate.ts';
import { runReview } from '../run/run-review.ts';
import { printDiagnostics } from './analyze-command.ts';
import { CODEBOOK_OPTION, codebookFrom } from './default-codebook.ts';
import { UsageError, type Command } from './command.ts';
import { SELECTION_HELP, SELECTION_OPTIONS, selectionFrom } from './corpus-selection.ts';

const HELP = `Usage: policycoder validate --gold FILE.csv [options]
       policycoder validate --list-units [options]
       policycoder validate --review SHEET.csv [options]

Compares the dictionary's coding with hand coding of the same sentences or paragraphs: per code
precision, recall, F1, Cohen's kappa and Krippendorff's alpha, a confusion table, and every unit
where the two disagree, with its text. (\`sample --sentences N\` draws random sentences as a gold
file to code, for recall.)

With --review: reads a review sheet drawn by \`policycoder sample\` and judged by hand (yes / no /
unsure) and reports precision = yes / (yes + no) per code and per term with 95% Wilson score
intervals, and the counts of yes, no, unsure and not-yet-judged rows, in review.md and review.csv.
Every row is checked against the corpus and codebook as they are now: a row whose document
changed (error), or whose match the codebook no longer counts (warning), is listed and left out.

Options:
  --review FILE         a judged review sheet (from policycoder sample)
  --gold FILE           hand coding as CSV: document,unit,code[,text] (one row per unit and code;
                        code "-" = the unit has none of the codes). See README.md, "Validating".
  --unit KIND           sentence or paragraph: what the unit numbers count (default: sentence)
  --list-units          write units.csv (every unit of every document, numbered) as a template
                        for hand coding, instead of comparing
  --corpus DIR          the corpus (default: corpus)
  --codebook FILE       the codebook to validate (default: codebooks/smart-city.yaml)
  --out DIR             where validation.md, validation.csv and validation-units.csv go
                        (with --review: review.md and review.csv) (default: outputs)
${SELECTION_HELP}
  --cache DIR           cache for text extracted from PDFs (default: .policycoder-cache)
  --no-cache            extract every PDF again
  --quiet               print only problems, not the summary`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'compare the dictionary coding with hand coding (precision, recall, kappa, alpha; --review: judged samples)',
  help: HELP,
  options: {
    ...SELECTION_OPTIONS,
    gold: { type: 'string' },
    review: { type: 'string' },
    unit: { type: 'string', default: 'sentence' },
    'list-units': { type: 'boolean', default: false },
    corpus: { type: 'string', default: 'corpus' },
    codebook: CODEBOOK_OPTION,
    out: { type: 'string', default: 'outputs' },
    cache: { type: 'string', default: '.policycoder-cache' },
    'no-cache': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; pass the gold file with --gold FILE`);
    const unit = String(values.unit);
    if (unit !== 'sentence' && unit !== 'paragraph') throw new UsageError(`--unit must be "sentence" or "paragraph", not "${unit}"`);
    const listUnits = values['list-units'] === true;
    if (typeof values.review === 'string') {
      if (typeof values.gold === 'string' || listUnits)
        throw new UsageError('--review cannot be combined with --gold or --list-units: run validate once for each');
      const review = await runReview({
        sheetPath: values.review,
        corpusDir: String(values.corpus),
        codebookPath: codebookFrom(values.codebook),
        cacheDir: values['no-cache'] === true ? null : String(values.cache),
        outDir: String(values.out),
      });
      printDiagnostics(io, review.diagnostics);
      if (review.summary && values.quiet !== true) io.stdout(`${review.summary}\n`);
      return review.exitCode;
    }
    if (!listUnits && typeof values.gold !== 'string')
      throw new UsageError('--gold FILE is required (or --list-units to get a template, or --review SHEET for a precision review)');
    const outcome = await runValidate({
      corpusDir: String(values.corpus),
      selection: selectionFrom(values),
      codebookPath: codebookFrom(values.codebook),
      ...(typeof values.gold === 'string' ? { goldPath: values.gold } : {}),
      outDir: String(values.out),
      unit,
      cacheDir: values['no-cache'] === true ? null : String(values.cache),
      listUnits,
    });
    printDiagnostics(io, outcome.diagnostics);
    if (outcome.summary && values.quiet !== true) io.stdout(`${outcome.summary}\n`);
    return outcome.exitCode;
  },
};
