import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const basic = path.join(repoRoot, 'tests/e2e/cases/basic');
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

/** The basic case has series demo (a2012, b2018) and zh (c2017). */
describe('analyze --compare-by FIELD=VALUE that no document has', () => {
  const run = async (compareBy: string) => {
    const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-compare-empty-'));
    folders.push(folder);
    const out = path.join(folder, 'out');
    const args = ['analyze', '--corpus', path.join(basic, 'corpus'), '--codebook', path.join(basic, 'codebook.yaml'), '--no-cache', '--out', out];
    const result = await runCli([...args, '--compare-by', compareBy]);
    return { ...result, summary: result.stdout, report: await readFile(path.join(out, 'report.md'), 'utf8') };
  };

  it('warns on stderr and in the summary and report, naming the values there are', async () => {
    const { code, stderr, summary, report } = await run('series=dmeo');
    expect(code).toBe(0);
    expect(stderr).toContain(
      'warning: --compare-by series=dmeo: no document has series = dmeo, so nothing was compared (the values are "demo", "zh"). [results/compare-group-empty]',
    );
    expect(stderr).toContain('hint: give one of the values above');
    expect(summary).toContain('no document has series = dmeo');
    expect(report).toContain('compare-group-empty');
  });

  it('says nothing when the group exists', async () => {
    const { stderr } = await run('series=demo');
    expect(stderr).not.toContain('compare-group-empty');
  });
});
