import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runAnalyze } from '../../src/run.ts';

const cases = path.resolve(import.meta.dirname, 'cases/rules');
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

it('matches removed by context rules are not counted but listed in excluded.csv with rule and reason', async () => {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'policycoder-rules-')), 'out');
  folders.push(path.dirname(out));
  const outcome = await runAnalyze({
    corpusDir: path.join(cases, 'corpus'),
    codebookPath: path.join(cases, 'codebook.yaml'),
    outDir: out,
    cjkWords: 'characters',
    cacheDir: null,
    topTerms: 3,
  });
  expect(outcome.exitCode).toBe(0);
  // Hand count: `Smart` counts, `smartphones` is an exception; `lack of public participation` is negated,
  // `Public participation grew` counts. Words: 5 + 8 + 3 = 16, so 1 per 16 words = 62.500 per 1,000.
  const frequencies = (await readFile(path.join(out, 'frequencies.csv'), 'utf8')).trim().split('\n').slice(1);
  // Then the rate's exact 95% interval, R: sprintf("%.3f", poisson.test(1, 16)$conf.int * 1000) = 1.582 348.228.
  expect(frequencies.map((row) => row.split(',').slice(-7).join(','))).toEqual([
    't,smart,1,16,62.500,1.582,348.228',
    't,participation,1,16,62.500,1.582,348.228',
  ]);
  const excluded = (await readFile(path.join(out, 'excluded.csv'), 'utf8')).trim().split('\n');
  expect(excluded[0]).toBe('document,theme,code,term,matched,page,line,column,sentence,paragraph,start,end,left,right,rule,reason');
  expect(excluded.slice(1).map((row) => row.split(','))).toEqual([
    expect.arrayContaining(['2020-rules', 't', 'smart', 'smart*', 'smartphones', 'except', '"inside the exception ""smartphones"""']),
    expect.arrayContaining(['2020-rules', 't', 'participation', 'public participation', 'negation', '"after the negation cue ""lack of"""']),
  ]);
  const evidence = (await readFile(path.join(out, 'evidence.csv'), 'utf8')).trim().split('\n').slice(1);
  expect(evidence.map((row) => row.split(',')[4])).toEqual(['Smart', 'Public participation']);
});
