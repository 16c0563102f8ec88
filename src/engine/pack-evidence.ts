import type { CompactEvidence, EvidencePlace, EvidenceRow } from '../types.ts';
import { toCsvField } from '../text/to-csv-line.ts';
import { ByteWriter } from './byte-writer.ts';
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
 * starts and ends, where right ends (bytes from the start of the part's lines).
 */
const FIELDS = 16;
const NUMBER_BYTES = FIELDS * 4;
/** Rows per part: about a megabyte of lines. */
export const PART_ROWS = 4096;
const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;
/** `String.prototype.isWellFormed` (Node 20; ES2024, past this project's `lib`): native, and at once for a Latin-1 string. */
export const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * Writes a document's evidence rows, given in parts in text order, to the spill as they come (one
 * part at a time is held), and returns where they are. `textWellFormed`: the document's text has no
 * lone surrogate, so neither do the rows' texts (cut from it without splitting a pair), and only
 * the names need the test.
 */
export function spillEvidence(parts: Iterable<readonly EvidenceRow[]>, append: SpillAppend, textWellFormed = false): SpilledEvidence {
  const spilled: SpilledEvidence = { count: 0, names: [], parts: [] };
  const names = nameTable(spilled.names);
  const writer = new EvidencePartWriter();
  const draft = newRowDraft();
  for (const rows of parts) {
    if (rows.length === 0) continue;
    const named = rows.map((row) => [names.index(row.document), names.index(row.theme), names.index(row.code), names.index(row.term)] as const);
    // UTF-16 only when some text of the part holds a lone surrogate.
    const utf16 = !(textWellFormed && names.wellFormed()) && !rows.every(isRowWellFormed);
    writer.start(rows.length, utf16);
    rows.forEach((row, k) => {
      [draft.document, draft.theme, draft.code, draft.term] = named[k]!;
      draft.start = row.start;
      draft.end = row.end;
      draft.page = row.page;
      draft.line = row.line;
      draft.column = row.column;
      draft.sentence = row.sentence;
      draft.paragraph = row.paragraph;
      setField(draft.matched, row.matched);
      setField(draft.left, row.left);
      setField(draft.right, row.right);
      writer.write(draft, names);
    });
    spilled.parts.push(writer.finish(append));
    spilled.count += rows.length;
  }
  return spilled;
}

function isRowWellFormed(row: EvidenceRow): boolean {
  return [row.document, row.theme, row.code, row.term, row.matched, row.left, row.right].every(isWellFormed);
}

function setField(field: FieldDraft, text: string): void {
  field.text = text;
  field.start = 0;
  field.end = text.length;
  field.ellipsisBefore = false;
  field.ellipsisAfter = false;
}

/** The rows in parts of at most `size`. */
export function* inParts<T>(rows: readonly T[], size = PART_ROWS): Generator<T[]> {
  for (let at = 0; at < rows.length; at += size) yield rows.slice(at, at + size);
}

/** A text field of a row as it is written: `text.slice(start, end)`, with `…` before or after it. */
export interface FieldDraft {
  text: string;
  start: number;
  end: number;
  ellipsisBefore: boolean;
  ellipsisAfter: boolean;
}

/** One row as it is written, names as indexes into the document's names: reused from row to row, so no object is made per row. */
export interface RowDraft extends Pick<EvidenceRow, 'start' | 'end' | 'page' | 'line' | 'column' | 'sentence' | 'paragraph'> {
  document: number;
  theme: number;
  code: number;
  term: number;
  matched: FieldDraft;
  left: FieldDraft;
  right: FieldDraft;
}

const newField = (): FieldDraft => ({ text: '', start: 0, end: 0, ellipsisBefore: false, ellipsisAfter: false });

export function newRowDraft(): RowDraft {
  // One literal, not spreads: the drafts then share one shape and their fields are read and written at full speed.
  const page: number | null = null;
  return {
    document: 0,
    theme: 0,
    code: 0,
    term: 0,
    start: 0,
    end: 0,
    page,
    line: 0,
    column: 0,
    sentence: 0,
    paragraph: 0,
    matched: newField(),
    left: newField(),
    right: newField(),
  };
}

/** A document's names (document, theme, code and term texts) in `names`, each once, with its CSV field escaped and in UTF-8. */
export interface NameTable {
  index(text: string): number;
  escaped(index: number): string;
  utf8(index: number): Uint8Array;
  /** No name holds a lone surrogate. */
  wellFormed(): boolean;
}

export function nameTable(names: string[]): NameTable {
  const indexes = new Map<string, number>();
  const escaped: string[] = [];
  const utf8: Uint8Array[] = [];
  let wellFormed = true;
  return {
    index(text) {
      let index = indexes.get(text);
      if (index === undefined) {
        indexes.set(text, (index = names.push(text) - 1));
        escaped.push(toCsvField(text));
        utf8.push(Buffer.from(escaped[index]!, 'utf8'));
        wellFormed &&= isWellFormed(text);
      }
      return index;
    },
    escaped: (index) => escaped[index]!,
    utf8: (index) => utf8[index]!,
    wellFormed: () => wellFormed,
  };
}

/**
 * Writes the rows of one part: their evidence.csv lines into `lines` after room for their numbers,
 * then (`finish`) the numbers into that room and the block to the spill. Reused from part to part.
 */
export class EvidencePartWriter {
  readonly lines = new ByteWriter();
  private readonly numbers = new Int32Array(PART_ROWS * FIELDS);
  private rows = 0;
  private capacity = 0;

  /** A part of `rows` rows (at most PART_ROWS), its lines in UTF-16LE or UTF-8. */
  start(rows: number, utf16: boolean): void {
    if (rows > PART_ROWS) throw new Error(`a part holds at most ${PART_ROWS} rows, not ${rows}`);
    this.lines.reset(utf16, rows * NUMBER_BYTES);
    this.rows = 0;
    this.capacity = rows;
  }

  /** Adds a row: the cells of toEvidenceCsv (document, theme, code, term, matched, page, line, column, sentence, paragraph, start, end, left, right). */
  write(row: RowDraft, names: NameTable): void {
    if (this.rows === this.capacity) throw new Error('EvidencePartWriter: more rows than the part was started with');
    const { lines, numbers } = this;
    const linesStart = this.capacity * NUMBER_BYTES;
    const at = this.rows++ * FIELDS;
    numbers[at] = row.document;
    numbers[at + 1] = row.theme;
    numbers[at + 2] = row.code;
    numbers[at + 3] = row.term;
    numbers[at + 4] = row.start;
    numbers[at + 5] = row.end;
    numbers[at + 6] = row.page === null ? 0 : row.page + 1;
    numbers[at + 7] = row.line;
    numbers[at + 8] = row.column;
    numbers[at + 9] = row.sentence;
    numbers[at + 10] = row.paragraph;
    this.name(row.document, names);
    this.name(row.theme, names);
    this.name(row.code, names);
    this.name(row.term, names);
    numbers[at + 11] = lines.length - linesStart;
    this.field(row.matched);
    numbers[at + 12] = lines.length - linesStart;
    lines.ascii(COMMA);
    if (row.page !== null) lines.integer(row.page);
    this.number(row.line);
    this.number(row.column);
    this.number(row.sentence);
    this.number(row.paragraph);
    this.number(row.start);
    this.number(row.end);
    lines.ascii(COMMA);
    numbers[at + 13] = lines.length - linesStart;
    this.field(row.left);
    numbers[at + 14] = lines.length - linesStart;
    lines.ascii(COMMA);
    this.field(row.right);
    numbers[at + 15] = lines.length - linesStart;
    lines.ascii(NEWLINE);
  }

  /** Puts the numbers before the lines, writes the part's block to the spill and says where it is. */
  finish(append: SpillAppend): EvidencePart {
    if (this.rows !== this.capacity) throw new Error(`EvidencePartWriter: ${this.rows} rows written, ${this.capacity} announced`);
    const { lines } = this;
    const numberBytes = this.rows * NUMBER_BYTES;
    lines.bytes.set(new Uint8Array(this.numbers.buffer, 0, numberBytes), 0);
    const at = append(lines.bytes.subarray(0, lines.length));
    return { rows: this.rows, at, csvBytes: lines.length - numberBytes, utf16: lines.utf16 };
  }

  /** A name's escaped field, then a comma. */
  private name(index: number, names: NameTable): void {
    const { lines } = this;
    if (lines.utf16) {
      const escaped = names.escaped(index);
      lines.text(escaped, 0, escaped.length);
    } else lines.raw(names.utf8(index));
    lines.ascii(COMMA);
  }

  /** A comma, then a number. */
  private number(value: number): void {
    this.lines.ascii(COMMA);
    this.lines.integer(value);
  }

  private field(field: FieldDraft): void {
    this.lines.csvField(field.text, field.start, field.end, field.ellipsisBefore, field.ellipsisAfter);
  }
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
  const linesOf = (part: EvidencePart): PartLines => ({ bytes: read(part.at + part.rows * NUMBER_BYTES, part.csvBytes), utf16: part.utf16 });
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
      const loaded = new Map<number, { numbers: Int32Array; lines: PartLines }>();
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

/** A part's lines as read from the spill. */
interface PartLines {
  bytes: Buffer;
  utf16: boolean;
}

/** The text of the CSV field in bytes `[start, end)` of the lines: a quoted field without its quotes, its doubled quotes single. */
function fieldText(lines: PartLines, start: number, end: number): string {
  // Only what is asked for is decoded (a byte-order mark included: a text may hold U+FEFF).
  const field = lines.bytes.toString(lines.utf16 ? 'utf16le' : 'utf8', start, end);
  return field.length > 0 && field.charCodeAt(0) === QUOTE ? field.slice(1, -1).replaceAll('""', '"') : field;
}

/** Row `k` of a part, its texts cut from the part's lines and unquoted. */
function rowOf(numbers: Int32Array, names: readonly string[], k: number, lines: PartLines): EvidenceRow {
  const at = k * FIELDS;
  const page = numbers[at + 6]!;
  const leftEnd = numbers[at + 14]!;
  return {
    document: names[numbers[at]!]!,
    theme: names[numbers[at + 1]!]!,
    code: names[numbers[at + 2]!]!,
    term: names[numbers[at + 3]!]!,
    matched: fieldText(lines, numbers[at + 11]!, numbers[at + 12]!),
    start: numbers[at + 4]!,
    end: numbers[at + 5]!,
    page: page === 0 ? null : page - 1,
    line: numbers[at + 7]!,
    column: numbers[at + 8]!,
    sentence: numbers[at + 9]!,
    paragraph: numbers[at + 10]!,
    left: fieldText(lines, numbers[at + 13]!, leftEnd),
    // After the comma that ends left: one byte in UTF-8, two in UTF-16.
    right: fieldText(lines, leftEnd + (lines.utf16 ? 2 : 1), numbers[at + 15]!),
  };
}
