/**
 * `npx tsx bench/profile-stages.ts CORPUS CODEBOOK`: times each step of the per-document chain
 * in this thread (no workers, no reports), to see where the time goes. Prints milliseconds per step.
 */
import { readCodebook } from '../src/codebook/read-codebook.ts';
import { compileCodebook } from '../src/match/compile-codebook.ts';
import { discoverSources } from '../src/ingest/discover-sources.ts';
import { extractText } from '../src/ingest/extract-text.ts';
import { detectLanguage } from '../src/text/detect-language.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { countWords } from '../src/text/count-words.ts';
import { findMatchesWithRules } from '../src/match/find-matches.ts';
import { countMatches } from '../src/analyze/count-matches.ts';
import { segmentText } from '../src/text/segment-text.ts';
import { collectEvidence } from '../src/analyze/collect-evidence.ts';

const [corpus, codebookPath] = process.argv.slice(2);
if (!corpus || !codebookPath) throw new Error('usage: profile-stages.ts CORPUS CODEBOOK');
const { codebook } = await readCodebook(codebookPath);
if (!codebook) throw new Error(`cannot read ${codebookPath}`);
let t = performance.now();
const { compiled } = compileCodebook(codebook);
const times: Record<string, number> = { compile: performance.now() - t };
const time = <T>(name: string, work: () => T): T => {
  const start = performance.now();
  const result = work();
  times[name] = (times[name] ?? 0) + performance.now() - start;
  return result;
};
const { sources } = await discoverSources(corpus);
let bytes = 0;
let evidenceRows = 0;
for (const source of sources) {
  t = performance.now();
  const { extracted } = await extractText(source, { cacheDir: null });
  times.extract = (times.extract ?? 0) + performance.now() - t;
  if (!extracted) continue;
  bytes += source.bytes;
  time('detectLanguage', () => detectLanguage(extracted.text));
  const tokenized = time('tokenize', () => tokenize(extracted.text));
  time('countWords', () => countWords(tokenized, 'icu'));
  const { matches } = time('match', () => findMatchesWithRules(tokenized, compiled));
  time('countMatches', () => countMatches(matches, compiled.codes));
  const segments = time('segmentText', () => segmentText(extracted.text, extracted.pages));
  const rows = time('collectEvidence', () =>
    collectEvidence({ documentId: source.relPath, text: extracted.text, pages: extracted.pages, segments }, matches, compiled.codes),
  );
  evidenceRows += rows.length;
}
const total = Object.values(times).reduce((sum, ms) => sum + ms, 0);
for (const [name, ms] of Object.entries(times))
  console.log(`${name.padEnd(16)} ${ms.toFixed(0).padStart(7)} ms ${((bytes / 1e6 / ms) * 1000).toFixed(1).padStart(8)} MB/s`);
console.log(
  `${'total'.padEnd(16)} ${total.toFixed(0).padStart(7)} ms for ${sources.length} documents, ${(bytes / 1e6).toFixed(1)} MB, ${evidenceRows} evidence rows`,
);
