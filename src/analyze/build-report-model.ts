import type {
  CjkWordRule,
  Codebook,
  CooccurrenceTable,
  Diagnostic,
  DocumentResult,
  InputRecord,
  ReportModel,
  ReportOverview,
  SeriesEvolution,
} from '../types.ts';
import { ALPHA } from './test-change.ts';
import { DEFAULT_CONTEXT_WIDTH } from './collect-evidence.ts';
import { ratePer1000 } from './total-themes.ts';
import { buildSeriesFindings } from './build-series-findings.ts';
import type { RunStatistics } from './build-run-statistics.ts';

export interface ReportModelInput {
  codebook: Codebook;
  results: DocumentResult[];
  evolution: SeriesEvolution[];
  cooccurrence: CooccurrenceTable;
  inputs: InputRecord[];
  diagnostics: Diagnostic[];
  cjkWords: CjkWordRule;
  contextWidth?: number;
  alpha?: number;
  /** From `buildRunStatistics`: its findings (with q-values and trends) replace those made here. */
  statistics?: RunStatistics;
}

/** Gathers everything `report.md` and `report.html` show into one record, with the corpus overview. */
export function buildReportModel(input: ReportModelInput): ReportModel {
  const { codebook, results, evolution, cooccurrence, inputs, diagnostics } = input;
  return {
    codebook,
    results,
    overview: buildOverview(
      results,
      codebook.themes.map((theme) => theme.id),
      inputs,
    ),
    evolution,
    findings: input.statistics?.findings ?? buildSeriesFindings(evolution, input.alpha),
    ...(input.statistics?.comparisons ? { comparisons: input.statistics.comparisons } : {}),
    ...(input.statistics ? { adjustedTests: input.statistics.tests } : {}),
    cooccurrence,
    inputs,
    diagnostics,
    settings: { cjkWords: input.cjkWords, contextWidth: input.contextWidth ?? DEFAULT_CONTEXT_WIDTH, alpha: input.alpha ?? ALPHA },
  };
}

/** Corpus totals: documents, words, coded mentions, and each theme's count, share and rate. */
export function buildOverview(results: readonly DocumentResult[], themeOrder: readonly string[], inputs: readonly InputRecord[]): ReportOverview {
  const counts = new Map<string, number>(themeOrder.map((theme) => [theme, 0]));
  for (const { codes } of results) {
    for (const code of codes) {
      const sum = counts.get(code.theme);
      if (sum !== undefined) counts.set(code.theme, sum + code.count);
    }
  }
  const words = results.reduce((sum, r) => sum + r.words, 0);
  const mentions = [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    documents: results.length,
    failedInputs: inputs.filter((i) => i.status === 'failed').length,
    words,
    mentions,
    themes: themeOrder.map((theme) => {
      const count = counts.get(theme) ?? 0;
      return { theme, count, share: mentions > 0 ? count / mentions : 0, per1000: ratePer1000(count, words) };
    }),
  };
}
