import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runAnalyze, type AnalyzeHooks, type AnalyzeOptions } from '../../src/run.ts';
import type { Diagnostic, InputRecord } from '../../src/types.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The `basic` end-to-end case: a small corpus of texts written for the tests, and its codebook. */
export const basicCase = path.join(repoRoot, 'tests/e2e/cases/basic');

/** A copy of the basic corpus in a new folder of `tempFolder`, plus `extra` files (relative path -> content), with `yaml` appended to corpus.yaml. */
export async function basicCorpusWith(tempFolder: () => Promise<string>, extra: Record<string, string | Uint8Array>, yaml = ''): Promise<string> {
  const corpus = path.join(await tempFolder(), 'corpus');
  await cp(path.join(basicCase, 'corpus'), corpus, { recursive: true });
  for (const [relPath, content] of Object.entries(extra)) {
    await mkdir(path.dirname(path.join(corpus, relPath)), { recursive: true });
    await writeFile(path.join(corpus, relPath), content);
  }
  if (yaml) await writeFile(path.join(corpus, 'corpus.yaml'), (await readFile(path.join(corpus, 'corpus.yaml'), 'utf8')) + yaml);
  return corpus;
}

/** `runAnalyze` on `corpusDir` with the basic codebook (characters as CJK words, no cache, 3 top terms), `overrides` last, into a new folder unless `overrides.outDir`. */
export async function analyseWithBasicCodebook(
  tempFolder: () => Promise<string>,
  corpusDir: string,
  overrides: Partial<AnalyzeOptions> = {},
  hooks: AnalyzeHooks = {},
) {
  const outDir = overrides.outDir ?? path.join(await tempFolder(), 'out');
  const options = {
    corpusDir,
    codebookPath: path.join(basicCase, 'codebook.yaml'),
    cjkWords: 'characters',
    cacheDir: null,
    topTerms: 3,
    ...overrides,
    outDir,
  } as const;
  const outcome = await runAnalyze(options, hooks);
  const read = (name: string) => readFile(path.join(outDir, name), 'utf8');
  const manifest = async () => JSON.parse(await read('manifest.json')) as { inputs: InputRecord[]; diagnostics: Diagnostic[] };
  return { outcome, outDir, read, manifest };
}
