import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/codebook/parse-codebook.ts';
import type { Codebook } from '../../../src/types.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/codebooks/${name}`, import.meta.url), 'utf8');

describe('parseCodebook: native format', () => {
  it('maps every key of native-full.yaml to Codebook/Theme/Code/Term (positions worked out by hand)', () => {
    const { codebook, diagnostics } = parseCodebook(fixture('native-full.yaml'), 'fixtures/native-full.yaml');
    expect(diagnostics).toEqual([]);
    const expected: Codebook = {
      name: 'Fixture codebook',
      format: 'native',
      path: 'fixtures/native-full.yaml',
      // `sha256sum tests/fixtures/codebooks/native-full.yaml`
      sha256: 'b69646263e75839e7a153fbda87f104fd651a8ced527ece7acb79723ed3dbded',
      themes: [
        {
          id: 'zeta',
          label: 'Zeta theme',
          description: 'Folded text.',
          position: { line: 9, column: 3 },
          codes: [
            {
              id: 'z-code',
              label: 'Z code',
              definition: 'Z definition.',
              include: 'Z include.',
              exclude: 'Z exclude.',
              examples: ['First example.', 'Second example.'],
              // line 20: `        examples: [First example., "Second example."]`; a quoted item starts at its quote
              examplePositions: [
                { line: 20, column: 20 },
                { line: 20, column: 36 },
              ],
              position: { line: 15, column: 7 },
              terms: [
                // code-level case_sensitive: false and kind: glob override options (true, exact)
                { value: 'internet of things', kind: 'glob', caseSensitive: false, language: 'en', position: { line: 25, column: 15 } },
                { value: 'AI', kind: 'glob', caseSensitive: true, language: 'en', position: { line: 26, column: 15 } },
                { value: 'data*', kind: 'exact', caseSensitive: false, language: 'en', position: { line: 27, column: 15 } },
                { value: '物联网', kind: 'glob', caseSensitive: false, language: 'zh', position: { line: 29, column: 16 } },
              ],
            },
          ],
        },
        {
          id: 'alpha',
          label: 'alpha',
          position: { line: 30, column: 3 },
          codes: [
            {
              id: 'a-code',
              label: 'a-code',
              definition: 'A definition.',
              position: { line: 32, column: 7 },
              terms: [
                // options: case_sensitive: true, kind: exact apply; the second term overrides case only
                { value: 'Sensor*', kind: 'exact', caseSensitive: true, position: { line: 34, column: 17 } },
                { value: 'x?', kind: 'exact', caseSensitive: false, position: { line: 34, column: 26 } },
              ],
            },
          ],
        },
      ],
    };
    expect(codebook).toEqual(expected);
    // No `language` key at all on ungrouped terms.
    expect(Object.keys(codebook!.themes[1]!.codes[0]!.terms[0]!)).not.toContain('language');
  });

  it('reports every problem of native-many-problems.yaml in one pass, sorted by position', () => {
    const { codebook, diagnostics } = parseCodebook(fixture('native-many-problems.yaml'), 'many.yaml');
    expect(codebook).toBeUndefined();
    expect(diagnostics.map((d) => [d.severity, d.rule, d.line, d.column])).toEqual([
      ['error', 'codebook/unknown-key', 2, 1],
      ['error', 'codebook/invalid-type', 4, 9],
      ['warning', 'codebook/duplicate-term', 12, 27],
      ['error', 'codebook/empty-term', 12, 38],
      ['warning', 'codebook/cjk-term-spaces', 13, 16],
      ['warning', 'codebook/empty-code', 14, 7],
      ['warning', 'codebook/missing-definition', 14, 7],
      ['error', 'codebook/unknown-key', 15, 9],
      ['error', 'codebook/missing-key', 17, 3],
    ]);
    expect(diagnostics[0]!.hint).toContain('Did you mean `name`?');
    expect(diagnostics[7]!.hint).toContain('Did you mean `label`?');
  });

  it('uses the file base name when `name` is absent, and `themes` alone marks the native format', () => {
    const source = 'themes:\n  t:\n    codes:\n      c: { definition: d, terms: [x] }\n';
    const { codebook } = parseCodebook(source, 'some/dir/my-codes.v2.yaml');
    expect(codebook?.name).toBe('my-codes.v2');
    expect(codebook?.format).toBe('native');
  });

  it('hashes the source as UTF-8 (value from sha256sum)', () => {
    const { codebook } = parseCodebook('a: [b]\n', 'a.yml');
    expect(codebook?.sha256).toBe('cce1bcaecfaee5222af267059234c955966de11e6933c6a5e2873df061587d01');
  });

  it('is pure: the same input gives the same result', () => {
    const source = fixture('native-full.yaml');
    expect(parseCodebook(source, 'x.yaml')).toEqual(parseCodebook(source, 'x.yaml'));
  });

  it('shares term lists through YAML anchors and aliases', () => {
    const source = [
      'themes:',
      '  t:',
      '    codes:',
      '      a: { definition: d, terms: &shared [green*, low-carbon] }',
      '      b: { definition: d, terms: *shared }',
      '',
    ].join('\n');
    const { codebook, diagnostics } = parseCodebook(source, 'x.yaml');
    expect(diagnostics).toEqual([]);
    expect(codebook!.themes[0]!.codes.map((c) => c.terms.map((t) => t.value))).toEqual([
      ['green*', 'low-carbon'],
      ['green*', 'low-carbon'],
    ]);
  });

  it('keeps theme and code ids as written: quoted, with spaces, numbers as text', () => {
    const source = [
      'themes:',
      '  "2012 pilots":',
      '    codes:',
      '      1.0: { definition: d, terms: [试点] }',
      '      "a: b": { definition: d, terms: [x] }',
      '',
    ].join('\n');
    const { codebook } = parseCodebook(source, 'x.yaml');
    expect(codebook!.themes.map((t) => t.id)).toEqual(['2012 pilots']);
    expect(codebook!.themes[0]!.codes.map((c) => c.id)).toEqual(['1.0', 'a: b']);
  });
});
