import { describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../../../src/diagnostics/render-diagnostic.ts';
import type { Diagnostic } from '../../../src/types.ts';

const at = (file: string, rule = 'ingest/empty', line?: number): Diagnostic => ({
  severity: 'error',
  rule,
  message: 'm',
  file,
  ...(line === undefined ? {} : { line }),
});

describe('sortDiagnostics', () => {
  it('orders files by UTF-16 code units, not by any locale', () => {
    // Code units: 'Z' 0x5A < '_' 0x5F < 'a' 0x61 < 'z' 0x7A < 'ä' 0xE4 < '中' 0x4E2D < '阿' 0x963F.
    // Every ICU locale puts 'a' before 'Z'; sv_SE puts 'ä' after 'z', zh_CN puts '阿' (pinyin a) first.
    const files = ['阿.txt', 'z.txt', 'ä.txt', '中.txt', 'a.txt', 'Z.txt', '_b.txt'];
    expect(sortDiagnostics(files.map((file) => at(file))).map((d) => d.file)).toEqual(['Z.txt', '_b.txt', 'a.txt', 'z.txt', 'ä.txt', '中.txt', '阿.txt']);
  });

  it('orders rules by code units within one place', () => {
    const rules = ['ingest/b', 'ingest/B', 'ingest/a'];
    expect(sortDiagnostics(rules.map((rule) => at('x.txt', rule))).map((d) => d.rule)).toEqual(['ingest/B', 'ingest/a', 'ingest/b']);
  });

  it('orders by line within a file, and a diagnostic without a file first', () => {
    const sorted = sortDiagnostics([at('b.txt', 'r', 9), at('b.txt', 'r', 2), { severity: 'warning', rule: 'r', message: 'm' }]);
    expect(sorted.map((d) => `${d.file ?? '-'}:${d.line ?? ''}`)).toEqual(['-:', 'b.txt:2', 'b.txt:9']);
  });
});
