/**
 * A process for tests/unit/report/kill-while-writing.test.ts (bundled there with esbuild and run with
 * plain node, so each of the many runs starts quickly). `write OUT_DIR GENERATION` writes the report
 * set of that generation (`reportSet`) with writeReports; `recover OUT_DIR` runs recoverOutFolder.
 * POLICYCODER_TEST_FAULT=kill-at-step:K in its environment kills it at step K (src/report/fault-point.ts).
 */
import { recoverOutFolder } from '../../src/report/recover-out-folder.ts';
import { writeReports } from '../../src/report/write-reports.ts';

/** The reports of one generation: two names both write, one only `old` writes, one only `new`. */
export function reportSet(generation: 'old' | 'new'): Record<string, string> {
  const only = generation === 'old' ? 'only-old.csv' : 'only-new.csv';
  return { 'a.csv': `a of ${generation}\n`, 'b.md': `# b of ${generation}\n`, [only]: `${generation}\n` };
}

/** A manifest.json as analyze writes it, naming the generation. */
export function manifestOf(generation: string): (outputSha256: Record<string, string>) => string {
  return (outputSha256) => `${JSON.stringify({ tool: { name: 'policycoder' }, generation, outputSha256 }, null, 2)}\n`;
}

async function main(): Promise<void> {
  const [mode, outDir, generation] = process.argv.slice(2);
  if (mode === 'write' && (generation === 'old' || generation === 'new')) {
    await writeReports(outDir!, reportSet(generation), undefined, manifestOf(generation));
  } else if (mode === 'recover') {
    const problem = await recoverOutFolder(outDir!);
    if (problem) throw new Error(problem.message);
  } else {
    throw new Error(`usage: write OUT_DIR old|new, or recover OUT_DIR (got ${process.argv.slice(2).join(' ')})`);
  }
}

if (process.argv[1]?.endsWith('write-reports-child.mjs')) await main();
