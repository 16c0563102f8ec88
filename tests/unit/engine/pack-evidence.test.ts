import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { inParts, spillEvidence, toCompactEvidence, type SpilledEvidence } from '../../../src/engine/pack-evidence.ts';
import { openEvidenceSpill } from '../../../src/engine/evidence-spill.ts';
import { toEvidenceLines } from '../../../src/report/to-evidence-csv.ts';
import type { CompactEvidence, EvidenceRow } from '../../../src/types.ts';

const spill = openEvidenceSpill();
afterAll(() => spill.close());

/** The rows written to the spill in parts of `partRows` and read back as the reports see them. */
function compactOf(rows: readonly EvidenceRow[], partRows = 4096, share?: (text: string) => string): CompactEvidence & { spilled: SpilledEvidence } {
  const spilled = spillEvidence(inParts(rows, partRows), spill.append);
  return Object.assign(toCompactEvidence(spilled, spill.read, share), { spilled });
}
const csvOf = (compact: CompactEvidence) => Buffer.concat([...compact.csv()]).toString('utf8');

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
const partRows = fc.integer({ min: 1, max: 8 });

const sample: EvidenceRow = {
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

describe('spillEvidence / toCompactEvidence', () => {
  it('gives back the same rows, field for field and in the same key order, from parts of any size', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), partRows, (rows, size) => {
        expect(JSON.stringify(compactOf(rows, size).rows())).toBe(JSON.stringify(rows));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the lines evidence.csv has for the rows, as written in UTF-8', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), partRows, (rows, size) => {
        expect(csvOf(compactOf(rows, size))).toBe(Buffer.from(toEvidenceLines(rows), 'utf8').toString('utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it('writes a part of rows at a time, each one block of the spill', () => {
    const rows = Array.from({ length: 7 }, (_, k): EvidenceRow => ({ ...sample, start: k, end: k + 1 }));
    const { spilled } = compactOf(rows, 3);
    expect(spilled.parts.map((part) => part.rows)).toEqual([3, 3, 1]);
    expect(spilled.count).toBe(7);
    expect(new Set(spilled.parts.map((part) => part.at)).size).toBe(3);
  });

  it('keeps each repeated name once, and hands it to `share`', () => {
    const first: EvidenceRow = { ...sample, matched: 'X', start: 0, end: 1, right: 'y' };
    const second: EvidenceRow = { ...first, matched: 'x,"', start: 4, end: 7, page: 0, line: 2, sentence: 2, paragraph: 2, left: 'y', right: '' };
    const shared: string[] = [];
    const compact = compactOf([first, second], 4096, (name) => {
      shared.push(name);
      return name;
    });
    expect(compact.spilled.names).toEqual(['d', 't', 'c', 'x']);
    expect(shared).toEqual(['d', 't', 'c', 'x']);
    // The second matched text holds a comma and a quote: quoted, its quote doubled. Page 0 is written as 0, null as nothing.
    expect(csvOf(compact)).toBe('d,t,c,x,X,,1,1,1,1,0,1,,y\nd,t,c,x,"x,""",0,2,1,2,2,4,7,y,\n');
    expect(compact.count).toBe(2);
    expect(compact.rows()).toEqual([first, second]);
    expect(compact.places()).toEqual([
      { theme: 't', code: 'c', start: 0, sentence: 1, paragraph: 1 },
      { theme: 't', code: 'c', start: 4, sentence: 2, paragraph: 2 },
    ]);
    expect(compact.rows()).not.toBe(compact.rows()); // made anew on each call, not kept
  });

  it('keeps the lines as UTF-8, or as UTF-16 when they hold a lone surrogate (UTF-8 would turn it into U+FFFD)', () => {
    const part = compactOf([sample]).spilled.parts[0]!;
    expect(part.utf16).toBe(false);
    expect(part.csvBytes).toBe('d,t,c,x,,,1,1,1,1,0,2,,\n'.length + 6 + 3); // 数 and 据 take 3 bytes each, … 3
    const lone = { ...sample, left: 'a\uD840' };
    const compact = compactOf([lone]);
    expect(compact.spilled.parts[0]!.utf16).toBe(true);
    expect(compact.rows()).toEqual([lone]);
    // evidence.csv is UTF-8: there the lone surrogate becomes U+FFFD, as in any report written.
    expect(csvOf(compact)).toBe('d,t,c,x,数据,,1,1,1,1,0,2,a\uFFFD,…\n');
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
      it(`gives the rows at the positions asked, in that order, from any part: ${name}`, () => {
        fc.assert(
          fc.property(
            fc.array(rows, { minLength: 1, maxLength: 20 }).chain((all) => fc.tuple(fc.constant(all), fc.array(fc.nat(all.length - 1), { maxLength: 6 }))),
            partRows,
            ([all, indexes], size) => {
              expect(compactOf(all, size).rowsAt(indexes)).toEqual(indexes.map((index) => all[index]));
            },
          ),
          { numRuns: 300 },
        );
      });
    }

    it('cuts the fields of the second row by their offsets: a quoted matched text with a comma', () => {
      const first: EvidenceRow = { ...sample, matched: 'X', start: 0, end: 1, right: 'y' };
      const second = { ...first, matched: 'x,"', start: 4, end: 7, left: 'a "b"', right: '' };
      expect(compactOf([first, second]).rowsAt([1])).toEqual([second]);
    });
  });
});

describe('openEvidenceSpill', () => {
  it('leaves no file behind: the spill is removed from its folder as soon as it is opened', async () => {
    const { mkdtemp, readdir, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-spill-'));
    const own = openEvidenceSpill(folder);
    const at = own.append(Buffer.from('abc'));
    expect(own.append(Buffer.from('de'))).toBe(at + 3);
    expect(await readdir(folder)).toEqual([]);
    expect(own.read(at + 1, 3).toString()).toBe('bcd');
    own.close();
    expect(() => own.read(0, 1)).toThrow(/closed/);
    await rm(folder, { recursive: true });
  });
});
