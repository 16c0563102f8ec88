import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/codebook/parse-codebook.ts';
import type { ParsedCodebook } from '../../../src/codebook/parse-codebook.ts';

/** Fragments that YAML and the codebook grammar care about, so random texts reach past the syntax check. */
const yamlPiece = fc.constantFrom(
  'policycoder: 1',
  'policycoder: 2',
  'name: x',
  'themes:',
  'codes:',
  'terms:',
  'en:',
  'zh:',
  'label: L',
  'definition: d',
  'examples:',
  'exclude: e',
  'tech:',
  'data:',
  '- ',
  '-',
  ': ',
  ':',
  '  ',
  '    ',
  '\n',
  '\t',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '!!str ',
  '!!map ',
  '? ',
  '|',
  '>',
  '"',
  "'",
  '#',
  '~',
  'null',
  'true',
  '0x1F',
  '1e3',
  '---',
  '...',
  'big data',
  '大数据',
  'data*',
  '*',
  '?',
  'exact: true',
  'case_sensitive: yes',
  'value: x',
  '<<: *a',
  '%YAML 1.2',
  '\u00a0',
  '\ufeff',
);
const yamlish = fc.array(yamlPiece, { maxLength: 60 }).map((pieces) => pieces.join(''));
/** Any JSON-like value dumped as YAML under a codebook-shaped top level. */
const shaped = fc
  .record({ policycoder: fc.jsonValue(), name: fc.jsonValue(), themes: fc.jsonValue({ maxDepth: 5 }) }, { requiredKeys: [] })
  .map((value) => stringify(value));
/** A quanteda dictionary shape with arbitrary leaves. */
const quanteda = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })).map((value) => stringify(value));

function expectResultOrDiagnostics(parsed: ParsedCodebook): void {
  expect(Array.isArray(parsed.diagnostics)).toBe(true);
  for (const diagnostic of parsed.diagnostics) {
    expect(['error', 'warning', 'info']).toContain(diagnostic.severity);
    expect(diagnostic.rule).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
    expect(diagnostic.message.length).toBeGreaterThan(0);
    expect(diagnostic.file).toBe('cb.yaml');
  }
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  // Exactly one of: a codebook, or at least one error saying why not.
  expect(parsed.codebook === undefined).toBe(errors.length > 0);
}

describe('parseCodebook never throws: any YAML text gives a codebook or diagnostics', () => {
  it('arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => expectResultOrDiagnostics(parseCodebook(text, 'cb.yaml'))),
      { numRuns: 300 },
    );
  });

  it('texts assembled from YAML and codebook fragments', () => {
    fc.assert(
      fc.property(yamlish, (text) => expectResultOrDiagnostics(parseCodebook(text, 'cb.yaml'))),
      { numRuns: 1000 },
    );
  });

  it('well-formed YAML of codebook shape with arbitrary values', () => {
    fc.assert(
      fc.property(shaped, (text) => expectResultOrDiagnostics(parseCodebook(text, 'cb.yaml'))),
      { numRuns: 500 },
    );
  });

  it('well-formed YAML of quanteda shape with arbitrary keys and values', () => {
    fc.assert(
      fc.property(quanteda, (text) => expectResultOrDiagnostics(parseCodebook(text, 'cb.yaml'))),
      { numRuns: 300 },
    );
  });
});
