/**
 * `npm run bench [-- --quick]`: generates deterministic corpora and codebooks, times a whole
 * `policycoder analyze` (all reports) and, on the same text, the floor
 * `LC_ALL=C grep -r -o -i -w -F -f TERMS`, and prints throughput, peak memory and ratios.
 * Not a test: figures depend on the machine; the ratios are what carry over.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeCodebook, makeVocabulary, seededRandom, writeCorpus, type CorpusSpec } from './generate.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
const work = path.join(tmpdir(), 'policycoder-bench');
const corpora: Array<CorpusSpec & { name: string }> = quick
  ? [{ name: '200x5000', documents: 200, wordsPerDocument: 5000, seed: 1 }]
  : [
      { name: '2000x5000', documents: 2000, wordsPerDocument: 5000, seed: 1 },
      { name: '20000x500', documents: 20000, wordsPerDocument: 500, seed: 2 },
    ];
const codebookSizes = [100, 1000, 10000];

interface Timing {
  seconds: number;
  maxRssMb: number;
}

/** Runs a command under /usr/bin/time and returns wall seconds and peak resident memory. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Timing {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} failed (${result.status}):\n${result.stderr}`);
  return { seconds: seconds!, maxRssMb: kb! / 1024 };
}

function row(cells: Array<string | number>): string {
  return cells.map((cell, i) => String(cell).padStart(i === 0 ? 12 : 10)).join(' ');
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is needed (Debian package `time`)');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const vocabulary = makeVocabulary(20000, seededRandom(7));
  const help = timed(process.execPath, [path.join(repoRoot, 'bin/policycoder.js'), '--help']);
  console.log(`policycoder --help: ${(help.seconds * 1000).toFixed(0)} ms (target < 300 ms)\n`);
  console.log(row(['corpus', 'terms', 'MB', 'seconds', 'MB/s', 'words/s', 'docs/s', 'RSS MB', 'grep s', 'x grep']));
  for (const spec of corpora) {
    const folder = path.join(work, spec.name);
    const bytes = await writeCorpus(folder, spec, vocabulary);
    const megabytes = bytes / 1e6;
    const results: Record<number, number> = {};
    for (const size of codebookSizes) {
      const { yaml, plainTerms } = makeCodebook(size, vocabulary, size);
      const codebook = path.join(work, `codebook-${size}.yml`);
      const terms = path.join(work, `terms-${size}.txt`);
      await writeFile(codebook, yaml);
      await writeFile(terms, `${plainTerms.join('\n')}\n`);
      const out = path.join(work, `out-${spec.name}-${size}`);
      const run = timed(process.execPath, [
        path.join(repoRoot, 'bin/policycoder.js'), 'analyze', '--corpus', folder, '--codebook', codebook, '--out', out, '--no-cache', '--quiet',
      ]);
      const grep = timed('grep', ['-r', '-o', '-i', '-w', '-F', '-f', terms, folder], { ...process.env, LC_ALL: 'C' });
      results[size] = run.seconds;
      const words = spec.documents * spec.wordsPerDocument;
      console.log(row([
        spec.name, size, megabytes.toFixed(1), run.seconds.toFixed(2), (megabytes / run.seconds).toFixed(1),
        Math.round(words / run.seconds), Math.round(spec.documents / run.seconds), run.maxRssMb.toFixed(0),
        grep.seconds.toFixed(2), (run.seconds / grep.seconds).toFixed(2),
      ]));
    }
    console.log(`${spec.name}: 10,000-term codebook / 100-term codebook = ${(results[10000]! / results[100]!).toFixed(2)} (target <= 1.3)\n`);
  }
  console.log(`node ${process.versions.node}, ${execFileSync('nproc').toString().trim()} cores; corpora in ${work}`);
}

await main();
