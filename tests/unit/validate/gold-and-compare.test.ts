import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/validate/parse-csv.ts';
import { parseGoldCsv } from '../../../src/validate/parse-gold-csv.ts';
import { alignGoldUnits, type ValidationDocument } from '../../../src/validate/align-gold-units.ts';
import { compareCoding } from '../../../src/validate/compare-coding.ts';
import { splitUnits } from '../../../src/validate/split-units.ts';
import { toValidationMarkdown } from '../../../src/validate/to-validation-markdown.ts';
import { toValidationCsv } from '../../../src/validate/to-validation-csv.ts';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, line breaks inside quotes, CRLF and a BOM, with lines and columns', () => {
    const { records, problem } = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nagain"\r\n\r\nlast,\n');
    expect(problem).toBeUndefined();
    expect(records.map((r) => [r.line, r.fields, r.columns])).toEqual([
      [1, ['a', 'b'], [1, 3]],
      [2, ['x, y', 'say "hi"\nagain'], [1, 8]],
      [5, ['last', ''], [1, 6]],
    ]);
  });

  it('reports an unclosed quote where it opens', () => {
    expect(parseCsv('a\n"open,\nmore').problem).toMatchObject({ line: 2, column: 1, message: 'A quoted cell is never closed' });
  });

  it('a gold row with text after a closing quote is an error at its line, not the cell `bjunk` (issue 14, item 21)', () => {
    const gold = parseGoldCsv('document,unit,code,text\nd1,2,t/a,"Second"junk\nd1,3,-,\n', 'gold.csv');
    expect(gold.diagnostics).toMatchObject([
      { severity: 'error', rule: 'gold/csv-syntax', message: 'Invalid CSV: A quoted cell has more text after its closing quote.', line: 2, column: 10 },
    ]);
    expect(gold.rows.map((row) => row.text)).toEqual([]);
  });
});

describe('parseGoldCsv', () => {
  it('reads unit rows, the no-code marker and character ranges', () => {
    const units = parseGoldCsv('document,unit,code,text\nd1,2,t/a,Second\nd1,3,-,\n', 'gold.csv');
    expect(units.diagnostics).toEqual([]);
    expect(units.rows.map((r) => [r.line, r.document, r.unit, r.code, r.text])).toEqual([
      [2, 'd1', 2, 't/a', 'Second'],
      [3, 'd1', 3, null, undefined],
    ]);
    const spans = parseGoldCsv('document,start,end,code\nd1,0,12,a\n', 'gold.csv');
    expect(spans.rows[0]).toMatchObject({ span: { start: 0, end: 12 }, code: 'a' });
  });

  it('reports a missing column, bad unit numbers and empty codes with line and column', () => {
    expect(parseGoldCsv('document,code\nd1,a\n', 'g.csv').diagnostics[0]).toMatchObject({ rule: 'gold/missing-column', line: 1 });
    const { rows, diagnostics } = parseGoldCsv('document,unit,code,cdoe\nd1,zero,a,\nd1,0,a,\nd1,1,,\n', 'g.csv');
    expect(rows).toEqual([]);
    expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['gold/unknown-column', 1, 20],
      ['gold/bad-unit', 2, 4],
      ['gold/bad-unit', 3, 4],
      ['gold/missing-value', 4, 6],
    ]);
    expect(diagnostics[0]!.hint).toBe('Did you mean `code`?');
  });
});

describe('alignGoldUnits and compareCoding', () => {
  // Four sentences; the dictionary's matches: "data" (code t/a) in sentences 1 and 3, "plan" (g/p) in sentence 2.
  const text = 'We share data. The plan is new. Open data helps. Nothing here.';
  const document: ValidationDocument = {
    id: 'd1',
    text,
    units: splitUnits(text, 'sentence'),
    matches: [
      { code: 't/a', start: text.indexOf('data'), end: text.indexOf('data') + 4 },
      { code: 'g/p', start: text.indexOf('plan'), end: text.indexOf('plan') + 4 },
      { code: 't/a', start: text.lastIndexOf('data'), end: text.lastIndexOf('data') + 4 },
    ],
  };
  const documents = new Map([['d1', document]]);
  const codeKeys = ['t/a', 'g/p'];
  // The human: sentence 1 = a, sentence 2 = a and p, sentence 3 = nothing, sentence 4 = nothing.
  const gold = parseGoldCsv('document,unit,code,text\nd1,1,a,We share\nd1,2,t/a,The plan\nd1,2,p,\nd1,3,-,\nd1,4,-,Nothing here.\n', 'g.csv');

  it('splits the text into four sentences', () => {
    expect(document.units.map((u) => text.slice(u.start, u.end))).toEqual(['We share data.', 'The plan is new.', 'Open data helps.', 'Nothing here.']);
  });

  it('codes each unit with the codes whose matches start in it, resolving bare code ids', () => {
    const { units, diagnostics } = alignGoldUnits(gold.rows, documents, codeKeys, 'g.csv');
    expect(diagnostics).toEqual([]);
    expect(units.map((u) => [u.index, u.human, u.auto])).toEqual([
      [1, ['t/a'], ['t/a']],
      [2, ['t/a', 'g/p'], ['g/p']],
      [3, [], ['t/a']],
      [4, [], []],
    ]);
  });

  it('counts per code by hand: t/a has tp 1, fn 1, fp 1, tn 1; g/p has tp 1, tn 3', () => {
    const result = compareCoding(alignGoldUnits(gold.rows, documents, codeKeys, 'g.csv').units, codeKeys);
    expect(result.codes[0]!.stats).toMatchObject({ tp: 1, fn: 1, fp: 1, tn: 1, precision: 0.5, recall: 0.5, kappa: 0 });
    expect(result.codes[1]!.stats).toMatchObject({ tp: 1, fn: 0, fp: 0, tn: 3, precision: 1, recall: 1, kappa: 1 });
    // Pooled over 8 decisions: tp 2, fn 1, fp 1, tn 4.
    expect(result.pooled).toMatchObject({ tp: 2, fn: 1, fp: 1, tn: 4 });
    // Rows = human codes (t/a, g/p, none), columns = dictionary codes (t/a, g/p, none).
    // Unit 1: (t/a,t/a); unit 2: (t/a,g/p), (g/p,g/p); unit 3: (none,t/a); unit 4: (none,none).
    expect(result.confusion).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
    expect(result.disagreements.map((d) => [d.unit.index, d.code, d.kind])).toEqual([
      [2, 't/a', 'missed'],
      [3, 't/a', 'extra'],
    ]);
    const markdown = toValidationMarkdown(result, { goldFile: 'g.csv', codebookName: 'test', codebookPath: 'c.yaml', unitKind: 'sentence', documents: 1 });
    // Wilson 95% for 1 of 2 (python3, see agreement.test.ts): [0.0945, 0.9055].
    expect(markdown).toContain('| `t/a` | 2 | 2 | 1 | 0.500 [0.095, 0.905] | 0.500 [0.095, 0.905] | 0.500 | 0.000 |');
    expect(markdown).toContain('- **extra (dictionary only: "data")**, d1 #3: "Open data helps."');
    expect(toValidationCsv(result).split('\n')[1]).toBe('t,a,4,2,2,1,1,1,1,0.500,0.500,0.500,0.500,0.000,0.125,0.095,0.905,0.095,0.905');
  });

  it('leaves out and reports rows for unknown documents, units and codes, mismatched text and contradictory units', () => {
    const bad = parseGoldCsv('document,unit,code,text\nd2,1,a,\nd1,9,a,\nd1,1,zz,\nd1,2,a,Wrong start\nd1,3,-,\nd1,3,a,\n', 'g.csv');
    const { units, diagnostics } = alignGoldUnits(bad.rows, documents, codeKeys, 'g.csv');
    expect(units).toEqual([]);
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['gold/unknown-document', 2],
      ['gold/unit-out-of-range', 3],
      ['gold/unknown-code', 4],
      ['gold/text-mismatch', 5],
      ['gold/no-code-with-codes', 6],
    ]);
  });

  it('echoes a unit number or range as written, not as it reads back (2^53 and beyond round)', () => {
    const far = parseGoldCsv('document,unit,code\nd1,99999999999999999999,a\nd1,007,a\n', 'g.csv');
    const spans = parseGoldCsv('document,start,end,code\nd1,0,99999999999999999999,a\n', 'g.csv');
    const messages = [
      ...alignGoldUnits(far.rows, documents, codeKeys, 'g.csv').diagnostics,
      ...alignGoldUnits(spans.rows, documents, codeKeys, 'g.csv').diagnostics,
    ].map((d) => d.message);
    expect(messages).toEqual([
      '`d1` has 4 units; there is no unit 99999999999999999999.',
      '`d1` has 4 units; there is no unit 007.',
      `The range 0-99999999999999999999 lies beyond the end of \`d1\` (${text.length} characters).`,
    ]);
  });
});
