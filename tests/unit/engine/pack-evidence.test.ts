import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packEvidence, toCompactEvidence, unpackEvidence } from '../../../src/engine/pack-evidence.ts';
import { toEvidenceLines } from '../../../src/report/to-evidence-csv.ts';
import { joinPieces } from '../../../src/report/join-pieces.ts';
import type { EvidenceRow } from '../../../src/types.ts';

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\n', '"', ',', '大', '数', '\u0000', '\u{20000}', '\uD840', '…', '\uFEFF'), maxLength: 12 });
const row: fc.Arbitrary<EvidenceRow> = fc.record({
  // U+FEFF first: a file named with a byte-order mark gives such an id, and a decoder must keep it.
  document: fc.constantFrom('doc-1', '文件', '\uFEFFdoc'),
  theme: fc.constantFrom('tech', 'green'),
  code: fc.constantFrom('data', 'air'),
  term: fc.constantFrom('big data', 'data*', '数据', ''),
  matched: text,
  start: fc.nat(1_000_000),
  end: fc.nat(1_000_000),
  page: fc.option(fc.nat(5000), { nil: null }),
  line: fc.nat(100_000),
  column: fc.nat(10_000),
  sentence: fc.nat(100_000),
  paragraph: fc.nat(100_000),
  left: text,
  right: text,
});

describe('packEvidence / unpackEvidence', () => {
  it('gives back the same rows, field for field and in the same key order', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        expect(JSON.stringify(unpackEvidence(packEvidence(rows)))).toBe(JSON.stringify(rows));
      }),
      { numRuns: 500 },
    );
  });

  it('holds the rows as the lines evidence.csv has for them', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        expect(joinPieces([packEvidence(rows).csv])).toBe(toEvidenceLines(rows));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps each repeated name once, and hands it to `share` when kept compact', () => {
    const rows: EvidenceRow[] = [
      {
        document: 'd',
        theme: 't',
        code: 'c',
        term: 'x',
        matched: 'X',
        start: 0,
        end: 1,
        page: null,
        line: 1,
        column: 1,
        sentence: 1,
        paragraph: 1,
        left: '',
        right: 'y',
      },
      {
        document: 'd',
        theme: 't',
        code: 'c',
        term: 'x',
        matched: 'x,"',
        start: 4,
        end: 7,
        page: 0,
        line: 2,
        column: 1,
        sentence: 2,
        paragraph: 2,
        left: 'y',
        right: '',
      },
    ];
    const packed = packEvidence(rows);
    expect(packed.names).toEqual(['d', 't', 'c', 'x']);
    // The second matched text holds a comma and a quote: quoted, its quote doubled. Page 0 is written as 0, null as nothing.
    expect(new TextDecoder().decode(packed.csv as Uint8Array)).toBe('d,t,c,x,X,,1,1,1,1,0,1,,y\n' + 'd,t,c,x,"x,""",0,2,1,2,2,4,7,y,\n');
    const shared: string[] = [];
    const compact = toCompactEvidence(packed, (name) => {
      shared.push(name);
      return name;
    });
    expect(shared).toEqual(['d', 't', 'c', 'x']);
    expect(compact.count).toBe(2);
    expect(compact.csv).toBe(packed.csv);
    expect(compact.rows()).toEqual(rows);
    expect(compact.places()).toEqual([
      { theme: 't', code: 'c', start: 0, sentence: 1, paragraph: 1 },
      { theme: 't', code: 'c', start: 4, sentence: 2, paragraph: 2 },
    ]);
    expect(compact.rows()).not.toBe(compact.rows()); // made anew on each call, not kept
  });

  it('keeps the lines as UTF-8, or as a string when they hold a lone surrogate (UTF-8 would turn it into U+FFFD)', () => {
    const base: EvidenceRow = {
      document: 'd',
      theme: 't',
      code: 'c',
      term: 'x',
      matched: '数据',
      start: 0,
      end: 2,
      page: null,
      line: 1,
      column: 1,
      sentence: 1,
      paragraph: 1,
      left: '',
      right: '…',
    };
    const bytes = packEvidence([base]).csv;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect((bytes as Uint8Array).length).toBe('d,t,c,x,,,1,1,1,1,0,2,,\n'.length + 6 + 3); // 数 and 据 take 3 bytes each, … 3
    const lone = { ...base, left: 'a\uD840' };
    expect(packEvidence([lone]).csv).toBe('d,t,c,x,数据,,1,1,1,1,0,2,a\uD840,…\n');
    expect(unpackEvidence(packEvidence([lone]))).toEqual([lone]);
  });

  describe('rowsAt', () => {
    // ASCII only (quotes, commas and line breaks included), and any text.
    const asciiText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\n', '"', ','), maxLength: 12 });
    const asciiRow = row.chain((r) =>
      fc.record({ matched: asciiText, left: asciiText, right: asciiText }).map((t) => ({ ...r, ...t, document: 'doc-1', term: 'data*' })),
    );

    for (const [name, rows] of [
      ['ASCII lines', asciiRow],
      ['any lines', row],
    ] as const) {
      it(`gives the rows at the positions asked, in that order: ${name}`, () => {
        fc.assert(
          fc.property(
            fc.array(rows, { minLength: 1, maxLength: 20 }).chain((all) => fc.tuple(fc.constant(all), fc.array(fc.nat(all.length - 1), { maxLength: 6 }))),
            ([all, indexes]) => {
              const compact = toCompactEvidence(packEvidence(all));
              expect(compact.rowsAt(indexes)).toEqual(indexes.map((index) => all[index]));
            },
          ),
          { numRuns: 300 },
        );
      });
    }

    it('cuts the fields of the second row by their offsets: a quoted matched text with a comma', () => {
      const first: EvidenceRow = {
        document: 'd',
        theme: 't',
        code: 'c',
        term: 'x',
        matched: 'X',
        start: 0,
        end: 1,
        page: null,
        line: 1,
        column: 1,
        sentence: 1,
        paragraph: 1,
        left: '',
        right: 'y',
      };
      const second = { ...first, matched: 'x,"', start: 4, end: 7, left: 'a "b"', right: '' };
      expect(toCompactEvidence(packEvidence([first, second])).rowsAt([1])).toEqual([second]);
    });
  });
});
