import type { CompactEvidence, EvidencePlace, EvidenceRow } from '../types.ts';
import { toCsvField } from '../text/to-csv-line.ts';

/**
 * A document's evidence rows in three flat pieces, for the trip from a worker thread and for the
 * rest of the run: hundreds of thousands of small objects cost more to copy between threads, and
 * millions of them to keep, than finding them. The texts are the document's lines of evidence.csv
 * in UTF-8 (made and encoded on the worker thread, so the main thread only writes them, and they
 * take half the memory of a string with any non-Latin-1 character); numbers go in one Int32Array,
 * including where each row's matched, left and right fields lie in those lines; names in a table.
 */
export interface PackedEvidence {
  count: number;
  /** Per row: document, theme, code, term (indexes into `names`), start, end, page + 1 (0: none), line, column, sentence, paragraph, and in `csv` where matched starts and ends, where left starts and ends, where right ends. */
  numbers: Int32Array;
  names: string[];
  /** The rows as lines of evidence.csv, each ending in `\n`, in UTF-8; as a string when it holds a lone surrogate (which UTF-8 cannot carry). */
  csv: Uint8Array | string;
}

const FIELDS = 16;
const QUOTE = 34;
/** `String.prototype.isWellFormed` (Node 20; ES2024, past this project's `lib`): native, and at once for a Latin-1 string, where /\p{Cs}/u scanned ~1.5 GB/s. */
const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();
const encoder = new TextEncoder();
// ignoreBOM: a document id may start with U+FEFF, and the field offsets count it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export function packEvidence(rows: readonly EvidenceRow[]): PackedEvidence {
  const numbers = new Int32Array(rows.length * FIELDS);
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const escapedNames: string[] = [];
  const name = (text: string) => {
    let index = nameIndex.get(text);
    if (index === undefined) {
      nameIndex.set(text, (index = names.push(text) - 1));
      escapedNames.push(toCsvField(text));
    }
    return index;
  };
  let csv = '';
  rows.forEach((row, k) => {
    const at = k * FIELDS;
    const document = (numbers[at] = name(row.document));
    const theme = (numbers[at + 1] = name(row.theme));
    const code = (numbers[at + 2] = name(row.code));
    const term = (numbers[at + 3] = name(row.term));
    numbers[at + 4] = row.start;
    numbers[at + 5] = row.end;
    numbers[at + 6] = row.page === null ? 0 : row.page + 1;
    numbers[at + 7] = row.line;
    numbers[at + 8] = row.column;
    numbers[at + 9] = row.sentence;
    numbers[at + 10] = row.paragraph;
    // The same cells as toEvidenceCsv: document, theme, code, term, matched, page, line, column, sentence, paragraph, start, end, left, right.
    csv += `${escapedNames[document]},${escapedNames[theme]},${escapedNames[code]},${escapedNames[term]},`;
    numbers[at + 11] = csv.length;
    csv += toCsvField(row.matched);
    numbers[at + 12] = csv.length;
    csv += `,${row.page ?? ''},${row.line},${row.column},${row.sentence},${row.paragraph},${row.start},${row.end},`;
    numbers[at + 13] = csv.length;
    csv += toCsvField(row.left);
    numbers[at + 14] = csv.length;
    csv += `,${toCsvField(row.right)}`;
    numbers[at + 15] = csv.length;
    csv += '\n';
  });
  return { count: rows.length, numbers, names, csv: isWellFormed(csv) ? encoder.encode(csv) : csv };
}

/**
 * The evidence kept as it came from the worker thread; rows are made only when asked for, one
 * document at a time. `share` returns the one copy of a repeated name across the run.
 */
export function toCompactEvidence(packed: PackedEvidence, share: (text: string) => string = (text) => text): CompactEvidence {
  const shared: PackedEvidence = { ...packed, names: packed.names.map(share) };
  return {
    count: packed.count,
    csv: packed.csv,
    rows: () => unpackEvidence(shared),
    places: () => placesOf(shared),
    rowsAt: (indexes) => rowsAt(shared, indexes),
  };
}

/** Some rows: the lines are decoded once, and only the rows asked for are made. */
function rowsAt(packed: PackedEvidence, indexes: readonly number[]): EvidenceRow[] {
  const lines = linesOf(packed);
  return indexes.map((index) => rowOf(packed, index, lines));
}

/** Each row's theme, code, sentence and paragraph, without decoding the texts. */
function placesOf(packed: PackedEvidence): EvidencePlace[] {
  const { numbers, names } = packed;
  const places = new Array<EvidencePlace>(packed.count);
  for (let k = 0; k < packed.count; k++) {
    const at = k * FIELDS;
    places[k] = {
      theme: names[numbers[at + 1]!]!,
      code: names[numbers[at + 2]!]!,
      start: numbers[at + 4]!,
      sentence: numbers[at + 9]!,
      paragraph: numbers[at + 10]!,
    };
  }
  return places;
}

/** The rows again, with the same fields in the same order. */
export function unpackEvidence(packed: PackedEvidence): EvidenceRow[] {
  const lines = linesOf(packed);
  const rows: EvidenceRow[] = new Array<EvidenceRow>(packed.count);
  for (let k = 0; k < packed.count; k++) rows[k] = rowOf(packed, k, lines);
  return rows;
}

/** The lines as a string: the offsets count its UTF-16 code units, and decoding well-formed UTF-8 gives it back. */
function linesOf(packed: PackedEvidence): string {
  return typeof packed.csv === 'string' ? packed.csv : decoder.decode(packed.csv);
}

/** A CSV field's text: a quoted field without its quotes, its doubled quotes single. */
function unquote(field: string): string {
  return field.length > 0 && field.charCodeAt(0) === QUOTE ? field.slice(1, -1).replaceAll('""', '"') : field;
}

/** Row `k`, its texts cut from `lines` (`linesOf`) and unquoted. */
function rowOf(packed: PackedEvidence, k: number, lines: string): EvidenceRow {
  const { numbers, names } = packed;
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
