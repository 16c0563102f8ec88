import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSample } from '../../src/run/run-sample.ts';
import { runValidate } from '../../src/run/run-validate.ts';
import { parseCsv } from '../../src/validate/parse-csv.ts';
import { parseGoldCsv } from '../../src/validate/parse-gold-csv.ts';

/**
 * corpus/gold/recall-sentences.csv: 220 sentences drawn with
 * `sample --sentences 220 --seed recall-2026 --corpus VC` from the folder that
 * scripts/make-validation-corpus.sh builds (bundled corpus + the 2000-2025 work reports of
 * ../shared/data), coded by hand. These tests check that the shipped file still parses, that every
 * row aligns with its sentence (the `text` column equals the unit's text), and that the same
 * command draws the same sentences again.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const reports = path.resolve(repoRoot, '../shared/data/zh/gov_work_reports/by_year');
const goldPath = path.join(repoRoot, 'corpus/gold/recall-sentences.csv');
const available = existsSync(reports);
if (!available) console.warn(`skipping the recall gold-file tests: ${reports} is absent (it exists only beside the development checkout)`);

const CODES = [
  'technology-centrism/digital-infrastructure',
  'technology-centrism/data-and-platforms',
  'technology-centrism/innovation-economy',
  'sustainability/environment',
  'sustainability/social-equity',
  'participation/participation-mechanisms',
  'participation/citizens',
  'participation/people-oriented',
  'governance/government-led',
  'governance/planning-and-standards',
  'governance/regulation-and-coordination',
  'governance/enterprises',
];

let work = '';
let corpusDir = '';
beforeAll(async () => {
  if (!available) return;
  work = await mkdtemp(path.join(tmpdir(), 'policycoder-recall-'));
  corpusDir = path.join(work, 'vc');
  execFileSync('bash', [path.join(repoRoot, 'scripts/make-validation-corpus.sh'), corpusDir], { stdio: 'pipe' });
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(!available)('the recall gold file corpus/gold/recall-sentences.csv', () => {
  it('parses: 220 sentences, every code a full theme/code id of the default codebook, no licence footer left', async () => {
    const { rows, diagnostics } = parseGoldCsv(await readFile(goldPath, 'utf8'), goldPath);
    expect(diagnostics).toEqual([]);
    const units = new Set(rows.map((row) => `${row.document}#${row.unit}`));
    expect(units.size).toBe(220);
    for (const row of rows) if (row.code !== null) expect(CODES).toContain(row.code);
    // The Wikisource footer (本作品是中华人民共和国的法律……) is boilerplate in the validation corpus now.
    expect(rows.some((row) => row.text?.includes('著作权法') || row.text?.includes('维基文库'))).toBe(false);
  });

  it('aligns with the validation corpus: every row is compared, none is left out', async () => {
    const outcome = await runValidate({
      corpusDir,
      codebookPath: path.join(repoRoot, 'codebooks/smart-city.yaml'),
      goldPath,
      outDir: path.join(work, 'out'),
      unit: 'sentence',
      cacheDir: null,
    });
    expect(outcome.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.summary).toContain('220 sentences in 35 documents compared');
  }, 120_000);

  it('is drawn again, sentence for sentence, by sample --sentences 220 --seed recall-2026', async () => {
    const redrawn = path.join(work, 'redrawn.csv');
    const outcome = await runSample({
      corpusDir,
      codebookPath: path.join(repoRoot, 'codebooks/smart-city.yaml'),
      cacheDir: null,
      outPath: redrawn,
      seed: 'recall-2026',
      perStratum: 30,
      byTerm: false,
      sentences: 220,
      force: false,
    });
    expect(outcome.exitCode).toBe(0);
    // The fresh draw has an empty `code` column, which the gold parser rejects: read it as plain CSV.
    const sentencesOf = async (file: string) => {
      const [, ...records] = parseCsv(await readFile(file, 'utf8')).records;
      return [...new Set(records.map(({ fields }) => `${fields[0]}#${fields[1]}\t${fields[3]}`))];
    };
    expect(await sentencesOf(redrawn)).toEqual(await sentencesOf(goldPath));
  }, 120_000);
});
