#!/usr/bin/env node
/** The command line: the only module that touches argv, stdout/stderr, the TTY and the exit code. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CjkWordRule, Diagnostic } from './types.ts';
import { renderDiagnostic } from './diagnostics/render-diagnostic.ts';
import { runAnalyze, type AnalyzeOptions } from './run.ts';
import { PACKAGE_VERSION } from './version.ts';

const HELP = `policycoder ${PACKAGE_VERSION}: dictionary-based content analysis of policy documents

Usage:
  policycoder analyze [options]      code every document in the corpus and write the reports
  policycoder --help | --version

Options for analyze:
  --corpus DIR          folder of .txt, .md and .pdf documents, with optional corpus.yaml
                        metadata (default: corpus)
  --codebook FILE       native policycoder YAML codebook or quanteda YAML dictionary
                        (default: codebooks/smart-city.yaml)
  --out DIR             folder for the reports; created if missing (default: outputs)
  --cjk-words RULE      how Chinese/Japanese text counts towards the words denominator:
                        icu (ICU word segmentation, as quanteda) or characters
                        (one word per character) (default: icu)
  --top-terms N         terms listed behind each theme in the evolution report (default: 3)
  --cache DIR           cache for text extracted from PDFs (default: .policycoder-cache)
  --no-cache            extract every PDF again
  --quiet               print only problems, not the summary
  -h, --help            show this help
  -v, --version         print the version

Exit status: 0 ran, 1 ran but some inputs failed, 2 could not run (bad codebook,
missing corpus, wrong options). Problems are printed as path:line:column: severity: message.

Reports written to --out: frequencies.csv, frequencies.json, terms.csv, evolution.md,
evolution.csv, manifest.json. See README.md for every column.`;

const OPTIONS = {
  corpus: { type: 'string', default: 'corpus' },
  codebook: { type: 'string', default: 'codebooks/smart-city.yaml' },
  out: { type: 'string', default: 'outputs' },
  'cjk-words': { type: 'string', default: 'icu' },
  'top-terms': { type: 'string', default: '3' },
  cache: { type: 'string', default: '.policycoder-cache' },
  'no-cache': { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} satisfies ParseArgsConfig['options'];

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  if (values.version) return print(PACKAGE_VERSION);
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') return print(HELP);
  if (command !== 'analyze') throw new UsageError(`unknown command "${command}"; the command is: analyze`);
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"; options take the form --name VALUE`);

  const outcome = await runAnalyze(toAnalyzeOptions(values), { onInput: showProgress });
  clearProgress();
  reportDiagnostics(outcome.diagnostics);
  if (outcome.summary && !values.quiet) process.stdout.write(`${outcome.summary}\n`);
  return outcome.exitCode;
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
}

type Values = ReturnType<typeof parseCommandLine>['values'];

function toAnalyzeOptions(values: Values): AnalyzeOptions {
  const cjkWords = values['cjk-words'];
  if (cjkWords !== 'icu' && cjkWords !== 'characters') {
    throw new UsageError(`--cjk-words must be "icu" or "characters", not "${cjkWords}"`);
  }
  const topTerms = Number(values['top-terms']);
  if (!Number.isInteger(topTerms) || topTerms < 0) {
    throw new UsageError(`--top-terms must be a whole number, not "${values['top-terms']}"`);
  }
  return {
    corpusDir: values.corpus,
    codebookPath: values.codebook,
    outDir: values.out,
    cjkWords: cjkWords satisfies CjkWordRule,
    cacheDir: values['no-cache'] ? null : values.cache,
    topTerms,
  };
}

function reportDiagnostics(diagnostics: Diagnostic[]): void {
  for (const diagnostic of diagnostics) process.stderr.write(`${renderDiagnostic(diagnostic)}\n`);
}

function showProgress(source: { relPath: string }, index: number, total: number): void {
  if (!process.stderr.isTTY) return;
  process.stderr.write(`\r\x1b[Kreading ${index + 1}/${total} ${source.relPath}`);
}

function clearProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n  hint: run "policycoder --help" for the options\n`);
    } else {
      process.stderr.write(`internal error (a bug in policycoder, please report it):\n${(error as Error)?.stack ?? String(error)}\n`);
    }
    process.exitCode = 2;
  },
);
