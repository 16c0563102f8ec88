import type { EvidenceRow } from '../types.ts';

/**
 * A document's evidence rows in three flat pieces, for the trip from a worker thread: copying
 * hundreds of thousands of small objects between threads cost more than finding them. Numbers go
 * in one Int32Array, the texts (matched, left, right) in one string, repeated names in a table.
 */
export interface PackedEvidence {
  count: number;
  /** Per row: document, theme, code, term (indexes into `names`), start, end, page + 1 (0: none), line, column, sentence, paragraph, and the lengths of matched, left and right. */
  numbers: Int32Array;
  names: string[];
  texts: string;
}

const FIELDS = 14;

export function packEvidence(rows: readonly EvidenceRow[]): PackedEvidence {
  const numbers = new Int32Array(rows.length * FIELDS);
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const name = (text: string) => {
    let index = nameIndex.get(text);
    if (index === undefined) nameIndex.set(text, (index = names.push(text) - 1));
    return index;
  };
  const texts: string[] = [];
  rows.forEach((row, k) => {
    const at = k * FIELDS;
    numbers[at] = name(row.document);
    numbers[at + 1] = name(row.theme);
    numbers[at + 2] = name(row.code);
    numbers[at + 3] = name(row.term);
    numbers[at + 4] = row.start;
    numbers[at + 5] = row.end;
    numbers[at + 6] = row.page === null ? 0 : row.page + 1;
    numbers[at + 7] = row.line;
    numbers[at + 8] = row.column;
    numbers[at + 9] = row.sentence;
    numbers[at + 10] = row.paragraph;
    numbers[at + 11] = row.matched.length;
    numbers[at + 12] = row.left.length;
    numbers[at + 13] = row.right.length;
    texts.push(row.matched, row.left, row.right);
  });
  return { count: rows.length, numbers, names, texts: texts.join('') };
}

/** The rows again, with the same fields in the same order; `share` returns the one copy of a repeated name. */
export function unpackEvidence(packed: PackedEvidence, share: (text: string) => string = (text) => text): EvidenceRow[] {
  const { numbers, texts } = packed;
  const names = packed.names.map(share);
  const rows: EvidenceRow[] = new Array<EvidenceRow>(packed.count);
  let offset = 0;
  for (let k = 0; k < packed.count; k++) {
    const at = k * FIELDS;
    const matchedEnd = offset + numbers[at + 11]!;
    const leftEnd = matchedEnd + numbers[at + 12]!;
    const rightEnd = leftEnd + numbers[at + 13]!;
    const page = numbers[at + 6]!;
    rows[k] = {
      document: names[numbers[at]!]!,
      theme: names[numbers[at + 1]!]!,
      code: names[numbers[at + 2]!]!,
      term: names[numbers[at + 3]!]!,
      matched: texts.slice(offset, matchedEnd),
      start: numbers[at + 4]!,
      end: numbers[at + 5]!,
      page: page === 0 ? null : page - 1,
      line: numbers[at + 7]!,
      column: numbers[at + 8]!,
      sentence: numbers[at + 9]!,
      paragraph: numbers[at + 10]!,
      left: texts.slice(matchedEnd, leftEnd),
      right: texts.slice(leftEnd, rightEnd),
    };
    offset = rightEnd;
  }
  return rows;
}
