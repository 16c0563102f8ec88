/**
 * diff-old.yaml -> diff-new.yaml on tests/fixtures/codebooks/lint/corpus (counted by hand):
 *   a.txt "Sensors and cameras watch the street. There was no public hearing and no town meeting."
 *   b.txt "A sensor network. The public hearing was held after consultation."
 * old: sensing [sensor*, camera*], gone [street], hearings [public hearing*, consultation]
 * new: sensing [sensors, sensor*], added [town meeting*], hearings + negation: true
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffCodebooks } from '../../../src/run/diff-codebooks.ts';
import { compareCodeTallies } from '../../../src/run/compare-code-tallies.ts';
import type { CodeTally } from '../../../src/run/tally-matches.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/codebooks/lint');
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describe('diffCodebooks', () => {
  it('per document x code: counts, terms and rules behind each change; added and removed codes', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-diff-'));
    folders.push(folder);
    const csvPath = path.join(folder, 'diff.csv');
    const outcome = await diffCodebooks({
      oldPath: path.join(fixtures, 'diff-old.yaml'),
      newPath: path.join(fixtures, 'diff-new.yaml'),
      corpusDir: path.join(fixtures, 'corpus'),
      cacheDir: null,
      csvPath,
    });
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.exitCode).toBe(0);
    expect(await readFile(csvPath, 'utf8')).toBe(
      [
        'document,theme,code,status,old_count,new_count,delta,term_changes,rule_changes',
        'a,tech,sensing,changed,2,1,-1,sensors 0->1; sensor* 1->0; camera* 1->0,',
        'a,tech,added,added,,1,1,town meeting* 0->1,',
        'a,participation,hearings,changed,1,0,-1,public hearing* 1->0,negation 0->1',
        'a,tech,gone,removed,1,,-1,street 1->0,',
        'b,tech,sensing,unchanged,1,1,0,,',
        'b,tech,added,added,,0,0,,',
        'b,participation,hearings,unchanged,2,2,0,,',
        'b,tech,gone,removed,0,,0,,',
        '',
      ].join('\n'),
    );
    const summary = outcome.summary!;
    expect(summary).toContain('Codes over the corpus (4 of 4 differ)');
    expect(summary).toMatch(/tech\/sensing\s+changed\s+3\s+2\s+-1/);
    expect(summary).toMatch(/tech\/added\s+added\s+-\s+1\s+\+1/);
    expect(summary).toMatch(/participation\/hearings\s+changed\s+3\s+2\s+-1/);
    expect(summary).toMatch(/tech\/gone\s+removed\s+1\s+-\s+-1/);
    // Only the four rows of document a change; same |delta|, so they keep codebook order.
    expect(summary).toContain('Documents x codes that change (4)');
    const table = summary.slice(summary.indexOf('Documents x codes'));
    const order = ['tech/sensing', 'tech/added', 'participation/hearings', 'tech/gone'].map((name) => table.indexOf(name));
    expect(order.every((index) => index > 0)).toBe(true);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(table).toMatch(/participation\/hearings\s+1\s+0\s+-1\s+public hearing\* 1->0\s+negation 0->1/);
    expect(table).not.toMatch(/^b /m);
  });

  it('refuses a codebook with errors (exit 2) before reading the corpus', async () => {
    const outcome = await diffCodebooks({
      oldPath: path.join(fixtures, 'diff-old.yaml'),
      newPath: path.join(fixtures, 'globs.yaml'),
      corpusDir: path.join(fixtures, 'no-such-corpus'),
      cacheDir: null,
    });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.diagnostics.map((d) => d.rule)).toContain('codebook/invalid-glob');
    expect(outcome.diagnostics.map((d) => d.rule)).not.toContain('ingest/corpus-missing');
  });
});

describe('compareCodeTallies', () => {
  const tally = (count: number, terms: number[], negation = 0): CodeTally => ({
    count,
    terms,
    excludedTerms: terms.map(() => 0),
    excluded: { boundary: 0, except: 0, negation, near: 0 },
  });
  const ref = (theme: string, code: string, values: string[]) => ({
    theme,
    code,
    terms: values.map((value) => ({ value, kind: 'glob' as const, caseSensitive: false })),
  });

  it('matches codes by theme and code id, not by position; a value listed twice is merged', () => {
    const old = { codes: [ref('t', 'x', ['a']), ref('u', 'y', ['b', 'b'])], tallies: [tally(1, [1]), tally(3, [2, 1])] };
    const next = { codes: [ref('u', 'y', ['b']), ref('t', 'x', ['a'])], tallies: [tally(3, [3]), tally(1, [1])] };
    expect(compareCodeTallies('d', old, next)).toEqual([
      { document: 'd', theme: 'u', code: 'y', status: 'unchanged', old: 3, new: 3, delta: 0, terms: [], rules: [] },
      { document: 'd', theme: 't', code: 'x', status: 'unchanged', old: 1, new: 1, delta: 0, terms: [], rules: [] },
    ]);
  });

  it('the same code id under another theme is a different code', () => {
    const old = { codes: [ref('t', 'x', ['a'])], tallies: [tally(2, [2])] };
    const next = { codes: [ref('u', 'x', ['a'])], tallies: [tally(2, [2])] };
    expect(compareCodeTallies('d', old, next).map((row) => [row.theme, row.status, row.delta])).toEqual([
      ['u', 'added', 2],
      ['t', 'removed', -2],
    ]);
  });

  it('a rule that removes more matches is a change even when the count stays', () => {
    const old = { codes: [ref('t', 'x', ['a', 'b'])], tallies: [tally(2, [1, 1], 0)] };
    const next = { codes: [ref('t', 'x', ['a', 'b'])], tallies: [tally(2, [2, 0], 1)] };
    expect(compareCodeTallies('d', old, next)).toEqual([
      {
        document: 'd',
        theme: 't',
        code: 'x',
        status: 'changed',
        old: 2,
        new: 2,
        delta: 0,
        terms: [
          { term: 'a', old: 1, new: 2 },
          { term: 'b', old: 1, new: 0 },
        ],
        rules: [{ rule: 'negation', old: 0, new: 1 }],
      },
    ]);
  });
});
