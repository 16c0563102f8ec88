import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCodebook } from '../../src/codebook/read-codebook.ts';
import { readDocxText } from '../../src/ingest/read-docx-text.ts';
import { parseCorpusYaml } from '../../src/ingest/parse-corpus-yaml.ts';
import { runCorpus } from '../../src/run/run-corpus.ts';

/**
 * The bundled corpus (corpus/) holds real documents only, each described with its provenance, and
 * each equal to the shared source file it names. The comparisons with ../shared/data skip, with a
 * message, where that folder is absent.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const corpusDir = path.join(repoRoot, 'corpus');
const sharedData = path.resolve(repoRoot, '../shared/data');
const hasShared = existsSync(path.join(sharedData, 'manifest.json'));
if (!hasShared) console.warn(`[bundled-corpus source checks skipped] ${sharedData} is absent.`);
const hasPython = spawnSync('python3', ['--version']).status === 0;

const { entries } = parseCorpusYaml(readFileSync(path.join(corpusDir, 'corpus.yaml'), 'utf8'), 'corpus.yaml');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the bundled corpus', () => {
  it('passes `corpus --check`: every file listed, dated, in a series; only single-document-series warnings', { timeout: 60_000 }, async () => {
    const outcome = await runCorpus({ corpusDir, cacheDir: null, cjkWords: 'icu' });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.failing).toBe(0);
    expect(outcome.diagnostics.filter((d) => d.severity !== 'info' && d.rule !== 'corpus/single-document-series')).toEqual([]);
    expect(outcome.rows.map((row) => row.file).sort()).toEqual(entries.map((entry) => entry.file).sort());
    expect(outcome.rows.every((row) => row.source === entries.find((entry) => entry.file === row.file)?.source)).toBe(true);
  });

  it('describes each document with a Chinese title and its English gloss, issuer, level, series, language zh and a source naming a commit', () => {
    expect(entries.length).toBeGreaterThanOrEqual(10);
    for (const { file, meta, source } of entries) {
      expect(meta.title, file).toMatch(/^\p{Script=Han}.* \([A-Z][^)]*.*\)$/u);
      expect(meta.issuer, file).toMatch(/\p{Script=Han}.*\(.+\)/u);
      expect(meta.date, file).toMatch(/^\d{4}(-\d{2}-\d{2})?$/);
      expect(meta.level, file).toMatch(/^(national|local)$/);
      expect(meta.series, file).toBeTruthy();
      expect(meta.language, file).toBe('zh');
      expect(source, file).toMatch(/^github\.com\/[\w.-]+\/[\w.-]+ @ [0-9a-f]{40}, /);
    }
  });

  it('says so in the title of a text cut at Excel’s 32,767-character cell limit', () => {
    const cut = entries.filter((entry) => entry.file.endsWith('.txt') && readFileSync(path.join(corpusDir, entry.file), 'utf8').length === 32_767);
    expect(cut.map((entry) => entry.meta.id)).toEqual(['cn-2014-smart-community-guidelines']);
    for (const entry of cut) expect(entry.meta.title).toContain('cut at 32,767 characters');
  });

  it('keeps the national milestones in one series and gives each 2024 city report a series of its own', () => {
    const national = entries.filter((entry) => entry.meta.level === 'national');
    expect(new Set(national.map((entry) => entry.meta.series))).toEqual(new Set(['china-national']));
    const cities = entries.filter((entry) => entry.meta.level === 'local');
    expect(cities.length).toBeGreaterThanOrEqual(4);
    expect(new Set(cities.map((entry) => entry.meta.series)).size).toBe(cities.length);
    expect(cities.map((entry) => entry.meta.series)).toContain('shenzhen');
  });
});

describe("the default codebook's self-tests", () => {
  it('quote sentences of the bundled documents verbatim, examples and non-examples alike', { timeout: 60_000 }, async () => {
    const texts: string[] = [];
    for (const { file } of entries) {
      const bytes = readFileSync(path.join(corpusDir, file));
      if (!file.endsWith('.docx')) texts.push(bytes.toString('utf8'));
      else {
        const read = await readDocxText(new Uint8Array(bytes));
        if ('text' in read) texts.push(read.text);
      }
    }
    expect(texts).toHaveLength(entries.length);
    const { codebook } = await readCodebook(path.join(repoRoot, 'codebooks/smart-city.yaml'));
    const sentences = codebook!.themes.flatMap((theme) => theme.codes.flatMap((code) => [...(code.examples ?? []), ...(code.nonExamples ?? [])]));
    expect(sentences.length).toBeGreaterThanOrEqual(47);
    for (const sentence of sentences)
      expect(
        texts.some((text) => text.includes(sentence)),
        sentence,
      ).toBe(true);
  });
});

describe.skipIf(!hasShared)('the bundled corpus against its sources in ../shared/data', () => {
  // Read only when present: a skipped describe's body still runs while the tests are collected.
  const manifest = (hasShared ? JSON.parse(readFileSync(path.join(sharedData, 'manifest.json'), 'utf8')) : []) as Array<{
    file: string;
    sha256: string;
    source_repo: string;
    source_path: string;
    source_commit: string;
  }>;

  it('holds the .docx work reports byte for byte as the source repository has them, at the commit its source line names', () => {
    const docx = entries.filter((entry) => entry.file.endsWith('.docx'));
    expect(docx.length).toBeGreaterThanOrEqual(5);
    for (const { file, source } of docx) {
      const sourcePath = source!.match(/, (data\/docxV\/[^ ]+\.docx)/)?.[1];
      const shared = manifest.find((m) => m.source_path === sourcePath);
      expect(shared, file).toBeDefined();
      expect(source).toContain(`github.com/${shared!.source_repo} @ ${shared!.source_commit}`);
      expect(sha256(readFileSync(path.join(corpusDir, file))), file).toBe(shared!.sha256);
    }
  });

  it('extracts each .docx to the text of the source repository’s own conversion (data/txt_doc_level), whitespace aside', { timeout: 60_000 }, async () => {
    const compact = (text: string) => text.replace(/\s+/gu, '');
    for (const { file, source } of entries.filter((entry) => entry.file.endsWith('.docx'))) {
      const city = source!.match(/data\/docxV\/([^ ]+)\.docx/)?.[1];
      const independent = readFileSync(path.join(sharedData, 'zh/city_work_reports_2024/txt', `${city}.txt`), 'utf8');
      const read = await readDocxText(new Uint8Array(readFileSync(path.join(corpusDir, file))));
      expect('text' in read, file).toBe(true);
      if ('text' in read) expect(compact(read.text) === compact(independent), file).toBe(true);
    }
  });

  it('holds the three milestones the shared data also has as text files, byte for byte', () => {
    const pairs = [
      ['national/2014-08-smart-city-guiding-opinions.txt', 'zh/smart_city_milestones/2014-national-guiding-opinions.txt'],
      ['national/2017-10-19th-cpc-congress-report.txt', 'zh/smart_city_milestones/2017-19th-cpc-congress-report.txt'],
      [
        'national/2024-05-smart-city-digital-transformation-opinions.txt',
        'zh/smart_city_milestones/2024-national-smart-city-digital-transformation-guiding-opinions.txt',
      ],
    ];
    for (const [bundled, shared] of pairs) {
      expect(readFileSync(path.join(corpusDir, bundled!)).equals(readFileSync(path.join(sharedData, shared!))), bundled).toBe(true);
    }
  });

  it.skipIf(!hasPython)('holds every spreadsheet and JSONL text exactly as its cell or field (scripts/extract-bundled-corpus.py --check)', () => {
    const output = execFileSync('python3', [path.join(repoRoot, 'scripts/extract-bundled-corpus.py'), '--check'], { encoding: 'utf8' });
    expect(output).toContain('every bundled document equals its source');
  });
});
