import type { CompactEvidence, EvidencePlace, EvidenceRow } from '../types.ts';
import { escapeCsvField } from '../report/to-csv.ts';
import type { SpillAppend } from './evidence-spill.ts';

/**
 * A document's evidence as it waits in the spill (engine/evidence-spill.ts) for the reports: no
 * object per row, and nothing of it in memory but this record. The rows are written in parts of at
 * most PART_ROWS (a huge document's evidence never becomes one string), each part one block of the
 * spill: its numbers (FIELDS Int32 per row), then its lines of evidence.csv.
 */
export interface SpilledEvidence {
  count: number;
  /** Document, theme, code and term texts, indexed by the numbers. */
  names: string[];
  parts: EvidencePart[];
}

export interface EvidencePart {
  rows: number;
  /** Where the part's block starts in the spill: rows * FIELDS * 4 bytes of numbers, then `csvBytes` of lines. */
  at: number;
  csvBytes: number;
  /** The lines are UTF-16LE (they hold a lone surrogate, which UTF-8 cannot carry); else UTF-8. */
  utf16: boolean;
}

/** Reads bytes back from the spill (`EvidenceSpill.read`). */
export type SpillRead = (at: number, length: number) => Buffer;

/**
 * Per row: document, theme, code, term (indexes into `names`), start, end, page + 1 (0: none), line,
 * column, sentence, paragraph, and in the part's lines where matched starts and ends, where left
 * starts and ends, where right ends (UTF-16 code units).
 */
const FIELDS = 16;
const NUMBER_BYTES = FIELDS * 4;
/** Rows per part: about a megabyte of lines. */
export const PART_ROWS = 4096;
const QUOTE = 34;
/** `String.prototype.isWellFormed` (Node 20; ES2024, past this project's `lib`): native, and at once for a Latin-1 string. */
export const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();
// ignoreBOM: a document id may start with U+FEFF, and the field offsets count it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Writes a document's evidence rows, given in parts in text order, to the spill as they come (one
 * part at a time is held), and returns where they are. `textWellFormed`: the document's text has no
 * lone surrogate, so neither do the rows' texts (cut from it without splitting a pair), and only
 * the names need the test.
 */
export function spillEvidence(parts: Iterable<readonly EvidenceRow[]>, append: SpillAppend, textWellFormed = false): SpilledEvidence {
  const spilled: SpilledEvidence = { count: 0, names: [], parts: [] };
  const names = nameTable(spilled.names);
  for (const rows of parts) {
    if (rows.length === 0) continue;
    const { numbers, csv } = packRows(rows, names);
    const utf16 = !(textWellFormed && names.wellFormed()) && !isWellFormed(csv);
    // One block, the lines encoded straight into it after the numbers (UTF-8 takes at most 3 bytes per code unit).
    const block = Buffer.allocUnsafe(numbers.byteLength + csv.length * (utf16 ? 2 : 3));
    block.set(new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength), 0);
    const csvBytes = block.write(csv, numbers.byteLength, utf16 ? 'utf16le' : 'utf8');
    spilled.parts.push({ rows: rows.length, at: append(block.subarray(0, numbers.byteLength + csvBytes)), csvBytes, utf16 });
    spilled.count += rows.length;
  }
  return spilled;
}

/** The rows in parts of at most `size`. */
export function* inParts<T>(rows: readonly T[], size = PART_ROWS): Generator<T[]> {
  for (let at = 0; at < rows.length; at += size) yield rows.slice(at, at + size);
}

interface NameTable {
  index(text: string): number;
  escaped(index: number): string;
  /** No name holds a lone surrogate. */
  wellFormed(): boolean;
}

function nameTable(names: string[]): NameTable {
  const indexes = new Map<string, number>();
  const escaped: string[] = [];
  let wellFormed = true;
  return {
    index(text) {
      let index = indexes.get(text);
      if (index === undefined) {
        indexes.set(text, (index = names.push(text) - 1));
        escaped.push(escapeCsvField(text));
        wellFormed &&= isWellFormed(text);
      }
      return index;
    },
    escaped: (index) => escaped[index]!,
    wellFormed: () => wellFormed,
  };
}

function packRows(rows: readonly EvidenceRow[], names: NameTable): { numbers: Int32Array; csv: string } {
  const numbers = new Int32Array(rows.length * FIELDS);
  let csv = '';
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const at = k * FIELDS;
    const document = (numbers[at] = names.index(row.document));
    const theme = (numbers[at + 1] = names.index(row.theme));
    const code = (numbers[at + 2] = names.index(row.code));
    const term = (numbers[at + 3] = names.index(row.term));
    numbers[at + 4] = row.start;
    numbers[at + 5] = row.end;
    numbers[at + 6] = row.page === null ? 0 : row.page + 1;
    numbers[at + 7] = row.line;
    numbers[at + 8] = row.column;
    numbers[at + 9] = row.sentence;
    numbers[at + 10] = row.paragraph;
    // The same cells as toEvidenceCsv: document, theme, code, term, matched, page, line, column, sentence, paragraph, start, end, left, right.
    csv += `${names.escaped(document)},${names.escaped(theme)},${names.escaped(code)},${names.escaped(term)},`;
    numbers[at + 11] = csv.length;
    csv += escapeCsvField(row.matched);
    numbers[at + 12] = csv.length;
    csv += `,${row.page ?? ''},${row.line},${row.column},${row.sentence},${row.paragraph},${row.start},${row.end},`;
    numbers[at + 13] = csv.length;
    csv += escapeCsvField(row.left);
    numbers[at + 14] = csv.length;
    csv += `,${escapeCsvField(row.right)}`;
    numbers[at + 15] = csv.length;
    csv += '\n';
  }
  return { numbers, csv };
}

/**
 * The evidence as the reports see it: everything is read back from the spill when asked for, one
 * part at a time. `share` returns the one copy of a repeated name across the run.
 */
export function toCompactEvidence(spilled: SpilledEvidence, read: SpillRead, share: (text: string) => string = (text) => text): CompactEvidence {
  const names = spilled.names.map(share);
  const numbersOf = (part: EvidencePart) => {
    const bytes = read(part.at, part.rows * NUMBER_BYTES);
    return new Int32Array(bytes.buffer, bytes.byteOffset, part.rows * FIELDS);
  };
  const linesOf = (part: EvidencePart) => {
    const bytes = read(part.at + part.rows * NUMBER_BYTES, part.csvBytes);
    return part.utf16 ? bytes.toString('utf16le') : decoder.decode(bytes);
  };
  return {
    count: spilled.count,
    *csv() {
      for (const part of spilled.parts) {
        const bytes = read(part.at + part.rows * NUMBER_BYTES, part.csvBytes);
        // evidence.csv is UTF-8: a lone surrogate becomes U+FFFD there, as any report text written does.
        yield part.utf16 ? Buffer.from(bytes.toString('utf16le'), 'utf8') : bytes;
      }
    },
    rows() {
      const rows: EvidenceRow[] = [];
      for (const part of spilled.parts) {
        const numbers = numbersOf(part);
        const lines = linesOf(part);
        for (let k = 0; k < part.rows; k++) rows.push(rowOf(numbers, names, k, lines));
      }
      return rows;
    },
    places() {
      const places: EvidencePlace[] = [];
      for (const part of spilled.parts) {
        const numbers = numbersOf(part);
        for (let k = 0; k < part.rows; k++) places.push(placeOf(numbers, names, k));
      }
      return places;
    },
    rowsAt(indexes) {
      // Each part asked for is read once.
      const firsts: number[] = [];
      let first = 0;
      for (const part of spilled.parts) {
        firsts.push(first);
        first += part.rows;
      }
      const loaded = new Map<number, { numbers: Int32Array; lines: string }>();
      return indexes.map((index) => {
        let p = 0;
        while (p + 1 < firsts.length && firsts[p + 1]! <= index) p++;
        let part = loaded.get(p);
        if (!part) loaded.set(p, (part = { numbers: numbersOf(spilled.parts[p]!), lines: linesOf(spilled.parts[p]!) }));
        return rowOf(part.numbers, names, index - firsts[p]!, part.lines);
      });
    },
  };
}

function placeOf(numbers: Int32Array, names: readonly string[], k: number): EvidencePlace {
  const at = k * FIELDS;
  return { theme: names[numbers[at + 1]!]!, code: names[numbers[at + 2]!]!, start: numbers[at + 4]!, sentence: numbers[at + 9]!, paragraph: numbers[at + 10]! };
}

/** A CSV field's text: a quoted field without its quotes, its doubled quotes single. */
function unquote(field: string): string {
  return field.length > 0 && field.charCodeAt(0) === QUOTE ? field.slice(1, -1).replaceAll('""', '"') : field;
}

/** Row `k` of a part, its texts cut from the part's lines and unquoted. */
function rowOf(numbers: Int32Array, names: readonly string[], k: number, lines: string): EvidenceRow {
  const at = k * FIELDS;
  const page = numbers[at + 6]!;
  const leftEnd = numbers[at + 14]!;
  return {
    document: names[numbers[at]!]!,
    theme: names[numbers[at + 1]!]!,
    code: names[numbers[at + 2]!]!,
    term: names[numbers[at + 3]!]!,
    matched: unquote(lines.slice(numbers[at + 11]!, numbers[at + 12]!)),
    start: numbers[at + 4]!,
    end: numbers[at + 5]!,
    page: page === 0 ? null : page - 1,
    line: numbers[at + 7]!,
    column: numbers[at + 8]!,
    sentence: numbers[at + 9]!,
    paragraph: numbers[at + 10]!,
    left: unquote(lines.slice(numbers[at + 13]!, leftEnd)),
    right: unquote(lines.slice(leftEnd + 1, numbers[at + 15]!)),
  };
}
