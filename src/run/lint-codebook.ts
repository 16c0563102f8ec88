import type { Diagnostic } from '../types.ts';
import { hasErrors, sortDiagnostics } from '../diagnostics/render-diagnostic.ts';
import { readCodebook } from '../codebook/read-codebook.ts';
import { checkShadowedTerms } from '../codebook/check-shadowed-terms.ts';
import { checkSlowRegexTerms } from '../codebook/check-slow-regex-terms.ts';
import { compileCodebook } from '../match/compile-codebook.ts';
import { runSelfTests, type SelfTestSummary } from './run-self-tests.ts';
import { readCorpusTexts } from './read-corpus-texts.ts';
import { checkCorpusCoverage, type CodeCoverage } from './check-corpus-coverage.ts';
import { toCoverageTable } from './to-coverage-table.ts';
import { checkWordBoundaries, type TermBoundaries } from './check-word-boundaries.ts';
import { toBoundaryTable } from './to-boundary-table.ts';
import { lintReview } from './lint-review.ts';
import { icuVersion } from '../text/cjk-word-breaks.ts';
import type { CommandLineSelection } from '../ingest/to-corpus-selection.ts';

export interface LintOptions {
  /** `--include`/`--exclude`/`--allow-outside-links`, on top of corpus.yaml's patterns. */
  selection?: CommandLineSelection;
  codebookPath: string;
  /** Also run the codebook over this corpus (no reports written). */
  corpusDir?: string;
  cacheDir: string | null;
  /** Warnings fail the lint too (exit 1). */
  strict?: boolean;
  /** Terms listed per code in the corpus table (default 5). */
  topTerms?: number;
  /** A judged review sheet (`policycoder sample`): terms whose precision is likely below `minPrecision`, with fixes. */
  reviewPath?: string;
  /** Default 0.8. */
  minPrecision?: number;
}

export interface LintOutcome {
  /** 0 no errors, 1 errors (including failed self-tests; with `strict` also warnings), 2 could not lint. */
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  /** Counts, self-test results and (with a corpus) the table of the terms that carry each code. */
  summary?: string;
  selfTests?: SelfTestSummary;
  coverage?: CodeCoverage[];
  /** With a corpus: the CJK terms some of whose matches straddle a word of ICU segmentation. */
  boundaries?: TermBoundaries[];
}

/**
 * Every problem of a codebook in one pass: what the parser reports, terms other terms make
 * pointless, regex terms that backtracking engines run in exponential time, the compiler's unmatchable terms, the self-tests (`examples`, `non_examples`) and,
 * with a corpus, terms and codes that never count. Self-tests and the corpus run only when the
 * codebook has no errors (a broken codebook is not used by `analyze` either).
 */
export async function lintCodebook(options: LintOptions): Promise<LintOutcome> {
  const { codebook, diagnostics: parseDiagnostics } = await readCodebook(options.codebookPath);
  if (parseDiagnostics.some((d) => d.rule === 'codebook/unreadable')) return { exitCode: 2, diagnostics: parseDiagnostics };
  const diagnostics = [...parseDiagnostics];
  const lines: string[] = [];
  if (!codebook) {
    lines.push(`${options.codebookPath}: self-tests${options.corpusDir ? ' and the corpus check' : ''} not run: fix the errors first.`);
    return finish(diagnostics, lines, options);
  }
  const codes = codebook.themes.flatMap((theme) => theme.codes);
  const terms = codes.reduce((sum, code) => sum + code.terms.length, 0);
  lines.push(`${options.codebookPath}: ${codebook.themes.length} themes, ${codes.length} codes, ${terms} terms (${codebook.format} format)`);
  const { compiled, diagnostics: compileDiagnostics } = compileCodebook(codebook);
  diagnostics.push(...compileDiagnostics, ...checkShadowedTerms(codebook), ...checkSlowRegexTerms(codebook));
  const selfTests = runSelfTests(codebook, compiled);
  diagnostics.push(...selfTests.diagnostics);
  lines.push(toSelfTestLine(selfTests.summary));
  if (options.reviewPath !== undefined) {
    const review = await lintReview(codebook, {
      sheetPath: options.reviewPath,
      // The rows are checked against the corpus they were drawn from: --corpus, else the default folder.
      corpusDir: options.corpusDir ?? 'corpus',
      codebookPath: options.codebookPath,
      cacheDir: options.cacheDir,
      minPrecision: options.minPrecision ?? 0.8,
    });
    // readReview reads the codebook again: keep only what it adds.
    diagnostics.push(...review.diagnostics.filter((d) => d.file !== codebook.path || d.rule.startsWith('lint/')));
    if (review.cannotRun) return { exitCode: 2, diagnostics: sortDiagnostics(diagnostics), selfTests: selfTests.summary };
    lines.push(...review.lines);
  }
  if (options.corpusDir === undefined) return { ...finish(diagnostics, lines, options), selfTests: selfTests.summary };

  const corpus = await readCorpusTexts(options.corpusDir, options.cacheDir, options.selection);
  diagnostics.push(...corpus.diagnostics);
  if (corpus.cannotRun) return { exitCode: 2, diagnostics: sortDiagnostics(diagnostics), selfTests: selfTests.summary };
  const { coverage, diagnostics: coverageDiagnostics } = checkCorpusCoverage(codebook, compiled, corpus.texts);
  diagnostics.push(...coverageDiagnostics);
  const failed = corpus.failed > 0 ? `, ${corpus.failed} could not be read` : '';
  lines.push('', `${options.corpusDir}: ${corpus.texts.length} documents read${failed}`, toCoverageTable(coverage, options.topTerms ?? 5));
  const boundaries = checkWordBoundaries(codebook, compiled, corpus.texts);
  lines.push('', toBoundaryTable(boundaries, options.topTerms ?? 5, icuVersion()));
  return { ...finish(diagnostics, lines, options), selfTests: selfTests.summary, coverage, boundaries };
}

function toSelfTestLine(summary: SelfTestSummary): string {
  const total = summary.examples + summary.nonExamples;
  const tested = `${summary.examples} example${summary.examples === 1 ? '' : 's'} and ${summary.nonExamples} non-example${summary.nonExamples === 1 ? '' : 's'}`;
  if (total === 0) return 'self-tests: none (add `examples` and `non_examples` to the codes)';
  return summary.failed === 0 ? `self-tests: ${tested}, all pass` : `self-tests: ${summary.failed} of ${tested} FAILED`;
}

function finish(all: Diagnostic[], lines: string[], options: LintOptions): LintOutcome {
  const diagnostics = sortDiagnostics(all);
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${count('info')} info`);
  const failing = hasErrors(diagnostics) || (options.strict === true && warnings > 0);
  return { exitCode: failing ? 1 : 0, diagnostics, summary: lines.join('\n') };
}
