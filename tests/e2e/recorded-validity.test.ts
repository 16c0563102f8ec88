import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCodebook } from '../../src/codebook/read-codebook.ts';
import { runReview } from '../../src/run/run-review.ts';
import { runValidate } from '../../src/run/run-validate.ts';
import { parseCsv } from '../../src/text/parse-csv.ts';
import type { Codebook } from '../../src/types.ts';

/**
 * The default codebook's `validation:` records are what its sheets give today: precision from the
 * judged precision sheet and recall from the recall gold file, both measured again here on the
 * folder scripts/make-validation-corpus.sh builds, with the codebook as it is. A term edited
 * without measuring again fails this test (and `lint` warns: codebook/validation-outdated).
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const reports = path.resolve(repoRoot, '../shared/data/zh/gov_work_reports/by_year');
const available = existsSync(reports);
if (!available) console.warn(`skipping the recorded-validity tests: ${reports} is absent (it exists only beside the development checkout)`);
const codebookPath = path.join(repoRoot, 'codebooks/smart-city.yaml');

/** 95% Wilson score interval, from Wilson (1927), rounded as the records are. */
function wilson(yes: number, n: number): { estimate: number; low: number; high: number; n: number } {
  const z = 1.959963984540054;
  const p = yes / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const scale = 1 + (z * z) / n;
  const round3 = (x: number) => Number(x.toFixed(3));
  return { estimate: round3(p), low: round3((centre - half) / scale), high: round3((centre + half) / scale), n };
}

let work = '';
let corpusDir = '';
let codebook: Codebook;
beforeAll(async () => {
  codebook = (await readCodebook(codebookPath)).codebook!;
  if (!available) return;
  work = await mkdtemp(path.join(tmpdir(), 'policycoder-validity-'));
  corpusDir = path.join(work, 'vc');
  execFileSync('bash', [path.join(repoRoot, 'scripts/make-validation-corpus.sh'), corpusDir], { stdio: 'pipe' });
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const codes = () => codebook.themes.flatMap((theme) => theme.codes.map((code) => ({ id: `${theme.id}/${code.id}`, code })));

describe.skipIf(!available)('codebooks/smart-city.yaml: its validation records, measured again', () => {
  it('precision: every row of the precision sheet still counts, and each code gives its recorded figure', async () => {
    const outcome = await runReview({
      sheetPath: path.join(repoRoot, codebook.validation!.precisionSheet!),
      corpusDir,
      codebookPath,
      cacheDir: null,
      outDir: path.join(work, 'review'),
    });
    expect(outcome.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    for (const { id, code } of codes()) {
      const measured = outcome.precision!.find((entry) => `${entry.theme}/${entry.code}` === id)!;
      expect(code.validation?.precision, id).toEqual(wilson(measured.yes, measured.yes + measured.no));
    }
  }, 180_000);

  it('recall: each code finds the recorded share of the sentences the recall coder gave it', async () => {
    const outDir = path.join(work, 'recall');
    const outcome = await runValidate({
      corpusDir,
      codebookPath,
      goldPath: path.join(repoRoot, codebook.validation!.recallSheet!),
      outDir,
      unit: 'sentence',
      cacheDir: null,
    });
    expect(outcome.exitCode).toBe(0);
    const [header, ...rows] = parseCsv(await readFile(path.join(outDir, 'validation.csv'), 'utf8')).rows.map((row) => row.cells.map((cell) => cell.value));
    const at = (name: string) => header!.indexOf(name);
    for (const { id, code } of codes()) {
      const row = rows.find((cells) => `${cells[at('theme')]}/${cells[at('code')]}` === id)!;
      expect(code.validation?.recall, id).toEqual(wilson(Number(row[at('tp')]), Number(row[at('human')])));
    }
  }, 180_000);
});
