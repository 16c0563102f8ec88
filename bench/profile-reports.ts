/**
 * `npx tsx bench/profile-reports.ts CORPUS CODEBOOK [ROUNDS]`: analyses the corpus once (no reports),
 * then times each step after the analysis (evolution, co-occurrence, report model) and the making
 * of each report file (its pieces made and dropped, nothing written), the first (cold, as in a run) and the best of ROUNDS (default 3).
 * Prints milliseconds per step, to see where the report time goes apart from the disk.
 */
import { runAnalyze } from '../src/run.ts';
import { readCodebook } from '../src/codebook/read-codebook.ts';
import { buildEvolution } from '../src/analyze/build-evolution.ts';
import { buildRunStatistics } from '../src/analyze/build-run-statistics.ts';
import { buildCooccurrence } from '../src/analyze/build-cooccurrence.ts';
import { buildReportModel } from '../src/analyze/build-report-model.ts';
import { renderReportChunks } from '../src/report/render-reports.ts';

const [corpus, codebookPath, roundsArg] = process.argv.slice(2);
if (!corpus || !codebookPath) throw new Error('usage: profile-reports.ts CORPUS CODEBOOK [ROUNDS]');
const rounds = Number(roundsArg ?? 3);
const { codebook } = await readCodebook(codebookPath);
if (!codebook) throw new Error(`cannot read ${codebookPath}`);
const outcome = await runAnalyze({ corpusDir: corpus, codebookPath, outDir: '', cjkWords: 'icu', cacheDir: null, topTerms: 3, writeOutputs: false });
const results = outcome.results ?? [];
const themeOrder = codebook.themes.map((theme) => theme.id);
const first: Record<string, number> = {};
const best: Record<string, number> = {};
const time = <T>(name: string, work: () => T): T => {
  const start = performance.now();
  const value = work();
  const ms = performance.now() - start;
  first[name] ??= ms;
  best[name] = Math.min(best[name] ?? Infinity, ms);
  return value;
};
for (let round = 0; round < rounds; round++) {
  const evolution = time('buildEvolution', () => buildEvolution(results, themeOrder, { topTerms: 3 }));
  const statistics = time('buildRunStatistics', () => buildRunStatistics({ results, evolution, themeOrder }));
  const cooccurrence = time('buildCooccurrence', () => buildCooccurrence(results, evolution, themeOrder));
  const model = time('buildReportModel', () =>
    buildReportModel({ codebook, results, evolution, cooccurrence, inputs: [], diagnostics: [], cjkWords: 'icu', statistics }),
  );
  const files = time('renderReportChunks', () => renderReportChunks({ results, evolution, codebook, model }));
  for (const [name, pieces] of Object.entries(files)) {
    time(name, () => {
      let characters = 0;
      for (const piece of typeof pieces === 'string' ? [pieces] : pieces) characters += piece.length;
      return characters;
    });
  }
}
const sum = (times: Record<string, number>) => Object.values(times).reduce((a, b) => a + b, 0);
console.log(`${'step'.padEnd(20)} ${'first'.padStart(9)} ${'best'.padStart(9)}`);
for (const name of Object.keys(best)) console.log(`${name.padEnd(20)} ${first[name]!.toFixed(0).padStart(6)} ms ${best[name]!.toFixed(0).padStart(6)} ms`);
console.log(
  `${'total'.padEnd(20)} ${sum(first).toFixed(0).padStart(6)} ms ${sum(best).toFixed(0).padStart(6)} ms (${results.length} documents, best of ${rounds})`,
);
