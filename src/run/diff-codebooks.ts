import { writeFile } from 'node:fs/promises';
import type { Diagnostic } from '../types.ts';
import { hasErrors, sortDiagnostics } from '../diagnostics/render-diagnostic.ts';
import { readCodebook } from '../codebook/read-codebook.ts';
import { compileCodebook } from '../match/compile-codebook.ts';
import { readCorpusTexts } from './read-corpus-texts.ts';
import { tallyMatches } from './tally-matches.ts';
import { compareCodeTallies, type DiffRow } from './compare-code-tallies.ts';
import { toDiffCsv, toDiffTable } from './to-diff-report.ts';
import type { CommandLineSelection } from '../ingest/to-corpus-selection.ts';

export interface DiffOptions {
  /** `--include`/`--exclude`/`--allow-outside-links`, on top of corpus.yaml's patterns. */
  selection?: CommandLineSelection;
  oldPath: string;
  newPath: string;
  corpusDir: string;
  cacheDir: string | null;
  /** Write every document x code as CSV here. */
  csvPath?: string;
}

export interface DiffOutcome {
  /** 0 compared, 1 compared but some inputs failed, 2 could not compare. */
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  summary?: string;
  rows?: DiffRow[];
}

/**
 * What a codebook edit changes on a corpus: both codebooks code every document (each text is read
 * and tokenized once), and each document x code is compared with the terms and rules behind it.
 */
export async function diffCodebooks(options: DiffOptions): Promise<DiffOutcome> {
  const [before, after] = await Promise.all([readCodebook(options.oldPath), readCodebook(options.newPath)]);
  const setup = [...before.diagnostics, ...after.diagnostics];
  if (!before.codebook || !after.codebook || hasErrors(setup)) return { exitCode: 2, diagnostics: sortDiagnostics(setup) };
  const oldCompiled = compileCodebook(before.codebook);
  const newCompiled = compileCodebook(after.codebook);
  const corpus = await readCorpusTexts(options.corpusDir, options.cacheDir, options.selection);
  const diagnostics = [...setup, ...oldCompiled.diagnostics, ...newCompiled.diagnostics, ...corpus.diagnostics];
  if (corpus.cannotRun) return { exitCode: 2, diagnostics: sortDiagnostics(diagnostics) };

  const rows: DiffRow[] = [];
  for (const text of corpus.texts) {
    rows.push(
      ...compareCodeTallies(
        text.id,
        { codes: oldCompiled.compiled.codes, tallies: tallyMatches(text.tokenized, oldCompiled.compiled) },
        { codes: newCompiled.compiled.codes, tallies: tallyMatches(text.tokenized, newCompiled.compiled) },
      ),
    );
  }
  const codeOrder = [...newCompiled.compiled.codes, ...oldCompiled.compiled.codes].map((code) => `${code.theme}/${code.code}`);
  const failed = corpus.failed > 0 ? `, ${corpus.failed} could not be read` : '';
  const lines = [
    `old ${options.oldPath} -> new ${options.newPath} on ${options.corpusDir} (${corpus.texts.length} documents${failed})`,
    '',
    toDiffTable(rows, codeOrder),
  ];
  if (options.csvPath !== undefined) {
    await writeFile(options.csvPath, toDiffCsv(rows), 'utf8');
    lines.push('', `wrote ${options.csvPath}`);
  }
  return { exitCode: corpus.failed > 0 || hasErrors(diagnostics) ? 1 : 0, diagnostics: sortDiagnostics(diagnostics), summary: lines.join('\n'), rows };
}
