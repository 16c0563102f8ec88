import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { evidenceNames, selectEvidence } from '../analyze/select-evidence.ts';
import { toKwicLines } from '../report/to-kwic-lines.ts';
import { runAnalyze } from '../run.ts';
import { printDiagnostics } from './analyze-command.ts';
import { CODEBOOK_OPTION, codebookFrom } from './default-codebook.ts';
import { UsageError, type Command } from './command.ts';
import { SELECTION_HELP, SELECTION_OPTIONS, selectionFrom } from './corpus-selection.ts';

const HELP = `Usage: policycoder kwic TERM|CODE [options]

Prints every counted mention of a term, a code or a theme with its context, one per line:
  document  page:line  left [match] right
(page is "-" for text files). The lines are the rows of evidence.csv; no report is written.
TERM|CODE is read as theme/code, else a code id, else a theme id, else a term: a codebook
term or matched text, ignoring case and spacing ("big data", 大数据).

Options:
  --corpus DIR          folder of documents (default: corpus)
  --codebook FILE       the codebook (default: codebooks/smart-city.yaml)
  --width N             characters of context on each side, within the sentence (default: 60)
  --cjk-words RULE      icu or characters, as for analyze (default: icu)
${SELECTION_HELP}
  --cache DIR           cache for text extracted from PDFs (default: .policycoder-cache)
  --no-cache            extract every PDF again`;

export const kwicCommand: Command = {
  name: 'kwic',
  summary: 'show every mention of a term or code in its context (the evidence)',
  help: HELP,
  options: {
    ...SELECTION_OPTIONS,
    corpus: { type: 'string', default: 'corpus' },
    codebook: CODEBOOK_OPTION,
    width: { type: 'string', default: '60' },
    'cjk-words': { type: 'string', default: 'icu' },
    cache: { type: 'string', default: '.policycoder-cache' },
    'no-cache': { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('name a term, a code or a theme: policycoder kwic "big data"');
    const query = positionals.join(' ');
    const width = Number(values.width);
    if (!Number.isInteger(width) || width < 0) throw new UsageError(`--width must be a whole number, not "${String(values.width)}"`);
    const cjkWords = String(values['cjk-words']);
    if (cjkWords !== 'icu' && cjkWords !== 'characters') throw new UsageError(`--cjk-words must be "icu" or "characters", not "${cjkWords}"`);
    const outcome = await runAnalyze({
      corpusDir: String(values.corpus),
      selection: selectionFrom(values),
      codebookPath: codebookFrom(values.codebook),
      outDir: '',
      cjkWords,
      cacheDir: values['no-cache'] === true ? null : String(values.cache),
      topTerms: 0,
      contextWidth: width,
      writeOutputs: false,
    });
    printDiagnostics(
      io,
      outcome.diagnostics.filter((d) => d.severity === 'error'),
    );
    if (!outcome.results) return outcome.exitCode;
    const { kind, rows } = selectEvidence(outcome.results, query);
    if (rows.length === 0) {
      const guess = kind === 'term' ? didYouMean(query, evidenceNames(outcome.results)) : undefined;
      const what = kind === 'term' ? `no term or matched text "${query}"` : `no mentions of ${kind} "${query}"`;
      io.stderr(`${what} in ${outcome.results.length} documents${guess ? `; did you mean "${guess}"?` : ''}\n`);
      return outcome.exitCode;
    }
    for (const line of toKwicLines(rows)) io.stdout(`${line}\n`);
    const documents = new Set(rows.map((row) => row.document)).size;
    io.stderr(`${rows.length} mention${rows.length === 1 ? '' : 's'} of ${kind} "${query}" in ${documents} document${documents === 1 ? '' : 's'}\n`);
    return outcome.exitCode;
  },
};
