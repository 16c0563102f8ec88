import { describe, expect, it } from 'vitest';
import { codeTermsFingerprint } from '../../../src/codebook/code-terms-fingerprint.ts';
import { parseCodebook } from '../../../src/codebook/parse-codebook.ts';
import type { Code, Term } from '../../../src/types.ts';

const term = (value: string, extra: Partial<Term> = {}): Term => ({ value, kind: 'glob', caseSensitive: false, ...extra });

/** A codebook whose code `data` records `validation` (YAML lines indented under the code). */
function withValidation(codeValidation: string, top = ''): string {
  return [
    'policycoder: 1',
    ...(top ? ['validation:', ...top.split('\n').map((line) => `  ${line}`)] : []),
    'themes:',
    '  tech:',
    '    codes:',
    '      data:',
    '        definition: Data.',
    '        terms:',
    '          en: [data*]',
    '          zh: [{ term: 数据, boundary: word }]',
    '        except: [database]',
    ...(codeValidation ? ['        validation:', ...codeValidation.split('\n').map((line) => `          ${line}`)] : []),
    '      cloud:',
    '        definition: Cloud.',
    '        terms: [cloud]',
  ].join('\n');
}

describe('codeTermsFingerprint', () => {
  it('is the first 16 hex digits of the SHA-256 of the sorted terms and rules (values from sha256sum)', () => {
    // printf '%s' '{"terms":["[\"a\",\"glob\",false,null]"],"except":[],"negation":null,"near":null}' | sha256sum
    expect(codeTermsFingerprint({ terms: [term('a')] })).toBe('675960b02d54dd05');
    // the same for data* and 数据 (boundary: word) with the exception database; data* sorts before 数据 in code units
    const data = { terms: [term('数据', { boundary: 'word' }), term('data*')], rules: { except: [term('database')] } };
    expect(codeTermsFingerprint(data)).toBe('13cd10ef4aa5d29c');
  });

  it('ignores what does not change the counts: order, language groups, weights, notes', () => {
    const base: Pick<Code, 'terms' | 'rules'> = { terms: [term('data*', { language: 'en' }), term('数据', { language: 'zh' })] };
    const reordered = { terms: [term('数据'), term('data*', { weight: 2 })] };
    expect(codeTermsFingerprint(reordered)).toBe(codeTermsFingerprint(base));
  });

  it('changes with any change to what is matched: a term, its kind, case or boundary, an exception, negation or near', () => {
    const base = { terms: [term('data*')] };
    const fingerprint = codeTermsFingerprint(base);
    const variants: Array<Pick<Code, 'terms' | 'rules'>> = [
      { terms: [term('data')] },
      { terms: [term('data*'), term('cloud')] },
      { terms: [term('data*', { kind: 'exact' })] },
      { terms: [term('data*', { caseSensitive: true })] },
      { terms: [term('data*', { boundary: 'word' })] },
      { terms: [term('data*')], rules: { except: [term('database')] } },
      { terms: [term('data*')], rules: { negation: { window: 3, cues: [term('no')] } } },
      { terms: [term('data*')], rules: { negation: { window: 4, cues: [term('no')] } } },
      { terms: [term('data*')], rules: { near: { terms: [term('city')], within: 'sentence' } } },
    ];
    const fingerprints = variants.map(codeTermsFingerprint);
    expect(fingerprints).not.toContain(fingerprint);
    expect(new Set(fingerprints).size).toBe(variants.length);
  });
});

describe('validation: records in a native codebook', () => {
  it('reads the top-level provenance and a code record, with the current fingerprint beside the recorded one', () => {
    const source = withValidation(
      [
        'terms_sha256: "13cd10ef4aa5d29c"',
        'precision: { estimate: 0.9, low: 0.744, high: 0.965, n: 30 }',
        'recall: { estimate: 0.5, low: 0.2, high: 0.8, n: 8 }',
        'note: Weak on 平台.',
      ].join('\n'),
      [
        'coder: One AI coder.',
        'date: "2026-12-06"',
        'method: Sampled and judged.',
        'corpus: 37 documents.',
        'precision_sheet: p.csv',
        'recall_sheet: r.csv',
      ].join('\n'),
    );
    const { codebook, diagnostics } = parseCodebook(source, 'v.yaml');
    // `cloud` has no record while `data` has one: the only diagnostic
    expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['codebook/validation-missing', 23, 7]]);
    expect(codebook?.validation).toEqual({
      coder: 'One AI coder.',
      date: '2026-12-06',
      method: 'Sampled and judged.',
      corpus: '37 documents.',
      precisionSheet: 'p.csv',
      recallSheet: 'r.csv',
    });
    const data = codebook!.themes[0]!.codes[0]!;
    expect(data.validation).toEqual({
      precision: { estimate: 0.9, low: 0.744, high: 0.965, n: 30 },
      recall: { estimate: 0.5, low: 0.2, high: 0.8, n: 8 },
      note: 'Weak on 平台.',
      measuredTermsSha256: '13cd10ef4aa5d29c',
      currentTermsSha256: '13cd10ef4aa5d29c',
      position: { line: 19, column: 11 },
    });
    expect(codebook!.themes[0]!.codes[1]!.validation).toBeUndefined();
  });

  it('warns, at terms_sha256, that the figures are outdated when the terms changed since, with the new fingerprint in the hint', () => {
    const source = withValidation('terms_sha256: "675960b02d54dd05"\nprecision: { estimate: 0.9, low: 0.744, high: 0.965, n: 30 }');
    const { codebook, diagnostics } = parseCodebook(source, 'v.yaml');
    const outdated = diagnostics.find((d) => d.rule === 'codebook/validation-outdated');
    expect(outdated).toMatchObject({ severity: 'warning', file: 'v.yaml', line: 12, column: 25 });
    expect(outdated?.message).toContain('"675960b02d54dd05", now "13cd10ef4aa5d29c"');
    expect(outdated?.hint).toContain('terms_sha256: "13cd10ef4aa5d29c"');
    expect(codebook!.themes[0]!.codes[0]!.validation).toMatchObject({ measuredTermsSha256: '675960b02d54dd05', currentTermsSha256: '13cd10ef4aa5d29c' });
  });

  it('warns when figures are recorded without terms_sha256, and gives the value to add', () => {
    const { diagnostics } = parseCodebook(withValidation('precision: { estimate: 0.9, low: 0.744, high: 0.965, n: 30 }'), 'v.yaml');
    const unpinned = diagnostics.find((d) => d.rule === 'codebook/validation-unpinned');
    expect(unpinned).toMatchObject({ severity: 'warning', line: 12, column: 11 });
    expect(unpinned?.hint).toContain('terms_sha256: "13cd10ef4aa5d29c"');
  });

  it('says nothing about codes without records when no code has figures and the codebook has no validation:', () => {
    expect(parseCodebook(withValidation(''), 'v.yaml').diagnostics).toEqual([]);
  });

  it('warns about every unmeasured code once the codebook says how its figures were measured', () => {
    const { diagnostics } = parseCodebook(withValidation('', 'coder: One AI coder.'), 'v.yaml');
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['codebook/validation-missing', 7],
      ['codebook/validation-missing', 13],
    ]);
  });

  it('refuses figures that cannot be proportions, intervals that miss their estimate, bad dates and unquoted fingerprints', () => {
    const cases: Array<[string, RegExp]> = [
      ['precision: { estimate: 1.2, low: 0.7, high: 1, n: 30 }', /`estimate` of `precision` .* must be a number from 0 to 1, but it is a number \(1\.2\)/],
      ['precision: { estimate: 0.9, low: 0.95, high: 0.99, n: 30 }', /low 0\.95, estimate 0\.9 and high 0\.99: the estimate must lie within its interval/],
      ['recall: { estimate: 0.5, low: 0.2, high: 0.8, n: 0 }', /`n` of `recall` .* must be a whole number of 1 or more/],
      ['recall: { estimate: 0.5, low: 0.2, high: 0.8 }', /`recall` of `validation` of code `data` has no `n`/],
      ['terms_sha256: 1234567890123456', /must be 16 hex digits in quotes, but it is a number/],
      ['date: last spring', /`date` .* is "last spring", which is not a date/],
    ];
    for (const [yaml, message] of cases) {
      const { codebook, diagnostics } = parseCodebook(withValidation(yaml), 'v.yaml');
      expect(codebook, yaml).toBeUndefined();
      const errors = diagnostics.filter((d) => d.severity === 'error');
      expect(
        errors.map((d) => d.rule),
        yaml,
      ).toEqual(['codebook/invalid-validation']);
      expect(errors[0]!.message, yaml).toMatch(message);
      expect(errors[0]!.line, yaml).toBe(12);
    }
  });

  it('names unknown keys of a record (a typo does not pass silently)', () => {
    const { diagnostics } = parseCodebook(withValidation('terms_sha256: "13cd10ef4aa5d29c"\nprecison: { estimate: 0.9, low: 0.7, high: 1, n: 30 }'), 'v.yaml');
    const unknown = diagnostics.find((d) => d.message.includes('precison'));
    expect(unknown?.severity).toBe('error');
    expect(unknown?.hint).toContain('precision');
  });
});
