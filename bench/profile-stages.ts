/**
 * `npx tsx bench/profile-stages.ts CORPUS CODEBOOK [ROUNDS]`: times each step of the per-document
 * chain in this thread (no workers, no reports), to see where the time goes: the fastest of ROUNDS
 * passes over the corpus (default 3; the first warms the JIT). Prints CPU milliseconds per step
 * (user + system: steadier than the wall clock on a shared machine).
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
import { DEFAULT_CONTEXT_WIDTH } from '../src/analyze/collect-evidence.ts';
import { spillDocumentEvidence } from '../src/engine/spill-document-evidence.ts';
import { openEvidenceSpill } from '../src/engine/evidence-spill.ts';

const [corpus, codebookPath, roundsArg] = process.argv.slice(2);
/** CPU milliseconds of this process (user + system): steadier than the wall clock on a machine that others share. */
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const rounds = Number(roundsArg ?? 3);
if (!corpus || !codebookPath) throw new Error('usage: profile-stages.ts CORPUS CODEBOOK');
const { codebook } = await readCodebook(codebookPath);
if (!codebook) throw new Error(`cannot read ${codebookPath}`);
const { compiled } = compileCodebook(codebook);
const { sources } = await discoverSources(corpus);
const best: Record<string, number> = {};
let bytes = 0;
let evidenceRows = 0;
for (let round = 0; round < rounds; round++) {
  const spill = openEvidenceSpill();
  const times: Record<string, number> = {};
  const time = <T>(name: string, work: () => T): T => {
    const start = cpuNow();
    const result = work();
    times[name] = (times[name] ?? 0) + cpuNow() - start;
    return result;
  };
  bytes = 0;
  evidenceRows = 0;
  for (const source of sources) {
    const t = cpuNow();
    const { extracted } = await extractText(source, { cacheDir: null });
    times.extract = (times.extract ?? 0) + cpuNow() - t;
    if (!extracted) continue;
    bytes += source.bytes;
    time('detectLanguage', () => detectLanguage(extracted.text));
    const tokenized = time('tokenize', () => tokenize(extracted.text));
    time('countWords', () => countWords(tokenized, 'icu'));
    const { matches } = time('match', () => findMatchesWithRules(tokenized, compiled));
    time('countMatches', () => countMatches(matches, compiled.codes));
    const segments = time('segmentText', () => segmentText(extracted.text, extracted.pages));
    const input = { documentId: source.relPath, text: extracted.text, pages: extracted.pages, segments };
    // Rows worked out and their lines written to the spill in one step (engine/spill-document-evidence.ts).
    const spilled = time('evidence', () => spillDocumentEvidence(input, matches, compiled.codes, DEFAULT_CONTEXT_WIDTH, spill.append));
    evidenceRows += spilled.count;
  }
  spill.close();
  for (const [name, ms] of Object.entries(times)) best[name] = Math.min(best[name] ?? Infinity, ms);
}
const times = best;
const total = Object.values(times).reduce((sum, ms) => sum + ms, 0);
for (const [name, ms] of Object.entries(times))
  console.log(`${name.padEnd(16)} ${ms.toFixed(0).padStart(7)} ms ${((bytes / 1e6 / ms) * 1000).toFixed(1).padStart(8)} MB/s`);
console.log(
  `${'total'.padEnd(16)} ${total.toFixed(0).padStart(7)} ms for ${sources.length} documents, ${(bytes / 1e6).toFixed(1)} MB, ${evidenceRows} evidence rows (fastest of ${rounds})`,
);
