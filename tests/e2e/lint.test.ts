import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const fixtures = 'tests/fixtures/codebooks/lint';
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

const cli = (...args: string[]) => runCli(args);

describe('policycoder lint (spawned CLI)', () => {
  it('the shipped codebook: self-tests pass, no errors or warnings, exit 0', async () => {
    const { code, stdout, stderr } = await cli('lint', 'codebooks/smart-city.yaml');
    expect(code).toBe(0);
    expect(stdout).toMatch(/self-tests: \d+ examples and \d+ non-examples, all pass/);
    expect(stdout).toMatch(/0 errors, 0 warnings, \d+ info/);
    expect(stderr).not.toMatch(/: (error|warning): /);
  });

  it('failed self-tests: file:line:column, rule, hint; exit 1', async () => {
    const { code, stdout, stderr } = await cli('lint', `${fixtures}/self-tests.yaml`);
    expect(code).toBe(1);
    expect(stderr).toContain(`${fixtures}/self-tests.yaml:9:13: error: Example "The city consulted residents."`);
    expect(stderr).toMatch(/self-tests\.yaml:13:13: error: Non-example "A public hearing was held\." .*\[codebook\/non-example-matched\]\n {2}hint: /);
    expect(stdout).toContain('self-tests: 4 of 5 examples and 2 non-examples FAILED');
  });

  it('analyze refuses the codebook lint reports an invalid glob in, with the same diagnostic (exit 2)', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-lint-'));
    folders.push(folder);
    const lint = await cli('lint', `${fixtures}/globs.yaml`);
    const analyze = await cli(
      'analyze',
      '--codebook',
      `${fixtures}/globs.yaml`,
      '--corpus',
      `${fixtures}/corpus`,
      '--out',
      path.join(folder, 'out'),
      '--no-cache',
    );
    expect(lint.code).toBe(1);
    expect(analyze.code).toBe(2);
    const line = `${fixtures}/globs.yaml:8:13: error: Term \`*\` of code \`c\``;
    expect(lint.stderr).toContain(line);
    expect(analyze.stderr).toContain(line);
  });

  it('--corpus prints the terms that carry each code', async () => {
    const { code, stdout, stderr } = await cli('lint', `${fixtures}/coverage.yaml`, '--corpus', `${fixtures}/corpus`, '--no-cache');
    expect(code).toBe(0);
    expect(stdout).toMatch(/tech\/sensing\s+3\s+2\s+-\s+sensor\* \(2\), camera\* \(1\)/);
    expect(stderr).toContain(`${fixtures}/coverage.yaml:8:7: warning: The code \`unused\` of theme \`tech\` counts nothing`);
  });

  it('usage: two codebooks is exit 2; an unreadable codebook is exit 2', async () => {
    expect((await cli('lint', 'a.yaml', 'b.yaml')).code).toBe(2);
    const missing = await cli('lint', 'no-such.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('[codebook/unreadable]');
  });
});
