/**
 * `policycoder lint` over one fixture codebook per kind of problem (tests/fixtures/codebooks/lint).
 * Every diagnostic is pinned as [rule, line, column], worked out by hand from the fixture text
 * (columns count characters; a quoted scalar starts at its quote, a flow mapping at its `{`).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCodebook } from '../../../src/run/lint-codebook.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/codebooks/lint');
const fixture = (name: string) => path.join(fixtures, name);
const corpus = fixture('corpus');
const pinned = (diagnostics: Array<{ rule: string; line?: number; column?: number }>) => diagnostics.map((d) => [d.rule, d.line, d.column]);

async function lint(name: string, extra: { corpusDir?: string; strict?: boolean } = {}) {
  return lintCodebook({ codebookPath: fixture(name), cacheDir: null, ...extra });
}

describe('lint: what the parser reports, all in one pass', () => {
  it('parser-problems.yaml: typo, duplicate term, spaced CJK, invalid regex, empty code, duplicate theme key', async () => {
    const outcome = await lint('parser-problems.yaml');
    // line 7: `        terms: [x, X, 智慧 城市, { term: "(", kind: regex }]` -> x at 17, X at 20, 智慧 at 23, `{` at 30
    expect(pinned(outcome.diagnostics)).toEqual([
      ['codebook/missing-definition', 5, 7],
      ['codebook/unknown-key', 6, 9],
      ['codebook/duplicate-term', 7, 20],
      ['codebook/cjk-term-spaces', 7, 23],
      ['codebook/invalid-regex', 7, 30],
      ['codebook/empty-code', 8, 7],
      ['codebook/yaml-syntax', 10, 3],
    ]);
    expect(outcome.diagnostics[1]!.hint).toContain('Did you mean `definition`?');
    expect(outcome.diagnostics[6]!.message).toContain('Duplicate key `t`');
    expect(outcome.exitCode).toBe(1);
    expect(outcome.summary).toContain('self-tests not run: fix the errors first');
    expect(outcome.summary).toContain('3 errors, 4 warnings, 0 info');
  });

  it('top-level-list.yaml: a list instead of a mapping, at the first item', async () => {
    const outcome = await lint('top-level-list.yaml');
    expect(pinned(outcome.diagnostics)).toEqual([['codebook/not-a-mapping', 2, 1]]);
    expect(outcome.exitCode).toBe(1);
  });

  it('a missing file cannot be linted: exit 2', async () => {
    const outcome = await lint('no-such-codebook.yaml');
    expect(pinned(outcome.diagnostics)).toEqual([['codebook/unreadable', undefined, undefined]]);
    expect(outcome.exitCode).toBe(2);
  });

  it('unmatchable.yaml: `*` between CJK characters, reported by the compiler at the term', async () => {
    const outcome = await lint('unmatchable.yaml');
    // line 7: `        terms: [数*据, 数据]` -> 数*据 at column 17
    expect(pinned(outcome.diagnostics)).toEqual([['codebook/unmatchable-term', 7, 17]]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.summary).toContain('self-tests: none');
  });
});

describe('lint: globs', () => {
  it('globs.yaml: only wildcards (error), ** and regex syntax (warnings); `public * participation` is fine', async () => {
    const outcome = await lint('globs.yaml');
    expect(pinned(outcome.diagnostics)).toEqual([
      ['codebook/invalid-glob', 8, 13],
      ['codebook/redundant-wildcard', 9, 13],
      ['codebook/glob-looks-like-regex', 10, 13],
      ['codebook/invalid-glob', 11, 13],
    ]);
    const [star, doubleStar, regex, wildcards] = outcome.diagnostics;
    expect(star!.severity).toBe('error');
    expect(star!.message).toContain('matches every token');
    expect(doubleStar!.hint).toContain('Write `sensor*`');
    expect(regex!.hint).toContain('kind: regex');
    expect(wildcards!.message).toContain('`? *`');
    expect(outcome.exitCode).toBe(1);
  });
});

describe('lint: shadowed and redundant terms', () => {
  it('shadowed.yaml: pins each and says which term wins and why', async () => {
    const outcome = await lint('shadowed.yaml');
    // line 7: `        terms: [sensor*, sensors, sensor?, { term: sensors, kind: exact }]`
    //   sensor* at 17, sensors at 26, sensor? at 35, `{` at 44; line 13: `          - big data` at 13
    expect(pinned(outcome.diagnostics)).toEqual([
      ['codebook/redundant-term', 7, 26],
      ['codebook/shadowed-term', 7, 35],
      ['codebook/shadowed-term', 7, 44],
      ['codebook/redundant-term', 13, 13],
    ]);
    const [sensors, sensorQ, exact, bigData] = outcome.diagnostics;
    expect(sensors!.severity).toBe('info');
    expect(sensors!.message).toContain('`sensor*` (line 7, column 17)');
    expect(sensors!.message).toContain('only takes the credit');
    expect(sensorQ!.severity).toBe('warning');
    expect(sensorQ!.message).toContain('`sensor*` (line 7, column 17)');
    expect(sensorQ!.message).toContain('comes first in the list');
    expect(exact!.message).toContain('`sensors` (line 7, column 26)');
    expect(bigData!.message).toContain('`big dat*` (line 14, column 13)');
    expect(outcome.exitCode).toBe(0);
  });

  it('--strict turns warnings into a failing exit code', async () => {
    expect((await lint('shadowed.yaml', { strict: true })).exitCode).toBe(1);
  });
});

describe('lint: self-tests', () => {
  it('self-tests.yaml: a missed example, one removed by negation, a counted non-example, a flow-list item', async () => {
    const outcome = await lint('self-tests.yaml');
    expect(pinned(outcome.diagnostics)).toEqual([
      ['codebook/example-not-matched', 9, 13],
      ['codebook/example-not-matched', 10, 13],
      ['codebook/non-example-matched', 13, 13],
      ['codebook/example-not-matched', 18, 20],
    ]);
    const [consulted, negated, heldHearing] = outcome.diagnostics;
    expect(consulted!.message).toContain('none of its terms occurs in it');
    expect(negated!.message).toContain('`public hearing*` matched "public hearing" but the `negation` rule removed it (after the negation cue "no")');
    expect(heldHearing!.message).toContain('`public hearing*` matches "public hearing"');
    expect(outcome.selfTests).toEqual({ examples: 5, nonExamples: 2, failed: 4 });
    expect(outcome.summary).toContain('self-tests: 4 of 5 examples and 2 non-examples FAILED');
    expect(outcome.exitCode).toBe(1);
  });
});

describe('lint --corpus', () => {
  it('coverage.yaml on the two-document corpus: never-counted terms and codes, the terms that carry each code', async () => {
    const outcome = await lint('coverage.yaml', { corpusDir: corpus });
    // line 7: `        terms: [sensor*, camera*, lidar]` -> lidar at 35; line 8: code `unused` at 7;
    // line 10: `        terms: [blockchain]` -> 17; line 16: `        terms: [public hearing*, consultation, town meeting*]` -> 48
    expect(pinned(outcome.diagnostics)).toEqual([
      ['lint/term-never-matches', 7, 35],
      ['lint/code-never-matches', 8, 7],
      ['lint/term-never-matches', 10, 17],
      ['lint/term-always-excluded', 16, 48],
    ]);
    expect(outcome.diagnostics[3]!.message).toContain('matched 1 time in the 2 documents of the corpus');
    expect(outcome.coverage).toEqual([
      {
        theme: 'tech',
        code: 'sensing',
        count: 3,
        documents: 2,
        excluded: { boundary: 0, except: 0, negation: 0, near: 0 },
        terms: [
          { term: 'sensor*', count: 2, excluded: 0 },
          { term: 'camera*', count: 1, excluded: 0 },
          { term: 'lidar', count: 0, excluded: 0 },
        ],
      },
      {
        theme: 'tech',
        code: 'unused',
        count: 0,
        documents: 0,
        excluded: { boundary: 0, except: 0, negation: 0, near: 0 },
        terms: [{ term: 'blockchain', count: 0, excluded: 0 }],
      },
      {
        theme: 'participation',
        code: 'hearings',
        count: 2,
        documents: 1,
        excluded: { boundary: 0, except: 0, negation: 2, near: 0 },
        terms: [
          { term: 'public hearing*', count: 1, excluded: 1 },
          { term: 'consultation', count: 1, excluded: 0 },
          { term: 'town meeting*', count: 0, excluded: 1 },
        ],
      },
    ]);
    expect(outcome.summary).toContain('2 documents read');
    expect(outcome.summary).toMatch(/participation\/hearings\s+2\s+1\s+negation 2\s+public hearing\* \(1\), consultation \(1\)/);
    expect(outcome.exitCode).toBe(0);
    expect((await lint('coverage.yaml', { corpusDir: corpus, strict: true })).exitCode).toBe(1);
  });

  it('a missing corpus folder: exit 2', async () => {
    const outcome = await lint('coverage.yaml', { corpusDir: fixture('no-such-folder') });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.diagnostics.some((d) => d.rule === 'ingest/corpus-missing')).toBe(true);
  });
});
