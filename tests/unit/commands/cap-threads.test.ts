import { afterEach, describe, expect, it, vi } from 'vitest';
import { capThreads } from '../../../src/commands/cap-threads.ts';
import type { AnalyzeOptions } from '../../../src/run.ts';

const passed: AnalyzeOptions[] = [];
vi.mock('../../../src/run.ts', () => ({
  runAnalyze: async (options: AnalyzeOptions) => {
    passed.push(options);
    return { exitCode: 0, diagnostics: [], outputs: [] };
  },
}));
vi.mock('node:os', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:os')>()), availableParallelism: () => 4 }));

describe('capThreads', () => {
  it('keeps a request the machine can serve', () => {
    expect(capThreads(0, 4)).toEqual({ threads: 0 });
    expect(capThreads(4, 4)).toEqual({ threads: 4 });
  });

  it('caps a larger one at the cores there are, with a note', () => {
    expect(capThreads(100000, 2)).toEqual({ threads: 2, note: 'note: --threads 100000 is more than the 2 cores this machine has; using 2' });
    expect(capThreads(3, 1).note).toContain('the 1 core this machine has; using 1');
  });
});

describe('analyze --threads', () => {
  afterEach(() => {
    passed.length = 0;
  });

  async function analyze(threads: string) {
    const { analyzeCommand } = await import('../../../src/commands/analyze-command.ts');
    const stderr: string[] = [];
    const io = { stdout: () => {}, stderr: (text: string) => stderr.push(text), isTTY: false };
    await analyzeCommand.run({ ...defaults(), threads }, [], io);
    return { options: passed[0]!, stderr: stderr.join('') };
  }

  it('runs 100000 on the 4 cores (mocked) and says so on stderr', async () => {
    const { options, stderr } = await analyze('100000');
    expect(options.threads).toBe(4);
    expect(stderr).toBe('note: --threads 100000 is more than the 4 cores this machine has; using 4\n');
  });

  it('passes 3 on through without a note', async () => {
    const { options, stderr } = await analyze('3');
    expect(options.threads).toBe(3);
    expect(stderr).toBe('');
  });
});

function defaults(): Record<string, string | boolean> {
  return {
    corpus: 'corpus',
    codebook: 'c.yaml',
    out: 'out',
    'cjk-words': 'icu',
    'top-terms': '3',
    cache: '.cache',
    'no-cache': false,
    'max-file-mb': '200',
    quiet: true,
  };
}
