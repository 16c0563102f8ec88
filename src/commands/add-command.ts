import type { CjkWordRule } from '../types.ts';
import { normaliseDate } from '../ingest/normalise-date.ts';
import { runAdd, type AddMetadata } from '../run/run-add.ts';
import { printDiagnostics } from './analyze-command.ts';
import { UsageError, type Command } from './command.ts';

const HELP = `Usage: policycoder add FILE... [options]

Adds documents to the corpus: copies each file into the corpus folder (or registers a file that is
already inside it), appends its entry to corpus.yaml without changing anything already written
there, and shows what was extracted (words, pages, language guess, warnings such as a PDF without
a text layer). A file with the same content, path or id as a document already in the corpus is
refused.

Options:
  --id ID               document id (one FILE only; default: the file name without extension)
  --title TEXT          title (one FILE only)
  --date DATE           YYYY-MM-DD, YYYY-MM or YYYY (default: a leading year in the file name)
  --issuer TEXT         issuing body
  --level TEXT          national, local, ...
  --series NAME         the series the documents belong to
  --language CODE       en, zh, ... (default: guessed from the text and marked as a guess)
  --to FOLDER           subfolder of the corpus to copy into (default: the corpus folder)
  --copy                copy files from outside the corpus into it (the default)
  --in-place            only register files already inside the corpus; refuse others
  --corpus DIR          the corpus (default: corpus)
  --cjk-words RULE      icu or characters, for the word count shown (default: icu)
  --cache DIR           cache for text extracted from PDFs (default: .policycoder-cache)
  --no-cache            do not use or fill the cache`;

export const addCommand: Command = {
  name: 'add',
  summary: 'copy documents into the corpus and describe them in corpus.yaml',
  help: HELP,
  options: {
    id: { type: 'string' },
    title: { type: 'string' },
    date: { type: 'string' },
    issuer: { type: 'string' },
    level: { type: 'string' },
    series: { type: 'string' },
    language: { type: 'string' },
    to: { type: 'string' },
    copy: { type: 'boolean', default: false },
    'in-place': { type: 'boolean', default: false },
    corpus: { type: 'string', default: 'corpus' },
    'cjk-words': { type: 'string', default: 'icu' },
    cache: { type: 'string', default: '.policycoder-cache' },
    'no-cache': { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('name the files to add, e.g. policycoder add plan.pdf --date 2018-07-30 --series shenzhen');
    if (values.copy === true && values['in-place'] === true) throw new UsageError('--copy and --in-place exclude each other');
    if (positionals.length > 1 && (values.id !== undefined || values.title !== undefined)) {
      throw new UsageError('--id and --title describe one document; add the files one at a time to give each its own');
    }
    const cjkWords = String(values['cjk-words']);
    if (cjkWords !== 'icu' && cjkWords !== 'characters') throw new UsageError(`--cjk-words must be "icu" or "characters", not "${cjkWords}"`);
    const meta: AddMetadata = {};
    for (const key of ['id', 'title', 'issuer', 'level', 'series', 'language'] as const) {
      const value = values[key];
      if (typeof value === 'string' && value.trim() !== '') meta[key] = value.trim();
    }
    if (typeof values.date === 'string') {
      const date = normaliseDate(values.date.trim(), values.date.trim());
      if (date === undefined) throw new UsageError(`--date must be YYYY-MM-DD, YYYY-MM or YYYY with a real month and day, not "${values.date}"`);
      meta.date = date;
    }
    const outcome = await runAdd({
      corpusDir: String(values.corpus),
      files: positionals,
      meta,
      mode: values['in-place'] === true ? 'in-place' : 'copy',
      ...(typeof values.to === 'string' ? { to: values.to } : {}),
      cacheDir: values['no-cache'] === true ? null : String(values.cache),
      cjkWords: cjkWords satisfies CjkWordRule,
    });
    printDiagnostics(io, outcome.diagnostics);
    io.stdout(outcome.report);
    return outcome.exitCode;
  },
};
