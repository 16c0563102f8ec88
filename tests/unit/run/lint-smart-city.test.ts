/** CI runs the shipped codebook's self-tests: every example counted by its code, no non-example counted. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCodebook } from '../../../src/run/lint-codebook.ts';
import { readCodebook } from '../../../src/codebook/read-codebook.ts';
import { compileCodebook } from '../../../src/match/compile-codebook.ts';
import { runSelfTests } from '../../../src/run/run-self-tests.ts';

const codebookPath = path.resolve(import.meta.dirname, '../../../codebooks/smart-city.yaml');

describe('codebooks/smart-city.yaml lints clean', () => {
  it('zero errors, zero warnings, zero failed self-tests; every code has examples', async () => {
    const outcome = await lintCodebook({ codebookPath, cacheDir: null });
    expect(outcome.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(outcome.selfTests?.failed).toBe(0);
    expect(outcome.selfTests?.examples).toBeGreaterThanOrEqual(36);
    expect(outcome.selfTests?.nonExamples).toBeGreaterThanOrEqual(6);
    expect(outcome.exitCode).toBe(0);
  });

  it('participation mechanisms: negated mentions are not counted, "not only ... but also" is', async () => {
    const { codebook } = await readCodebook(codebookPath);
    const code = codebook!.themes.find((t) => t.id === 'participation')!.codes.find((c) => c.id === 'participation-mechanisms')!;
    expect(code.rules?.negation?.cues.map((cue) => cue.value)).not.toContain('not');
    expect(code.nonExamples).toContain('规划编制过程中缺乏公众参与。');
    // Each self-test sentence is checked against its own code, so a failure names it.
    const { compiled } = compileCodebook(codebook!);
    expect(runSelfTests(codebook!, compiled).diagnostics).toEqual([]);
  });
});
