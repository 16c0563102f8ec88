import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
