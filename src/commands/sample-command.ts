import { runSample } from '../run/run-sample.ts';
import { printDiagnostics } from './analyze-command.ts';
import { CODEBOOK_OPTION, codebookFrom } from './default-codebook.ts';
import { UsageError, type Command } from './command.ts';

const HELP = `Usage: policycoder sample --out SHEET.csv [options]
       policycoder sample --sentences N --out GOLD.csv [options]

Draws a seeded random sample of the counted matches of every code into a review sheet, for
measuring precision: a reviewer reads each passage against the code's definition and writes
yes, no or unsure in its \`judgement\` column; then \`validate --review SHEET\` reports precision
per code and term with 95% Wilson intervals, and \`lint CODEBOOK --review SHEET\` names the terms
to fix. Each row: id, document, page, line, theme, code, term, the matched text, its sentence
with the match marked 【like this】, the sentences before and after, the code's definition and
include/exclude notes, judgement, note, and the match's offsets and stratum.

With --sentences N: N random sentences of the corpus, matched or not, as a gold file for
\`validate --gold\` (document,unit,code,text,note; fill in \`code\`), for measuring recall.

The sample is uniform within each code (or term): each match gets a key, the first 16 hex
digits of SHA-256(seed, document, theme/code, start, end), and the N smallest keys are drawn. The
same seed, corpus and codebook give the same sheet byte for byte; a match keeps its key when the
codebook or other documents change, so a sample drawn after a fix overlaps the one before.

Options:
  --out FILE            the sheet to write (required; an existing file is not replaced)
  --force               replace an existing sheet (its judgements are lost)
  --judged FILE         an earlier judged sheet: rows drawn again (same document, code and
                        offsets) keep its judgement and note, so after a codebook fix only the
                        new rows need judging (use the same --seed)
  --seed TEXT           any text that picks the sample (default: 1)
  --per-code N          matches drawn per code (default: 30; all of them when a code has fewer)
  --per-term N          instead, N matches per term (precision per code is then weighted by
                        each term's share of the code's matches)
  --sentences N         instead, N random sentences for a recall gold file
  --corpus DIR          the corpus (default: corpus)
  --codebook FILE       the codebook (default: codebooks/smart-city.yaml)
  --cache DIR           cache for text extracted from PDFs (default: .policycoder-cache)
  --no-cache            extract every PDF again
  --quiet               print only problems, not the summary

Exit status: 0 written, 1 written but some documents could not be read, 2 nothing written
(a codebook with errors, no corpus, an existing sheet without --force).`;

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'draw a random sample of matches (precision) or sentences (recall) to judge by hand',
  help: HELP,
  options: {
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    judged: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'per-code': { type: 'string' },
    'per-term': { type: 'string' },
    sentences: { type: 'string' },
    corpus: { type: 'string', default: 'corpus' },
    codebook: CODEBOOK_OPTION,
    cache: { type: 'string', default: '.policycoder-cache' },
    'no-cache': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; give the sheet with --out FILE`);
    if (typeof values.out !== 'string' || values.out === '')
      throw new UsageError('--out FILE is required: the review sheet to write, e.g. --out review-sheet.csv');
    const given = (['per-code', 'per-term', 'sentences'] as const).filter((name) => typeof values[name] === 'string');
    if (given.length > 1) throw new UsageError(`--${given[0]} and --${given[1]} cannot be combined: draw one kind of sample per sheet`);
    const count = (name: string, fallback: number) => {
      const value = values[name];
      if (value === undefined) return fallback;
      const number = Number(value);
      if (!Number.isInteger(number) || number < 1) throw new UsageError(`--${name} must be a whole number of at least 1, not "${String(value)}"`);
      return number;
    };
    if (typeof values.judged === 'string' && typeof values.sentences === 'string')
      throw new UsageError('--judged applies to samples of matches, not to --sentences');
    const byTerm = typeof values['per-term'] === 'string';
    const outcome = await runSample({
      corpusDir: String(values.corpus),
      codebookPath: codebookFrom(values.codebook),
      cacheDir: values['no-cache'] === true ? null : String(values.cache),
      outPath: values.out,
      seed: String(values.seed),
      perStratum: byTerm ? count('per-term', 30) : count('per-code', 30),
      byTerm,
      ...(typeof values.sentences === 'string' ? { sentences: count('sentences', 200) } : {}),
      force: values.force === true,
      ...(typeof values.judged === 'string' ? { judgedPath: values.judged } : {}),
    });
    printDiagnostics(io, outcome.diagnostics);
    if (outcome.summary && values.quiet !== true) io.stdout(`${outcome.summary}\n`);
    return outcome.exitCode;
  },
};
