import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../../../src/run.ts';
import { fixturePath } from './format-fixtures.ts';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function analyse(codebook: string): Promise<(name: string) => Promise<string>> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'policycoder-formats-'));
  folders.push(outDir);
  const outcome = await runAnalyze({
    corpusDir: fixturePath('corpus'),
    codebookPath: fixturePath(codebook),
    outDir,
    cjkWords: 'characters',
    cacheDir: null,
    topTerms: 3,
  });
  expect(outcome.diagnostics).toEqual([]);
  expect(outcome.exitCode).toBe(0);
  return (name) => readFile(path.join(outDir, name), 'utf8');
}

describe('analyze --codebook takes each format directly, with the same reports as the native twin', () => {
  for (const [file, twin] of [
    ['city.dic', 'city-liwc-twin.yaml'],
    ['city.dicx', 'city-liwc-twin.yaml'],
    ['city.cat', 'city-wordstat-twin.yaml'],
  ] as const) {
    it(`${file}: frequencies, terms and evidence equal those of ${twin}`, async () => {
      const [read, readTwin] = await Promise.all([analyse(file), analyse(twin)]);
      for (const report of ['frequencies.csv', 'terms.csv', 'evidence.csv']) {
        expect(await read(report), report).toBe(await readTwin(report));
      }
      // Counted by hand (see parse-liwc-dic.test.ts and parse-wordstat-cat.test.ts).
      const frequencies = await read('frequencies.csv');
      if (file === 'city.cat') expect(frequencies).toContain(',ENVIRONMENT,GREEN.URBAN,2,');
      else expect(frequencies).toContain(',transport,transport,4,');
    });
  }
});
