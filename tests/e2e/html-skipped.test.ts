import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/run.ts';
import { REPORT_HTML_MAX_DOCUMENTS } from '../../src/report/render-reports.ts';

describe('a corpus above the report.html limit', () => {
  let work: string;
  const documents = REPORT_HTML_MAX_DOCUMENTS + 1;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'policycoder-html-skipped-'));
    await mkdir(path.join(work, 'corpus'));
    for (let k = 0; k < documents; k++)
      await writeFile(path.join(work, 'corpus', `doc-${String(k).padStart(4, '0')}.txt`), 'The city builds a data platform.\n');
    await writeFile(path.join(work, 'codebook.yaml'), 'tech:\n  data:\n    - data\n');
  }, 60_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('skips report.html and says so in report.md and manifest.json alike', async () => {
    const outDir = path.join(work, 'out');
    const outcome = await runAnalyze({
      corpusDir: path.join(work, 'corpus'),
      codebookPath: path.join(work, 'codebook.yaml'),
      outDir,
      cjkWords: 'characters',
      cacheDir: null,
      topTerms: 3,
      threads: 0,
    });
    expect(outcome.outputs).not.toContain('report.html');
    const manifest = JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8')) as { diagnostics: Array<{ rule: string }> };
    expect(manifest.diagnostics.map((d) => d.rule)).toContain('report/html-skipped');
    const report = await readFile(path.join(outDir, 'report.md'), 'utf8');
    expect(report).toContain(`report.html was not written: ${documents} documents`);
  }, 120_000);
});
