import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/text/parse-csv.ts';
import { runCli } from '../support/run-cli.ts';

/**
 * The precision-review workflow on a fixture written for it (cases/review/README.md): sample ->
 * judge (cases/review/judged.csv, judged by hand) -> validate --review -> lint --review -> fix ->
 * re-measure. Expected precision and intervals are worked out by hand from the judgements, the
 * intervals with python3:
 *   Wilson(x, n), z = 1.959964: p = x/n, centre = (p + z²/2n) / (1 + z²/n),
 *   half = z / (1 + z²/n) * sqrt(p(1 - p)/n + z²/4n²); interval = centre ± half.
 *   4/8 -> [0.215, 0.785]; 3/7 -> [0.158, 0.750]; 1/1 -> [0.207, 1.000]; 2/5 -> [0.118, 0.769];
 *   4/4 -> [0.510, 1.000]; 3/3 -> [0.439, 1.000]; 2/2 -> [0.342, 1.000].
 */
const cases = 'tests/e2e/cases/review';
const corpus = `${cases}/corpus`;
const codebook = `${cases}/codebook.yaml`;
const judged = `${cases}/judged.csv`;
let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'policycoder-review-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args);

function readSheet(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, '')).rows.map((row) => row.cells.map((cell) => cell.value));
  return rows.filter((row) => row.length > 1).map((row) => Object.fromEntries(header!.map((name, k) => [name, row[k] ?? ''])));
}

describe('policycoder sample (spawned CLI)', () => {
  it('draws every match when a code has fewer than --per-code; the same seed gives the same bytes; judged.csv is that sheet, judged', async () => {
    const first = path.join(folder, 'first.csv');
    const second = path.join(folder, 'second.csv');
    const run = await cli('sample', '--corpus', corpus, '--codebook', codebook, '--out', first);
    expect(run.code).toBe(0);
    // Hand count of the fixture: US 7 + America 2; park* 8; 民意 5.
    expect(run.stdout).toContain('22 of 22 counted matches drawn (up to 30 per code, seed "1") from 2 documents');
    expect((await cli('sample', '--corpus', corpus, '--codebook', codebook, '--out', second)).code).toBe(0);
    const bytes = await readFile(first, 'utf8');
    expect(await readFile(second, 'utf8')).toBe(bytes);
    // The fixture sheet is this draw with judgement and note filled in.
    const blank = (rows: Array<Record<string, string>>) => rows.map((row) => ({ ...row, judgement: '', note: '' }));
    expect(blank(readSheet(await readFile(judged, 'utf8')))).toEqual(readSheet(bytes));
    const rows = readSheet(bytes);
    expect(rows.find((row) => row.id === '4')).toMatchObject({
      document: 'a-en',
      line: '1',
      code: 'country',
      term: 'US',
      matched: 'us',
      passage: 'Let 【us】 plan the car park behind the market.',
      before: 'The US will fund new parks in every district.',
      after: 'The US and America signed the treaty.',
      definition: 'The United States as a country.',
      drawn_from: 'code',
      population: '9',
    });
  });

  it('an existing sheet is not replaced without --force (exit 2)', async () => {
    const file = path.join(folder, 'keep.csv');
    await writeFile(file, 'my judgements');
    const run = await cli('sample', '--corpus', corpus, '--codebook', codebook, '--out', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: The sheet already exists; nothing was written. [sample/unwritable]');
    expect(await readFile(file, 'utf8')).toBe('my judgements');
  });

  it('--per-code 2 draws the two matches with the smallest SHA-256 keys of each code (computed here from the documented formula)', async () => {
    const file = path.join(folder, 'two.csv');
    expect((await cli('sample', '--corpus', corpus, '--codebook', codebook, '--out', file, '--per-code', '2', '--seed', 'abc')).code).toBe(0);
    const all = readSheet(await readFile(judged, 'utf8'));
    const key = (row: Record<string, string>) =>
      createHash('sha256')
        .update(['abc', row.document, `${row.theme}/${row.code}`, row.start, row.end].join('\0'))
        .digest('hex')
        .slice(0, 16);
    const expected = ['country', 'parks', 'opinion'].flatMap((code) =>
      all
        .filter((row) => row.code === code)
        .sort((a, b) => (key(a) < key(b) ? -1 : 1))
        .slice(0, 2)
        .map((row) => `${row.code} ${row.start}-${row.end}`),
    );
    expect(readSheet(await readFile(file, 'utf8')).map((row) => `${row.code} ${row.start}-${row.end}`)).toEqual(expected);
  });

  it('--per-term N draws N of each term, recording the term as the stratum and its number of matches', async () => {
    const file = path.join(folder, 'per-term.csv');
    expect((await cli('sample', '--corpus', corpus, '--codebook', codebook, '--out', file, '--per-term', '2')).code).toBe(0);
    const rows = readSheet(await readFile(file, 'utf8'));
    // Hand count: US 7, America 2, park* 8, 民意 5 matches; two of each, in codebook order.
    expect(rows.map((row) => `${row.term} ${row.drawn_from} ${row.population}`)).toEqual([
      'US term 7',
      'US term 7',
      'America term 2',
      'America term 2',
      'park* term 8',
      'park* term 8',
      '民意 term 5',
      '民意 term 5',
    ]);
  });

  it('--sentences N draws sentences as a gold file that validate --gold reads once coded', async () => {
    const file = path.join(folder, 'gold.csv');
    const run = await cli('sample', '--corpus', corpus, '--sentences', '4', '--seed', '7', '--out', file);
    expect(run.code).toBe(0);
    // The fixture has 2 + 4 + 5 English and 3 + 2 Chinese sentences (paragraph by paragraph).
    expect(run.stdout).toContain('4 of 16 sentences drawn (seed "7") from 2 documents');
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')[0]).toBe('\uFEFFdocument,unit,code,text,note');
    const rows = readSheet(text);
    expect(rows).toHaveLength(4);
    // Code each sentence by hand's rule for this fixture: the code its words are about, else `-`.
    const coded = rows.map((row) => {
      const text = row.text ?? '';
      const code = /\bUS\b|America/.test(text) ? 'country' : /\bparks\b/.test(text) ? 'parks' : /听取民意|征求民意/.test(text) ? 'opinion' : '-';
      return [row.document, row.unit, code, `"${text}"`, ''].join(',');
    });
    await writeFile(file, `document,unit,code,text,note\n${coded.join('\n')}\n`);
    const validate = await cli('validate', '--gold', file, '--corpus', corpus, '--codebook', codebook, '--out', path.join(folder, 'gold-out'));
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain(`4 sentences in`);
    // The first sentence pasted again: the same figures, and a warning naming both lines.
    await writeFile(file, `document,unit,code,text,note\n${coded.join('\n')}\n${coded[0]}\n`);
    const repeated = await cli('validate', '--gold', file, '--corpus', corpus, '--codebook', codebook, '--out', path.join(folder, 'gold-out-2'));
    expect(repeated.code).toBe(0);
    expect(repeated.stderr).toMatch(/warning: Lines 2, 6 give this unit the same code .*; it is counted once\..*\[gold\/repeated-row\]/);
    expect(repeated.stdout.replace(/gold-out-2/g, 'gold-out')).toBe(validate.stdout);
  });
});

describe('validate --review and lint --review (spawned CLI)', () => {
  it('validate --review: precision per code and term with Wilson intervals, counts of unsure and unjudged', async () => {
    const out = path.join(folder, 'review-out');
    const run = await cli('validate', '--review', judged, '--corpus', corpus, '--codebook', codebook, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Judgements (README): country 4 yes (US x3, America), 4 no (us), 1 unsure; parks 3 yes, 4 no
    // (car park), 1 not judged; opinion 2 yes, 3 no (农民意愿).
    expect(run.stdout).toMatch(/geo\/country\s+4\s+4\s+1\s+0\s+0\.500 \[0\.215, 0\.785\]/);
    expect(run.stdout).toMatch(/environment\/parks\s+3\s+4\s+0\s+1\s+0\.429 \[0\.158, 0\.750\]/);
    expect(run.stdout).toMatch(/voice\/opinion\s+2\s+3\s+0\s+0\s+0\.400 \[0\.118, 0\.769\]/);
    expect(await readFile(path.join(out, 'review.csv'), 'utf8')).toBe(
      [
        'level,theme,code,term,matches,yes,no,unsure,unjudged,precision,ci_low,ci_high,method,coverage',
        'code,geo,country,,9,4,4,1,0,0.500,0.215,0.785,wilson,',
        'term,geo,country,US,,3,4,0,0,0.429,0.158,0.750,wilson,',
        'term,geo,country,America,,1,0,1,0,1.000,0.207,1.000,wilson,',
        'code,environment,parks,,8,3,4,0,1,0.429,0.158,0.750,wilson,',
        'term,environment,parks,park*,,3,4,0,1,0.429,0.158,0.750,wilson,',
        'code,voice,opinion,,5,2,3,0,0,0.400,0.118,0.769,wilson,',
        'term,voice,opinion,民意,,2,3,0,0,0.400,0.118,0.769,wilson,',
        '',
      ].join('\n'),
    );
    expect(await readFile(path.join(out, 'review.md'), 'utf8')).toContain('| `geo/country` | 9 | 4 | 4 | 1 | 0 | 0.500 [0.215, 0.785] | wilson |');
  });

  it('lint --review names the three weak terms and the fix each one needs', async () => {
    const run = await cli('lint', codebook, '--review', judged, '--corpus', corpus);
    expect(run.code).toBe(0);
    const [us, park, opinion] = run.stderr.split(/\n(?=\S)/);
    expect(us).toContain(
      `${codebook}:10:17: warning: The term \`US\` of code \`country\` of theme \`geo\` has precision 0.429 (3 of 7 judged yes; 95% CI 0.158-0.750): likely below 0.800. [lint/low-precision]`,
    );
    expect(us).toContain('`{ term: US, case_sensitive: true }`: removes 4 of 4 rejected and 0 of 3 accepted passages; precision on the judged passages 1.000.');
    expect(park).toContain(`${codebook}:16:17: warning: The term \`park*\``);
    expect(park).toContain('Add `except: [car park*]` to the code: removes 4 of 4 rejected and 0 of 3 accepted passages');
    expect(opinion).toContain(`${codebook}:21:17: warning: The term \`民意\``);
    expect(opinion).toContain('Add `except: [农民意愿]` to the code: removes 3 of 3 rejected and 0 of 2 accepted passages');
    expect(opinion).toContain('`{ term: 民意, boundary: word }`: removes 3 of 3 rejected and 0 of 2 accepted passages');
    expect(run.stdout).toContain('20 judged rows (yes or no) of 4 terms; 3 terms likely below precision 0.800, 0 below it with too few judgements to tell');
    // The corpus table of Chinese terms read across a word boundary shows the same three.
    expect(run.stdout).toMatch(/voice\/opinion\s+民意\s+5\s+3\s+0\s+农民\|意愿 \(3\)/);
  });

  it('after the fixes the same sheet re-measures: rows the codebook no longer counts are listed and left out', async () => {
    const fixed = path.join(folder, 'fixed.yaml');
    const source = await readFile(codebook, 'utf8');
    await writeFile(
      fixed,
      source
        .replace('terms: [US, America]', 'terms: [{ term: US, case_sensitive: true }, America]')
        .replace('terms: [park*]', 'terms: [park*]\n        except: [car park*]')
        .replace('terms: [民意]', 'terms: [{ term: 民意, boundary: word }]'),
    );
    const run = await cli('validate', '--review', judged, '--corpus', corpus, '--codebook', fixed, '--out', path.join(folder, 'fixed-out'));
    expect(run.code).toBe(0);
    expect(run.stderr.match(/\[review\/not-counted\]/g)).toHaveLength(11);
    expect(run.stdout).toMatch(/geo\/country\s+4\s+0\s+1\s+0\s+1\.000 \[0\.510, 1\.000\]/);
    expect(run.stdout).toMatch(/environment\/parks\s+3\s+0\s+0\s+1\s+1\.000 \[0\.439, 1\.000\]/);
    expect(run.stdout).toMatch(/voice\/opinion\s+2\s+0\s+0\s+0\s+1\.000 \[0\.342, 1\.000\]/);
    expect(run.stdout).toContain('11 rows left out');

    // A new sheet with the same seed and --judged keeps the judgements of the rows both draw: the
    // fixed codebook counts US x3, America x2, parks x4 (not car park), 民意 x2, all in judged.csv,
    // which judged 10 of them (parks in "Children play in the parks" was left unjudged).
    const again = path.join(folder, 'again.csv');
    const sample = await cli('sample', '--corpus', corpus, '--codebook', fixed, '--out', again, '--judged', judged);
    expect(sample.code).toBe(0);
    expect(sample.stdout).toContain(`11 of 11 counted matches drawn`);
    expect(sample.stdout).toContain(`10 judgements carried over from ${judged}, 1 row to judge`);
    const remeasure = await cli('validate', '--review', again, '--corpus', corpus, '--codebook', fixed, '--out', path.join(folder, 'again-out'));
    expect(remeasure.stderr).toBe('');
    expect(remeasure.stdout).toMatch(/geo\/country\s+4\s+0\s+1\s+0\s+1\.000 \[0\.510, 1\.000\]/);
    expect(remeasure.stdout).toContain('0 rows left out');
  });

  it('a row pasted again counts once (warning naming the lines); the same match judged two ways is an error and left out', async () => {
    const lines = (await readFile(judged, 'utf8')).trimEnd().split('\n');
    // Line 4 is id 3 (US, yes); line 2 is id 1 (America, yes).
    const repeated = path.join(folder, 'repeated.csv');
    await writeFile(repeated, [...lines, ...Array.from({ length: 10 }, () => lines[3]!), ''].join('\n'));
    const run = await cli('validate', '--review', repeated, '--corpus', corpus, '--codebook', codebook, '--out', path.join(folder, 'repeated-out'));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Lines 4, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33 are the same match `a-en` 243-245 (geo/country, id 3); it is counted once.');
    // The figures of the sheet without the copies: country 4 yes, 4 no.
    expect(run.stdout).toMatch(/geo\/country\s+4\s+4\s+1\s+0\s+0\.500 \[0\.215, 0\.785\]/);
    const lint = await cli('lint', codebook, '--review', repeated, '--corpus', corpus);
    expect(lint.stderr).toContain('[review/repeated-row]');

    const conflicting = path.join(folder, 'conflicting.csv');
    await writeFile(conflicting, [...lines, lines[1]!.replace(',yes,,102,', ',no,,102,'), ''].join('\n'));
    const both = await cli('validate', '--review', conflicting, '--corpus', corpus, '--codebook', codebook, '--out', path.join(folder, 'conflicting-out'));
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(
      /error: Lines 2, 24 are the same match `a-en` 102-109 \(geo\/country, id 1\) judged differently \(yes \/ no\); it is left out of the figures\..*\[review\/conflicting-repeat\]/,
    );
    // Country without the America row: 3 yes, 4 no, 1 unsure -> 3/7 [0.158, 0.750].
    expect(both.stdout).toMatch(/geo\/country\s+3\s+4\s+1\s+0\s+0\.429 \[0\.158, 0\.750\]/);
    expect(both.stdout).toContain('2 rows left out');
  });

  it('formula-like cells of the sheets get a leading quote (OWASP) and read back exactly: review sheet and units list', async () => {
    // An attack string, not a real document: each line a sentence that starts like a formula.
    const attack = path.join(folder, 'formula-corpus');
    await mkdir(attack, { recursive: true });
    await writeFile(
      path.join(attack, 'c-formula.txt'),
      '=HYPERLINK("http://evil","data") said the US.\n\n+1 for America.\n\n@SUM(A1) parks here.\n\n-2 parks there.\n',
    );
    const sheet = path.join(folder, 'formula.csv');
    expect((await cli('sample', '--corpus', attack, '--codebook', codebook, '--out', sheet)).code).toBe(0);
    const written = await readFile(sheet, 'utf8');
    const cells = parseCsv(written.replace(/^\uFEFF/, '')).rows.flatMap((row) => row.cells.map((cell) => cell.value));
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toContain('\'=HYPERLINK("http://evil","data") said the 【US】.');
    expect(cells).toContain("'+1 for 【America】.");
    const judgedSheet = path.join(folder, 'formula-judged.csv');
    await writeFile(judgedSheet, written.replace(/,,,(\d+,\d+,code,\d+)$/gm, ',yes,,$1'));
    const review = await cli('validate', '--review', judgedSheet, '--corpus', attack, '--codebook', codebook, '--out', path.join(folder, 'formula-out'));
    expect(review.stderr).toBe('');
    expect(review.stdout).toMatch(/geo\/country\s+2\s+0\s+0\s+0\s+1\.000/);
    expect(review.stdout).toMatch(/environment\/parks\s+2\s+0\s+0\s+0\s+1\.000/);
    // The units list: its `text` column is checked against the document when read back as a gold file.
    const unitsOut = path.join(folder, 'formula-units');
    expect((await cli('validate', '--list-units', '--unit', 'paragraph', '--corpus', attack, '--codebook', codebook, '--out', unitsOut)).code).toBe(0);
    const units = await readFile(path.join(unitsOut, 'units.csv'), 'utf8');
    expect(units.split('\n')[1]).toBe('c-formula,1,,"\'=HYPERLINK(""http://evil"",""data"") said the US."');
    const gold = path.join(folder, 'formula-gold.csv');
    await writeFile(gold, units.replace(/^(c-formula,\d+),,/gm, '$1,-,'));
    const validate = await cli(
      'validate',
      '--gold',
      gold,
      '--unit',
      'paragraph',
      '--corpus',
      attack,
      '--codebook',
      codebook,
      '--out',
      path.join(folder, 'formula-gold-out'),
    );
    expect(validate.stderr).not.toContain('gold/text-mismatch');
    expect(validate.stdout).toContain('4 paragraphs in');
  });

  it('a document changed since drawing: its rows are errors, left out (exit 1), the others still count', async () => {
    const copy = path.join(folder, 'changed-corpus');
    await cp(corpus, copy, { recursive: true });
    await writeFile(path.join(copy, 'a-en.txt'), `Preface. ${await readFile(path.join(corpus, 'a-en.txt'), 'utf8')}`);
    const run = await cli('validate', '--review', judged, '--corpus', copy, '--codebook', codebook, '--out', path.join(folder, 'changed-out'));
    expect(run.code).toBe(1);
    // All 17 English rows point 9 characters too early now.
    expect(run.stderr.match(/error: .*the document changed since the sheet was drawn.*\[review\/text-changed\]/g)).toHaveLength(17);
    expect(run.stdout).toMatch(/geo\/country\s+0\s+0\s+0\s+0\s+n\/a/);
    expect(run.stdout).toMatch(/voice\/opinion\s+2\s+3\s+0\s+0\s+0\.400 \[0\.118, 0\.769\]/);
  });
});
