import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../types.ts';
import { hasErrors, sortDiagnostics } from '../diagnostics/render-diagnostic.ts';
import { readCodebook } from '../codebook/read-codebook.ts';
import { compileCodebook } from '../match/compile-codebook.ts';
import { findMatches } from '../match/find-matches.ts';
import { tokenize } from '../text/tokenize.ts';
import { writeReports } from '../report/write-reports.ts';
import { parseGoldCsv } from '../validate/parse-gold-csv.ts';
import { splitUnits, type UnitKind } from '../validate/split-units.ts';
import { alignGoldUnits, type ValidationDocument } from '../validate/align-gold-units.ts';
import { compareCoding, type ValidationResult } from '../validate/compare-coding.ts';
import { toValidationMarkdown, withInterval } from '../validate/to-validation-markdown.ts';
import { toValidationCsv, toValidationUnitsCsv } from '../validate/to-validation-csv.ts';
import { toUnitsTemplateCsv } from '../validate/to-units-template-csv.ts';
import { formatStat } from '../validate/format-stat.ts';
import { readCorpusDocuments } from './read-corpus-documents.ts';
import { toTextTable } from './to-text-table.ts';
import type { CommandLineSelection } from '../ingest/to-corpus-selection.ts';

export interface ValidateOptions {
  /** `--include`/`--exclude`/`--allow-outside-links`, on top of corpus.yaml's patterns. */
  selection?: CommandLineSelection;
  corpusDir: string;
  codebookPath: string;
  /** The hand-coded CSV; unused with `listUnits`. */
  goldPath?: string;
  outDir: string;
  unit: UnitKind;
  cacheDir: string | null;
  /** Write `units.csv` (every unit of every document, a template for hand coding) instead of comparing. */
  listUnits?: boolean;
}

export interface ValidateOutcome {
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  summary?: string;
  outputs: string[];
}

/** codebook + corpus + gold file -> the dictionary's coding of the same units -> agreement -> validation.md/csv. */
export async function runValidate(options: ValidateOptions): Promise<ValidateOutcome> {
  const { codebook, diagnostics: codebookDiagnostics } = await readCodebook(options.codebookPath);
  if (!codebook || hasErrors(codebookDiagnostics)) return cannotRun(codebookDiagnostics);
  const { compiled } = compileCodebook(codebook);
  const codeKeys = compiled.codes.map((code) => `${code.theme}/${code.code}`);

  let gold: ReturnType<typeof parseGoldCsv> = { rows: [], diagnostics: [] };
  if (!options.listUnits) {
    const goldPath = options.goldPath ?? '';
    let text: string;
    try {
      text = await readFile(goldPath, 'utf8');
    } catch {
      return cannotRun([
        {
          severity: 'error',
          rule: 'gold/unreadable',
          message: 'Cannot read the gold file.',
          file: goldPath,
          hint: 'Pass the hand-coded CSV with --gold FILE.',
        },
      ]);
    }
    gold = parseGoldCsv(text, goldPath);
    if (gold.rows.length === 0) return cannotRun(gold.diagnostics);
  }
  const wanted = new Set(gold.rows.map((row) => row.document));
  const corpus = await readCorpusDocuments(options.corpusDir, {
    cacheDir: options.cacheDir,
    extract: (meta) => options.listUnits === true || wanted.has(meta.id),
    ...(options.selection ? { selection: options.selection } : {}),
  });
  if (corpus.failed || corpus.documents.length === 0) return cannotRun(corpus.diagnostics);

  const documents = new Map<string, ValidationDocument>();
  const diagnostics: Diagnostic[] = [...codebookDiagnostics, ...corpus.diagnostics, ...gold.diagnostics];
  for (const document of corpus.documents) {
    diagnostics.push(...document.diagnostics);
    if (!document.extracted || documents.has(document.meta.id)) continue;
    const { text, pages } = document.extracted;
    const matches = findMatches(tokenize(text), compiled).map((match) => ({ code: codeKeys[match.codeIndex]!, start: match.start, end: match.end }));
    documents.set(document.meta.id, { id: document.meta.id, text, units: splitUnits(text, options.unit, pages), matches });
  }

  if (options.listUnits) {
    const files = { 'units.csv': toUnitsTemplateCsv([...documents.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) };
    const outputs = await writeReports(options.outDir, files);
    const count = [...documents.values()].reduce((sum, d) => sum + d.units.length, 0);
    return finish(diagnostics, `${count} ${options.unit}s of ${documents.size} documents listed in ${options.outDir}/units.csv`, outputs);
  }

  const goldFile = options.goldPath ?? '';
  const aligned = alignGoldUnits(gold.rows, documents, codeKeys, goldFile);
  diagnostics.push(...aligned.diagnostics);
  if (aligned.units.length === 0) return cannotRun(diagnostics);
  const result = compareCoding(aligned.units, codeKeys);
  const context = {
    goldFile,
    codebookName: codebook.name,
    codebookPath: options.codebookPath,
    unitKind: options.unit,
    documents: new Set(aligned.units.map((unit) => unit.document)).size,
  };
  const outputs = await writeReports(options.outDir, {
    'validation.md': toValidationMarkdown(result, context),
    'validation.csv': toValidationCsv(result),
    'validation-units.csv': toValidationUnitsCsv(aligned.units),
  });
  const pooled = result.pooled;
  const summary =
    `${toAgreementTable(result)}\n` +
    `${result.units} ${options.unit}s in ${context.documents} documents compared with ${goldFile}: ` +
    `precision ${withInterval(pooled.precision, pooled.precisionInterval)}, recall ${withInterval(pooled.recall, pooled.recallInterval)}, ` +
    `F1 ${formatStat(pooled.f1)}, ` +
    `kappa ${formatStat(pooled.kappa)}, alpha ${formatStat(pooled.alpha)} (all codes pooled); ` +
    `${result.disagreements.length} disagreements listed in ${options.outDir}/validation.md`;
  return finish(diagnostics, summary, outputs);
}

/** Per code: the human's and the dictionary's unit counts, precision and recall with their 95% Wilson intervals. */
function toAgreementTable(result: ValidationResult): string {
  const rows = [...result.codes, { code: '(all codes pooled)', stats: result.pooled }].map(({ code, stats }) => [
    code,
    String(stats.tp + stats.fn),
    String(stats.tp + stats.fp),
    String(stats.tp),
    withInterval(stats.precision, stats.precisionInterval),
    withInterval(stats.recall, stats.recallInterval),
  ]);
  return toTextTable(['code', 'human', 'dictionary', 'both', 'precision [95% CI]', 'recall [95% CI]'], rows, [false, true, true, true, false, false]);
}

function finish(diagnostics: Diagnostic[], summary: string, outputs: string[]): ValidateOutcome {
  return { exitCode: hasErrors(diagnostics) ? 1 : 0, diagnostics: sortDiagnostics(diagnostics), summary, outputs };
}

function cannotRun(diagnostics: Diagnostic[]): ValidateOutcome {
  return { exitCode: 2, diagnostics: sortDiagnostics(diagnostics), outputs: [] };
}
