import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const fixtures = 'tests/fixtures/codebooks/lint';
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

const cli = (...args: string[]) => runCli(args);

describe('policycoder diff (spawned CLI)', () => {
  it('prints the changed document x code rows and writes the CSV', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-diff-'));
    folders.push(folder);
    const csv = path.join(folder, 'changes.csv');
    const { code, stdout, stderr } = await cli(
      'diff',
      `${fixtures}/diff-old.yaml`,
      `${fixtures}/diff-new.yaml`,
      '--corpus',
      `${fixtures}/corpus`,
      '--out',
      csv,
      '--no-cache',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('(2 documents)');
    expect(stdout).toMatch(/^a\s+tech\/sensing\s+2\s+1\s+-1\s+sensors 0->1; sensor\* 1->0; camera\* 1->0\s+-$/m);
    expect(stdout).toContain(`wrote ${csv}`);
    const rows = (await readFile(csv, 'utf8')).trimEnd().split('\n');
    expect(rows).toHaveLength(9);
    expect(rows[3]).toBe('a,participation,hearings,changed,1,0,-1,public hearing* 1->0,negation 0->1');
  });

  it('the same codebook twice: nothing changes', async () => {
    const { code, stdout } = await cli('diff', `${fixtures}/diff-old.yaml`, `${fixtures}/diff-old.yaml`, '--corpus', `${fixtures}/corpus`, '--no-cache');
    expect(code).toBe(0);
    expect(stdout).toContain('No count changes');
  });

  it('usage errors: no --corpus, --out not .csv (exit 2)', async () => {
    const noCorpus = await cli('diff', `${fixtures}/diff-old.yaml`, `${fixtures}/diff-new.yaml`);
    expect(noCorpus.code).toBe(2);
    expect(noCorpus.stderr).toContain('--corpus DIR');
    expect((await cli('diff', `${fixtures}/diff-old.yaml`, `${fixtures}/diff-new.yaml`, '--corpus', `${fixtures}/corpus`, '--out', 'x.txt')).code).toBe(2);
  });
});
