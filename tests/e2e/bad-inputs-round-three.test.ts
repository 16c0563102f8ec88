/**
 * Bad inputs of issue 14's third round, fed next to the good documents of the `basic` case
 * (texts written for the tests): each must be analysed or named with its reason, never vanish.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempFolders } from '../support/temp-folders.ts';
import { analyseWithBasicCodebook, basicCorpusWith } from '../support/basic-corpus.ts';
import type { InputRecord } from '../../src/types.ts';
import { runCli } from '../support/run-cli.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const basic = path.join(repoRoot, 'tests/e2e/cases/basic');
const { tempFolder: temporaryFolder, removeAll } = tempFolders('policycoder-bad3-');
afterAll(removeAll);

/** The basic corpus plus `extra` files (relative path -> content), with `yaml` appended to corpus.yaml. */
const corpusWith = (extra: Record<string, string | Uint8Array>, yaml = ''): Promise<string> => basicCorpusWith(temporaryFolder, extra, yaml);

async function analyse(corpusDir: string) {
  const analysis = await analyseWithBasicCodebook(temporaryFolder, corpusDir);
  return { ...analysis, manifest: await analysis.manifest() };
}

const statusOf = (inputs: InputRecord[], relPath: string) => inputs.find((input) => input.relPath === relPath);

describe('hidden files and READMEs never vanish', () => {
  it('a dot-file, a file in a dot-folder and README.txt are listed as excluded with the reason, and counted in report.md', async () => {
    const corpus = await corpusWith({ '.2020-plan.txt': 'big data', '.drafts/x.txt': 'big data', 'README.txt': 'about this corpus' });
    const { outcome, read, manifest } = await analyse(corpus);
    expect(outcome.exitCode).toBe(0);
    expect(statusOf(manifest.inputs, '.2020-plan.txt')).toMatchObject({ status: 'excluded', reason: expect.stringMatching(/^hidden: /) });
    expect(statusOf(manifest.inputs, '.drafts/x.txt')).toMatchObject({ status: 'excluded', reason: expect.stringMatching(/^hidden: /) });
    expect(statusOf(manifest.inputs, 'README.txt')).toMatchObject({ status: 'excluded', reason: expect.stringMatching(/^a README/) });
    expect(await read('report.md')).toContain('3 files were excluded and not read');
  });

  it('a corpus.yaml entry naming a hidden file or README analyses it (an explicit entry wins), with no missing-file error', async () => {
    const yaml = '  - file: .drafts/x.txt\n    id: drafts-x\n  - file: .2020-plan.txt\n    id: plan-2020\n  - file: README.txt\n    id: readme\n';
    const corpus = await corpusWith({ '.2020-plan.txt': 'big data', '.drafts/x.txt': 'big data', 'README.txt': 'about this corpus' }, yaml);
    const { outcome, manifest } = await analyse(corpus);
    expect(outcome.exitCode).toBe(0);
    for (const [relPath, documentId] of [
      ['.drafts/x.txt', 'drafts-x'],
      ['.2020-plan.txt', 'plan-2020'],
      ['README.txt', 'readme'],
    ]) {
      expect(statusOf(manifest.inputs, relPath!)).toMatchObject({ status: 'analysed', documentId });
    }
    expect(manifest.diagnostics.filter((d) => d.rule === 'corpus/missing-file')).toEqual([]);
  });
});

describe('empty command-line values (spawned CLI)', () => {
  it('--out "" is refused (exit 2) instead of "The output folder  contains..."', async () => {
    const { code, stderr } = await runCli(['analyze', '--corpus', path.join(basic, 'corpus'), '--codebook', path.join(basic, 'codebook.yaml'), '--out', '']);
    expect(code).toBe(2);
    expect(stderr).toContain('error: --out is given an empty value');
    expect(stderr).not.toContain('output folder  contains');
  });

  it("kwic '' is refused (exit 2) instead of exit 0", async () => {
    const { code, stderr } = await runCli(['kwic', '', '--corpus', path.join(basic, 'corpus'), '--codebook', path.join(basic, 'codebook.yaml')]);
    expect(code).toBe(2);
    expect(stderr).toContain('error: an argument is empty');
  });
});
