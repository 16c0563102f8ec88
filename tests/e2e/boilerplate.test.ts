/**
 * Boilerplate rules and include/exclude patterns end to end, on a small corpus written for this
 * test (the texts are invented; the licence line only imitates a Wikisource footer). Expected
 * counts are worked out by hand from the texts below with the `basic` case's codebook
 * (data: big data, data, data-shar*; devices: sensor*, IoT, 5G; environment: green, low-carbon, ecolog*)
 * and `--cjk-words characters` (a CJK character is a word).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/run.ts';
import type { InputRecord } from '../../src/types.ts';
import { repoRoot, runCli } from '../support/run-cli.ts';

const codebook = path.join(repoRoot, 'tests/e2e/cases/basic/codebook.yaml');
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

const REPORT = [
  'Green data plan for the city.', // line 1: green 1, data 1; 6 words
  'Big data helps.', //               line 2: big data 1 (data code: the longest match); 3 words
  '- 1 -', //                         line 3: page furniture; 1 word (the digit)
  'Big data again.', //               line 4: big data 1; 3 words
  '本作品 licence: data data green', // line 5: footer; data 2, green 1; 3 + 4 = 7 words; 24 characters besides spaces
  'Public domain', //                 line 6: footer; 2 words, 12 characters
].join('\n');
// Line 1 goes: data 1, 5 words, 29 characters; the other lines: 4 + 7 words, 66 characters (so the header is 31% of the text).
const HEADER = ['Source: database header with data', 'Sensors and green data.', 'Housing, schools and transport are planned together.'].join('\n');
const PLAIN = 'Green data.';

const YAML = `# Written for the boilerplate test.
exclude: [drafts/**]
boilerplate:
  - name: licence
    files: report.txt
    drop_from: 本作品
  - name: page-numbers
    drop_lines: '^- \\d+ -$'
documents:
  - file: report.txt
    id: report
  - file: header.txt
    id: header
    boilerplate:
      - name: database-header
        drop_until: 'Source:'
  - file: plain.txt
    id: plain
    boilerplate:
      - name: missing-footer
        drop_from: END OF DOCUMENT
  - file: drafts/draft.txt
    id: draft
`;

async function makeCorpus(withYaml: boolean): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-boilerplate-'));
  folders.push(folder);
  const corpus = path.join(folder, 'corpus');
  await mkdir(path.join(corpus, 'drafts'), { recursive: true });
  await writeFile(path.join(corpus, 'report.txt'), REPORT);
  await writeFile(path.join(corpus, 'header.txt'), HEADER);
  await writeFile(path.join(corpus, 'plain.txt'), PLAIN);
  await writeFile(path.join(corpus, 'drafts/draft.txt'), 'data data data');
  if (withYaml) await writeFile(path.join(corpus, 'corpus.yaml'), YAML);
  return corpus;
}

async function analyse(corpus: string) {
  const outDir = path.join(path.dirname(corpus), 'out');
  const outcome = await runAnalyze({ corpusDir: corpus, codebookPath: codebook, outDir, cjkWords: 'characters', cacheDir: null, topTerms: 3 });
  const read = (name: string) => readFile(path.join(outDir, name), 'utf8');
  const counts: Record<string, Record<string, number>> = {};
  const [head, ...rows] = (await read('frequencies.csv'))
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  const at = (name: string) => head!.indexOf(name);
  for (const row of rows) {
    const document = (counts[row[at('document')]!] ??= {});
    document[row[at('code')]!] = Number(row[at('count')]);
    document.words = Number(row[at('words')]);
  }
  const manifest = JSON.parse(await read('manifest.json')) as { inputs: InputRecord[] };
  return { outcome, counts, manifest, read };
}

describe('boilerplate rules and selection patterns (analyze)', () => {
  it('without rules everything counts; with them the footer, the page number and the header do not', async () => {
    const before = await analyse(await makeCorpus(false));
    expect(before.counts.report).toEqual({ data: 5, devices: 0, environment: 2, words: 22 });
    expect(before.counts.header).toEqual({ data: 2, devices: 1, environment: 1, words: 16 });
    expect(before.counts['draft']).toEqual({ data: 3, devices: 0, environment: 0, words: 3 });

    const after = await analyse(await makeCorpus(true));
    expect(after.counts.report).toEqual({ data: 3, devices: 0, environment: 1, words: 12 });
    expect(after.counts.header).toEqual({ data: 1, devices: 1, environment: 1, words: 11 });
    expect(after.counts.plain).toEqual({ data: 1, devices: 0, environment: 1, words: 2 });
    expect(after.counts.draft).toBeUndefined();
  });

  it('records what each rule removed per input, lists the excluded draft, and warns about the rule that missed', async () => {
    const { outcome, manifest, read } = await analyse(await makeCorpus(true));
    const input = (relPath: string) => manifest.inputs.find((candidate) => candidate.relPath === relPath);
    expect(input('report.txt')!.boilerplate).toEqual([
      { rule: 'licence', characters: 36, lines: 2, words: 9 },
      { rule: 'page-numbers', characters: 3, lines: 1, words: 1 },
    ]);
    expect(input('header.txt')!.boilerplate).toEqual([
      { rule: 'page-numbers', characters: 0, lines: 0, words: 0 },
      { rule: 'database-header', characters: 29, lines: 1, words: 5 },
    ]);
    expect(input('drafts/draft.txt')).toEqual({
      relPath: 'drafts/draft.txt',
      format: 'txt',
      bytes: 0,
      sha256: '',
      status: 'excluded',
      reason: 'excluded by the pattern `drafts/**` (corpus.yaml line 2)',
    });
    // The excluded draft is no missing file; the rule aimed at plain.txt that removed nothing is a warning there.
    expect(outcome.diagnostics.map((d) => [d.rule, path.basename(d.file ?? '')])).toEqual([['corpus/boilerplate-no-effect', 'plain.txt']]);
    expect(outcome.exitCode).toBe(0);
    const report = await read('report.md');
    expect(report).toContain('| report | licence | 36 | 2 | 9 |');
    expect(report).toContain('1 file was excluded and not read');
    expect(await read('report.html')).toContain('<td>report</td><td>licence</td><td class="num">36</td>');
  });

  it('keeps offsets and lines of the extracted text: evidence after a removed line keeps its line number', async () => {
    const { read } = await analyse(await makeCorpus(true));
    const [head, ...rows] = (await read('evidence.csv')).trim().split('\n');
    const columns = head!.split(',');
    const reportRows = rows.map((line) => line.split(',')).filter((cells) => cells[columns.indexOf('document')] === 'report');
    expect(reportRows.map((cells) => [cells[columns.indexOf('term')], cells[columns.indexOf('line')], cells[columns.indexOf('start')]])).toEqual([
      ['green', '1', '0'],
      ['data', '1', '6'],
      ['big data', '2', '30'],
      ['big data', '4', '52'], // "Green data plan for the city.\n" is 30, "Big data helps.\n" 16, "- 1 -\n" 6: 52
    ]);
  });
});

describe('boilerplate and selection on the command line', () => {
  it('--exclude narrows analyze; corpus shows the removals and does not call excluded files "not listed"', async () => {
    const corpus = await makeCorpus(true);
    const out = path.join(path.dirname(corpus), 'cli-out');
    const analysed = await runCli([
      'analyze',
      '--corpus',
      corpus,
      '--codebook',
      codebook,
      '--out',
      out,
      '--no-cache',
      '--cjk-words',
      'characters',
      '--exclude',
      'plain.txt',
      '--quiet',
    ]);
    expect(analysed.stderr).toBe('');
    expect(analysed.code).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { options: Record<string, unknown>; inputs: InputRecord[] };
    expect(manifest.options.exclude).toEqual(['plain.txt']);
    expect(manifest.inputs.map((input) => [input.relPath, input.status])).toEqual([
      ['drafts/draft.txt', 'excluded'],
      ['header.txt', 'analysed'],
      ['plain.txt', 'excluded'],
      ['report.txt', 'analysed'],
    ]);

    const listed = await runCli(['corpus', '--corpus', corpus, '--no-cache', '--cjk-words', 'characters', '--check']);
    expect(listed.stdout).toContain('licence: 36 chars, 2 lines, 9 words; page-numbers: 3 chars, 1 line, 1 word');
    expect(listed.stdout).toContain('3 documents (1 more excluded: by include/exclude patterns, hidden or READMEs)');
    expect(listed.stderr).not.toContain('draft.txt');
    expect(listed.stderr).toContain('[corpus/boilerplate-no-effect]');
    expect(listed.code).toBe(1); // a rule that missed its document fails the check
  });

  it('refuses a pattern that leaves the corpus folder as a usage error', async () => {
    const corpus = await makeCorpus(false);
    const result = await runCli(['corpus', '--corpus', corpus, '--exclude', '../other/**']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--exclude ../other/**: `../other/**` points outside the corpus folder.');
  });
});
