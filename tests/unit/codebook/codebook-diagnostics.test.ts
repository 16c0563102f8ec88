/**
 * One row per diagnostic rule: a small codebook that triggers it, and EVERY diagnostic the
 * codebook must produce as [rule, line, column], worked out by hand from the source text
 * (columns count characters; a CJK character is one column).
 */
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/codebook/parse-codebook.ts';

const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

interface Row {
  name: string;
  source: string;
  expected: Array<[rule: string, line: number, column: number]>;
  /** Text the hint of the first expected diagnostic must contain. */
  hint?: string;
  /** Text the message of the first expected diagnostic must contain. */
  message?: string;
}

const rows: Row[] = [
  // ------------------------------------------------------------ boundary
  {
    name: 'invalid-type: `boundary` other than `word`, at the value',
    // line 4: `      c: { definition: d, terms: [{ term: 民意, boundary: yes }] }`; `yes` at column 57 (counted with python3: s.index("yes") + 1).
    source: yaml('themes:', '  t:', '    codes:', '      c: { definition: d, terms: [{ term: 民意, boundary: yes }] }'),
    expected: [['codebook/invalid-type', 4, 57]],
    message: '`boundary` of a term of code `c`',
    hint: 'boundary: word',
  },
  // ------------------------------------------------------------ yaml-syntax
  {
    name: 'yaml-syntax: duplicate theme key, at the second key',
    source: yaml('themes:', '  t:', '    codes:', '      c: { definition: d, terms: [x] }', '  t:', '    codes:', '      c: { definition: d, terms: [y] }'),
    expected: [['codebook/yaml-syntax', 5, 3]],
    message: 'Duplicate key `t`',
    hint: 'only once',
  },
  {
    name: 'yaml-syntax: nested compact mapping, at the inner key',
    source: yaml('name: a: b'),
    expected: [['codebook/yaml-syntax', 1, 7]],
  },
  {
    name: 'yaml-syntax: tab indentation',
    source: yaml('themes:', '\tt: x'),
    expected: [['codebook/yaml-syntax', 2, 1]],
  },
  {
    name: 'yaml-syntax: alias without anchor, at the alias',
    source: yaml('themes:', '  t:', '    codes:', '      c: { definition: d, terms: *missing }'),
    expected: [['codebook/yaml-syntax', 4, 34]],
    message: '*missing',
  },
  // ------------------------------------------------------------ not-a-mapping
  { name: 'not-a-mapping: a list', source: yaml('- a', '- b'), expected: [['codebook/not-a-mapping', 1, 1]], hint: 'themes:' },
  { name: 'not-a-mapping: empty file', source: '', expected: [['codebook/not-a-mapping', 1, 1]] },
  {
    name: 'not-a-mapping: comments only',
    source: yaml('# nothing here', '', '# still nothing'),
    expected: [['codebook/not-a-mapping', 1, 1]],
    message: 'no document',
  },
  {
    name: 'not-a-mapping: a scalar after a comment line',
    source: yaml('# heading', 'hello'),
    expected: [['codebook/not-a-mapping', 2, 1]],
  },
  // ------------------------------------------------------------ unknown-key
  {
    name: 'unknown-key: misspelt definition (also missing-definition)',
    source: yaml('policycoder: 1', 'themes:', '  t:', '    codes:', '      c:', '        defintion: Smart sensors.', '        terms: [sensor*]'),
    expected: [
      ['codebook/missing-definition', 5, 7],
      ['codebook/unknown-key', 6, 9],
    ],
  },
  {
    name: 'unknown-key: top level with suggestion, term mapping without',
    source: yaml('optoins: { kind: exact }', 'themes:', '  t:', '    codes:', '      c:', '        definition: d', '        terms: [{ term: AI, case: true }]'),
    expected: [
      ['codebook/unknown-key', 1, 1],
      ['codebook/unknown-key', 7, 29],
    ],
    hint: 'Did you mean `options`?',
  },
  // ------------------------------------------------------------ invalid-type
  {
    name: 'invalid-type: terms: 5, case_sensitive: "yes", kind: regexp',
    source: yaml(
      'themes:',
      '  t:',
      '    codes:',
      '      a:',
      '        definition: d',
      '        terms: 5',
      '      b:',
      '        definition: d',
      '        case_sensitive: "yes"',
      '        kind: regexp',
      '        terms: [x]',
    ),
    expected: [
      ['codebook/invalid-type', 6, 16],
      ['codebook/invalid-type', 9, 25],
      ['codebook/invalid-type', 10, 15],
    ],
    message: '`terms` of code `a`',
  },
  {
    name: 'invalid-type: examples as text, a number term, a language group as text, a theme as a list',
    source: yaml(
      'themes:',
      '  t:',
      '    codes:',
      '      c:',
      '        definition: d',
      '        examples: One sentence.',
      '        terms:',
      '          en: [sensor*, 2030]',
      '          zh: 传感器',
      '  u: [a, b]',
    ),
    expected: [
      ['codebook/invalid-type', 6, 19],
      ['codebook/invalid-type', 8, 25],
      ['codebook/invalid-type', 9, 15],
      ['codebook/invalid-type', 10, 6],
    ],
  },
  {
    name: 'invalid-type: policycoder given as text',
    source: yaml('policycoder: "1"', 'themes:', '  t:', '    codes:', '      c: { definition: d, terms: [x] }'),
    expected: [['codebook/invalid-type', 1, 14]],
    hint: 'policycoder: 1',
  },
  // ------------------------------------------------------------ missing-key
  {
    name: 'missing-key: no themes',
    source: yaml('policycoder: 1', 'name: Test'),
    expected: [['codebook/missing-key', 1, 1]],
    message: '`themes`',
  },
  {
    name: 'missing-key: term mapping without term; theme without codes',
    source: yaml(
      'themes:',
      '  with-codes:',
      '    codes:',
      '      c:',
      '        definition: d',
      '        terms:',
      '          - term: AI',
      '            case_sensitive: true',
      '          - case_sensitive: true',
      '  without-codes:',
      '    label: No codes here',
    ),
    expected: [
      ['codebook/missing-key', 9, 13],
      ['codebook/missing-key', 10, 3],
    ],
  },
  // ------------------------------------------------------------ unsupported-version
  {
    name: 'unsupported-version: policycoder: 2',
    source: yaml('policycoder: 2', 'themes:', '  t:', '    codes:', '      c: { definition: d, terms: [x] }'),
    expected: [['codebook/unsupported-version', 1, 14]],
  },
  // ------------------------------------------------------------ empty-term
  {
    name: "empty-term: '', whitespace, { term: ' ' }, a bare dash",
    source: yaml(
      'themes:',
      '  t:',
      '    codes:',
      '      c:',
      '        definition: d',
      `        terms: [x, '', "  ", { term: " " }]`,
      '      d:',
      '        definition: d',
      '        terms:',
      '          -',
      '          - y',
    ),
    expected: [
      ['codebook/empty-term', 6, 20],
      ['codebook/empty-term', 6, 24],
      ['codebook/empty-term', 6, 30],
      ['codebook/empty-term', 10, 11],
    ],
  },
  // ------------------------------------------------------------ empty-theme / no-codes
  {
    name: 'no-codes: themes is an empty mapping',
    source: yaml('themes: {}'),
    expected: [['codebook/no-codes', 1, 1]],
  },
  {
    name: 'empty-theme and no-codes: the only theme has codes: {}',
    source: yaml('name: x', 'themes:', '  t:', '    codes: {}'),
    expected: [
      ['codebook/no-codes', 2, 1],
      ['codebook/empty-theme', 4, 5],
    ],
  },
  {
    name: 'no-codes: an empty quanteda dictionary',
    source: yaml('{}'),
    expected: [['codebook/no-codes', 1, 1]],
  },
  // ------------------------------------------------------------ quanteda shapes
  {
    name: 'invalid-type (quanteda): a scalar, an empty value, a number in a list',
    source: yaml('# comment', 'alpha: [a, b]', 'beta:', '  one: single value', '  two:', '  three: [x, 3, y]', '  four:', '    deep: [z]'),
    expected: [
      ['codebook/invalid-type', 4, 8],
      ['codebook/invalid-type', 5, 3],
      ['codebook/invalid-type', 6, 14],
    ],
  },
  {
    name: 'duplicate-code (quanteda): b.c written as a key and as a path',
    source: yaml('a:', '  b.c: [x]', '  b:', '    c: [y]'),
    expected: [['codebook/duplicate-code', 4, 5]],
    message: 'line 2, column 3',
  },
  {
    name: 'quanteda: spaced CJK value, empty value, duplicate glob',
    source: yaml('topic:', "  sub: [智能 交通, '', Green*, green*]"),
    expected: [
      ['codebook/cjk-term-spaces', 2, 9],
      ['codebook/empty-term', 2, 16],
      ['codebook/duplicate-term', 2, 28],
    ],
    hint: '`智能交通`',
  },
];

/** Rows whose diagnostics are all warnings: the codebook must still be returned. */
const warningRows: Row[] = [
  {
    name: 'boundary-without-cjk: `boundary: word` on a Latin term, at the value',
    // line 4: `      c: { definition: d, terms: [{ term: opinion, boundary: word }] }`; `word` at column 62.
    source: yaml('themes:', '  t:', '    codes:', '      c: { definition: d, terms: [{ term: opinion, boundary: word }] }'),
    expected: [['codebook/boundary-without-cjk', 4, 62]],
    message: 'has no effect',
  },
  {
    name: 'empty-code: terms: [], no terms key, empty language groups',
    source: yaml(
      'themes:',
      '  t:',
      '    codes:',
      '      none:',
      '        definition: d',
      '        terms: []',
      '      absent:',
      '        definition: d',
      '      grouped:',
      '        definition: d',
      '        terms: { en: [], zh: }',
    ),
    expected: [
      ['codebook/empty-code', 4, 7],
      ['codebook/empty-code', 7, 7],
      ['codebook/empty-code', 9, 7],
    ],
  },
  {
    name: 'duplicate-term: across language groups, case and whitespace normalised; case-sensitive AI is distinct',
    source: yaml(
      'themes:',
      '  t:',
      '    codes:',
      '      c:',
      '        definition: d',
      '        terms:',
      '          en: [Sensor*, big  data, { term: AI, case_sensitive: true }]',
      '          zh: [传感器, sensor*, big data, ai, 传感器]',
    ),
    expected: [
      ['codebook/duplicate-term', 8, 21],
      ['codebook/duplicate-term', 8, 30],
      ['codebook/duplicate-term', 8, 44],
    ],
    message: 'first at line 7, column 16',
  },
  {
    name: 'cjk-term-spaces: 智慧 城市 (not 智慧城市, not 5G 网络)',
    source: yaml('themes:', '  t:', '    codes:', '      c:', '        definition: d', '        terms: [智慧城市, 智慧 城市, smart city, 5G 网络]'),
    expected: [['codebook/cjk-term-spaces', 6, 23]],
    hint: 'Remove the spaces: `智慧城市`',
  },
  {
    name: 'missing-definition: absent, and empty text',
    source: yaml('themes:', '  t:', '    codes:', '      c:', '        label: C', '        terms: [x]', '      d: { definition: "", terms: [y] }'),
    expected: [
      ['codebook/missing-definition', 4, 7],
      ['codebook/missing-definition', 7, 7],
    ],
  },
];

function check(row: Row, expectCodebook: boolean): void {
  const { codebook, diagnostics } = parseCodebook(row.source, 'cb.yaml');
  expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual(row.expected);
  for (const d of diagnostics) {
    expect(d.file).toBe('cb.yaml');
    expect(d.message.length).toBeGreaterThan(10);
    expect(d.hint?.length ?? 0).toBeGreaterThan(10);
  }
  const first = diagnostics[0]!;
  if (row.hint) expect(first.hint).toContain(row.hint);
  if (row.message) expect(first.message).toContain(row.message);
  expect(codebook !== undefined).toBe(expectCodebook);
}

describe('codebook diagnostics: errors (no codebook returned)', () => {
  it.each(rows)('$name', (row) => {
    check(row, false);
    const { diagnostics } = parseCodebook(row.source, 'cb.yaml');
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});

describe('codebook diagnostics: warnings (codebook still returned)', () => {
  it.each(warningRows)('$name', (row) => {
    check(row, true);
    const { diagnostics } = parseCodebook(row.source, 'cb.yaml');
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });
});

describe('codebook diagnostics: hints and messages', () => {
  it('suggests `definition` for `defintion`', () => {
    const row = rows.find((r) => r.name.startsWith('unknown-key: misspelt'))!;
    const unknown = parseCodebook(row.source, 'cb.yaml').diagnostics.find((d) => d.rule === 'codebook/unknown-key')!;
    expect(unknown.message).toContain('`defintion`');
    expect(unknown.hint).toContain('Did you mean `definition`?');
  });

  it('lists the allowed term keys when nothing is close (`case`)', () => {
    const row = rows.find((r) => r.name.startsWith('unknown-key: top level'))!;
    const termKey = parseCodebook(row.source, 'cb.yaml').diagnostics[1]!;
    expect(termKey.hint).not.toContain('Did you mean');
    expect(termKey.hint).toContain('`term`, `case_sensitive`, `kind`');
  });

  it('kind: regexp suggests regex and names the allowed kinds', () => {
    const row = rows.find((r) => r.name.startsWith('invalid-type: terms: 5'))!;
    const kind = parseCodebook(row.source, 'cb.yaml').diagnostics[2]!;
    expect(kind.message).toContain('`regexp`');
    expect(kind.message).toContain('did you mean `regex`?');
    expect(kind.hint).toContain('`glob` or `exact` or `regex` or `stem` or `lemma`');
  });

  it('case_sensitive: "yes" says a string was given and asks for true or false', () => {
    const row = rows.find((r) => r.name.startsWith('invalid-type: terms: 5'))!;
    const flag = parseCodebook(row.source, 'cb.yaml').diagnostics[1]!;
    expect(flag.message).toContain('a string ("yes")');
    expect(flag.hint).toContain('`true` or `false`');
  });
});
