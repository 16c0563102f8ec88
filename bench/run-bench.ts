/**
 * `npm run bench [-- --quick]`: the targets of issue 15, measured side by side in one run. For each
 * workload it times the grep floor, the hand-written Python counter the project must beat
 * (../shared/bench/naive-counter.py) and a whole default `policycoder analyze` (every report),
 * and prints the ratios with each target marked met or not:
 * - analyze at most 2.0x the grep floor and at least 3x faster than naive-counter.py;
 * - peak RSS on the dense workload within 1.5x of the sparse one;
 * - a codebook of 10,000 terms that find the same matches as 100 within 1.3x;
 * and, as before, `--help` and a rerun of the bundled corpus after a codebook edit.
 * Workloads: `dense`, the reference of ../shared/bench (`gencorpus.py DIR 2000 5000`: 10 million
 * words, 55 MB, an 84-word dictionary, ~300,000 matches), and `sparse`, issue 6's corpus of
 * bench/generate.ts (2,000 x 5,000 words, 59 MB) with a 100-term codebook (~21,000 matches), and
 * the same with 9,900 terms found in no text. `--quick`: 200 documents each. Not a test: figures
 * depend on the machine (quote them with the machine's state); the ratios are what carry over.
 * Each timed run starts after `sync`; every command runs `--runs=N` times (default 3) and the
 * fastest is kept (the least disturbed by other work). `--keep` leaves the corpora in place.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { makeCodebook, makeVocabulary, seededRandom, writeCorpus } from './generate.ts';
// @ts-expect-error: a plain ES module without types (the build script).
import { build } from '../scripts/build.mjs';

const repoRoot = path.resolve(import.meta.dirname, '..');
const sharedBench = path.resolve(repoRoot, '../shared/bench');
const quick = process.argv.includes('--quick');
const keep = process.argv.includes('--keep');
const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
const work = path.join(tmpdir(), 'policycoder-bench');
const documents = quick ? 200 : 2000;
const cli = path.join(repoRoot, 'bin/policycoder.js');

interface Timing {
  seconds: number;
  maxRssMb: number;
}

/** A corpus with what each contender needs: the codebook for analyze, a word,theme CSV for naive-counter.py, a term list for grep. */
interface Workload {
  name: string;
  corpus: string;
  codebook: string;
  dictCsv: string;
  terms: string;
  megabytes: number;
}

interface Measured {
  workload: Workload;
  grep: Timing;
  naive: Timing;
  analyze: Timing;
}

/** Runs a command under /usr/bin/time: wall seconds and peak resident memory (all threads). Output to `stdoutFile` or nowhere. */
function timed(command: string, args: string[], stdoutFile?: string): Timing {
  const stdout = stdoutFile === undefined ? 'ignore' : openSync(stdoutFile, 'w');
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', stdout, 'pipe'] });
  if (typeof stdout === 'number') closeSync(stdout);
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return { seconds: seconds!, maxRssMb: kb! / 1024 };
}

/** The fastest of `runs` runs, each after `sync` (a big run's writes are otherwise still being flushed in the next). */
async function fastest(run: () => Promise<Timing> | Timing): Promise<Timing> {
  let best: Timing | undefined;
  for (let k = 0; k < runs; k++) {
    execFileSync('sync');
    const timing = await run();
    if (!best || timing.seconds < best.seconds) best = timing;
  }
  return best!;
}

async function megabytesOf(folder: string): Promise<number> {
  return Number(execFileSync('du', ['-sb', folder]).toString().split('\t')[0]) / 1e6;
}

/** The reference workload of ../shared/bench: gencorpus.py writes the corpus, its dictionary (YAML and CSV) and its term list. */
async function denseWorkload(): Promise<Workload | undefined> {
  const generator = path.join(sharedBench, 'gencorpus.py');
  if (!existsSync(generator)) {
    console.log(`(no ${generator}: the dense workload is skipped)`);
    return undefined;
  }
  const corpus = path.join(work, `dense-${documents}x5000`);
  execFileSync('python3', [generator, corpus, String(documents), '5000']);
  return {
    name: 'dense',
    corpus,
    codebook: `${corpus}.dict.yaml`,
    dictCsv: `${corpus}.dict.csv`,
    terms: `${corpus}.terms.txt`,
    megabytes: await megabytesOf(corpus),
  };
}

/**
 * Issue 6's workload: bench/generate.ts's corpus with a codebook of `terms` terms (and `unseen`
 * more found in no text). naive-counter.py gets every term without its glob star (it matches single
 * words only: a phrase never matches there, which costs it nothing).
 */
async function sparseWorkloads(): Promise<Workload[]> {
  const vocabulary = makeVocabulary(20000, seededRandom(7));
  const corpus = path.join(work, `sparse-${documents}x5000`);
  await writeCorpus(corpus, { documents, wordsPerDocument: 5000, seed: 1 }, vocabulary);
  const megabytes = await megabytesOf(corpus);
  const workloads: Workload[] = [];
  for (const [name, unseen] of [
    ['sparse', 0],
    ['sparse +9,900 unseen', 9900],
  ] as const) {
    const { yaml, plainTerms, entries } = makeCodebook(100, vocabulary, 100, unseen);
    const key = unseen === 0 ? '100' : '100+9900';
    const codebook = path.join(work, `codebook-${key}.yml`);
    const terms = path.join(work, `terms-${key}.txt`);
    const dictCsv = path.join(work, `dict-${key}.csv`);
    await writeFile(codebook, yaml);
    await writeFile(terms, `${plainTerms.join('\n')}\n`);
    await writeFile(dictCsv, `word,theme\n${entries.map(({ value, theme }) => `${value.replace(/\*$/, '')},${theme}`).join('\n')}\n`);
    workloads.push({ name, corpus, codebook, dictCsv, terms, megabytes });
  }
  return workloads;
}

/** The floor as ../shared/bench/README.md gives it: `cat CORPUS/*.txt | LC_ALL=C grep -o -i -w -F -f TERMS | wc -l`. */
function grepFloor(workload: Workload): Timing {
  const script = `cat "${workload.corpus}"/*.txt | LC_ALL=C grep -o -i -w -F -f "${workload.terms}" | wc -l`;
  return timed('sh', ['-c', script]);
}

async function measure(workload: Workload): Promise<Measured> {
  const out = path.join(work, 'out');
  const grep = await fastest(() => grepFloor(workload));
  const naive = await fastest(() =>
    timed('python3', [path.join(sharedBench, 'naive-counter.py'), workload.corpus, workload.dictCsv, path.join(work, 'naive.csv')]),
  );
  const analyze = await fastest(async () => {
    await rm(out, { recursive: true, force: true });
    return timed(process.execPath, [cli, 'analyze', '--corpus', workload.corpus, '--codebook', workload.codebook, '--out', out, '--no-cache', '--quiet']);
  });
  await rm(out, { recursive: true, force: true });
  return { workload, grep, naive, analyze };
}

const mark = (met: boolean) => (met ? 'met' : 'NOT met');

function cells(values: Array<string | number>, widths: number[]): string {
  return values.map((value, i) => (i === 0 ? String(value).padEnd(widths[i]!) : String(value).padStart(widths[i]!))).join(' ');
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is needed (Debian package `time`)');
  if (!existsSync(path.join(sharedBench, 'naive-counter.py'))) throw new Error(`${sharedBench}/naive-counter.py is needed (the peer to beat)`);
  await build(); // dist/ from the current sources (do not edit src/ while the benchmark runs)
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const help = await fastest(() => timed(process.execPath, [cli, '--help']));
  const nodeAlone = await fastest(() => timed(process.execPath, ['-e', '0']));
  console.log(`policycoder --help: ${(help.seconds * 1000).toFixed(0)} ms (target < 300 ms; node alone: ${(nodeAlone.seconds * 1000).toFixed(0)} ms)`);
  console.log(`rerun on the bundled corpus after a codebook edit: ${(await rerunAfterEdit(help.seconds)).toFixed(2)} s of work beyond start-up\n`);
  const workloads = [await denseWorkload(), ...(await sparseWorkloads())].filter((w) => w !== undefined);
  const widths = [22, 7, 8, 9, 10, 8, 10, 9, 13];
  console.log(`${documents} documents x 5,000 words per workload; fastest of ${runs} runs; ${cpus().length} cores, node ${process.versions.node}\n`);
  console.log(cells(['workload', 'MB', 'grep s', 'naive s', 'analyze s', 'RSS MB', 'x grep', 'naive /', 'naive RSS MB'], widths));
  const measured: Measured[] = [];
  for (const workload of workloads) {
    const m = await measure(workload);
    measured.push(m);
    console.log(
      cells(
        [
          workload.name,
          workload.megabytes.toFixed(1),
          m.grep.seconds.toFixed(2),
          m.naive.seconds.toFixed(2),
          m.analyze.seconds.toFixed(2),
          m.analyze.maxRssMb.toFixed(0),
          `${(m.analyze.seconds / m.grep.seconds).toFixed(2)}x`,
          `${(m.naive.seconds / m.analyze.seconds).toFixed(2)}x`,
          m.naive.maxRssMb.toFixed(0),
        ],
        widths,
      ),
    );
  }
  console.log('\ntargets (issue 15):');
  for (const { workload, grep, naive, analyze } of measured.filter((m) => !m.workload.name.includes('unseen'))) {
    const xGrep = analyze.seconds / grep.seconds;
    const xNaive = naive.seconds / analyze.seconds;
    console.log(`  ${workload.name}: analyze ${xGrep.toFixed(2)}x the grep floor (target <= 2.0x): ${mark(xGrep <= 2)}`);
    console.log(`  ${workload.name}: analyze ${xNaive.toFixed(2)}x faster than naive-counter.py (target >= 3x): ${mark(xNaive >= 3)}`);
  }
  const byName = new Map(measured.map((m) => [m.workload.name, m]));
  const dense = byName.get('dense');
  const sparse = byName.get('sparse');
  const unseen = byName.get('sparse +9,900 unseen');
  if (dense && sparse) {
    const ratio = dense.analyze.maxRssMb / sparse.analyze.maxRssMb;
    console.log(`  peak RSS dense / sparse: ${ratio.toFixed(2)} (target <= 1.5): ${mark(ratio <= 1.5)}`);
  }
  if (sparse && unseen) {
    const ratio = unseen.analyze.seconds / sparse.analyze.seconds;
    console.log(`  10,000 terms (100 + 9,900 unseen) / 100 terms: ${ratio.toFixed(2)}x (target <= 1.3x): ${mark(ratio <= 1.3)}`);
  }
  const load = (await readFile('/proc/loadavg', 'utf8').catch(() => '')).split(' ').slice(0, 3).join(' ');
  console.log(`\nload average at the end: ${load} (figures from a busy machine are not comparable)`);
  if (!keep) await rm(work, { recursive: true, force: true });
  else console.log(`corpora kept in ${work}`);
}

/** Analyses the bundled corpus (warming the cache), edits a copy of the codebook, and times the rerun minus start-up. */
async function rerunAfterEdit(startup: number): Promise<number> {
  const codebook = path.join(work, 'smart-city-edited.yaml');
  const original = await readFile(path.join(repoRoot, 'codebooks/smart-city.yaml'), 'utf8');
  await writeFile(codebook, original);
  const cache = path.join(work, 'cache');
  const args = (out: string) => [cli, 'analyze', '--corpus', path.join(repoRoot, 'corpus'), '--codebook', codebook, '--out', out, '--cache', cache, '--quiet'];
  timed(process.execPath, args(path.join(work, 'rerun-1')));
  // The edit a coder makes: one more term (after `- sensor*`, with its indentation).
  const edited = original.replace(/^(\s*)- sensor\*$/m, '$&\n$1- lamp post*');
  if (edited === original) throw new Error('the benchmark expects a `- sensor*` term in codebooks/smart-city.yaml');
  await writeFile(codebook, edited);
  const rerun = await fastest(async () => {
    await rm(path.join(work, 'rerun-2'), { recursive: true, force: true });
    return timed(process.execPath, args(path.join(work, 'rerun-2')));
  });
  return Math.max(0, rerun.seconds - startup);
}

await main();
