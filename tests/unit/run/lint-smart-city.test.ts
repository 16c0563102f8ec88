/** CI runs the shipped codebook's self-tests: every example counted by its code, no non-example counted. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCodebook } from '../../../src/run/lint-codebook.ts';
import { readCodebook } from '../../../src/codebook/read-codebook.ts';
import { compileCodebook } from '../../../src/match/compile-codebook.ts';
import { runSelfTests } from '../../../src/run/run-self-tests.ts';
import { findMatchesWithRules } from '../../../src/match/find-matches.ts';
import { tokenize } from '../../../src/text/tokenize.ts';

const codebookPath = path.resolve(import.meta.dirname, '../../../codebooks/smart-city.yaml');

describe('codebooks/smart-city.yaml lints clean', () => {
  it('zero errors, zero warnings, zero failed self-tests; every code has examples', async () => {
    const outcome = await lintCodebook({ codebookPath, cacheDir: null });
    expect(outcome.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(outcome.selfTests?.failed).toBe(0);
    expect(outcome.selfTests?.examples).toBeGreaterThanOrEqual(36);
    expect(outcome.selfTests?.nonExamples).toBeGreaterThanOrEqual(11);
    expect(outcome.exitCode).toBe(0);
  });

  it('participation mechanisms: negated mentions are not counted, "not only ... but also" is', async () => {
    const { codebook } = await readCodebook(codebookPath);
    const codes = codebook!.themes.flatMap((theme) => theme.codes.map((code) => `${theme.id}/${code.id}`));
    const codeIndex = codes.indexOf('participation/participation-mechanisms');
    const code = codebook!.themes.find((t) => t.id === 'participation')!.codes.find((c) => c.id === 'participation-mechanisms')!;
    expect(code.rules?.negation?.cues.map((cue) => cue.value)).not.toContain('not');
    const { compiled } = compileCodebook(codebook!);
    const counted = (sentence: string) => findMatchesWithRules(tokenize(sentence), compiled).matches.filter((m) => m.codeIndex === codeIndex).length;
    // Sentences written for this test (the bundled documents hold no negated mention to quote).
    expect(counted('规划编制过程中缺乏公众参与。')).toBe(0);
    expect(counted('The plan was drawn up without public consultation.')).toBe(0);
    expect(counted('规划编制过程中公众参与。')).toBe(1);
    expect(counted('The reform should not only widen public participation but also make it binding.')).toBe(1);
    // Each self-test sentence is checked against its own code, so a failure names it.
    expect(runSelfTests(codebook!, compiled).diagnostics).toEqual([]);
  });
});
