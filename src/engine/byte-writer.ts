/**
 * Bytes written one after another into a buffer that grows: lines of evidence.csv made straight
 * from the document text, without a string per line or per field. UTF-8, or UTF-16LE (`utf16`)
 * for text holding a lone surrogate, which UTF-8 cannot carry. `length` is where the next byte goes.
 */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  utf16 = false;

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Empties the writer and leaves its first `reserved` bytes for the caller. */
  reset(utf16: boolean, reserved = 0): void {
    this.utf16 = utf16;
    this.length = 0;
    this.ensure(reserved);
    this.length = reserved;
  }

  /** Room for `more` bytes past `length`. */
  ensure(more: number): void {
    const needed = this.length + more;
    if (needed <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < needed) capacity *= 2;
    const bytes = new Uint8Array(capacity);
    bytes.set(this.bytes.subarray(0, this.length));
    this.bytes = bytes;
  }

  /** One ASCII character. */
  ascii(unit: number): void {
    this.ensure(2);
    if (this.utf16) {
      this.bytes[this.length++] = unit;
      this.bytes[this.length++] = 0;
    } else this.bytes[this.length++] = unit;
  }

  /** Bytes already encoded as this writer encodes. */
  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** An integer in decimal, as `String(n)` writes it. */
  integer(n: number): void {
    if (n < 0 || n > 0x7fffffff || !Number.isInteger(n)) {
      const digits = String(n);
      this.text(digits, 0, digits.length);
      return;
    }
    if (this.utf16) {
      const digits = String(n);
      this.text(digits, 0, digits.length);
      return;
    }
    this.ensure(10);
    const bytes = this.bytes;
    let digits = 1;
    for (let rest = n; rest >= 10; rest = (rest / 10) | 0) digits++;
    let at = this.length + digits;
    this.length = at;
    let rest = n;
    do {
      const next = (rest / 10) | 0;
      bytes[--at] = 48 + rest - next * 10;
      rest = next;
    } while (rest > 0);
  }

  /** `text.slice(start, end)`, encoded. In UTF-8 a lone surrogate becomes U+FFFD, as `Buffer.from(text)` writes it. */
  text(text: string, start: number, end: number): void {
    if (this.utf16) {
      this.ensure((end - start) * 2);
      for (let i = start; i < end; i++) {
        const unit = text.charCodeAt(i);
        this.bytes[this.length++] = unit & 0xff;
        this.bytes[this.length++] = unit >>> 8;
      }
      return;
    }
    // At most three bytes per code unit (a pair of units takes four).
    this.ensure((end - start) * 3);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = start; i < end; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) {
        bytes[at++] = unit;
      } else if (unit < 0x800) {
        bytes[at++] = 0xc0 | (unit >>> 6);
        bytes[at++] = 0x80 | (unit & 0x3f);
      } else if (unit >= 0xd800 && unit <= 0xdfff) {
        const low = i + 1 < end ? text.charCodeAt(i + 1) : 0;
        if (unit <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
          const point = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
          bytes[at++] = 0xf0 | (point >>> 18);
          bytes[at++] = 0x80 | ((point >>> 12) & 0x3f);
          bytes[at++] = 0x80 | ((point >>> 6) & 0x3f);
          bytes[at++] = 0x80 | (point & 0x3f);
          i++;
        } else {
          bytes[at++] = 0xef;
          bytes[at++] = 0xbf;
          bytes[at++] = 0xbd;
        }
      } else {
        bytes[at++] = 0xe0 | (unit >>> 12);
        bytes[at++] = 0x80 | ((unit >>> 6) & 0x3f);
        bytes[at++] = 0x80 | (unit & 0x3f);
      }
    }
    this.length = at;
  }

  /**
   * A CSV field (`toCsvField` of text/to-csv-line.ts, byte for byte) of `text.slice(start, end)`, with `…` before
   * and/or after it: quoted when it holds a comma, a double quote, CR or LF, quotes doubled.
   */
  csvField(text: string, start: number, end: number, ellipsisBefore = false, ellipsisAfter = false): void {
    const mark = this.length;
    if (ellipsisBefore) this.ellipsis();
    // The common case in one pass: ASCII that needs no quotes, copied as it is checked.
    if (this.utf16 || !this.plainAscii(text, start, end)) {
      this.length = mark;
      if (needsQuotes(text, start, end)) {
        this.quoted(text, start, end, ellipsisBefore, ellipsisAfter);
        return;
      }
      if (ellipsisBefore) this.ellipsis();
      this.text(text, start, end);
    }
    if (ellipsisAfter) this.ellipsis();
  }

  /**
   * Copies `text.slice(start, end)` if it is ASCII without a character that needs quotes (one
   * pass, the common case) and says so; else stops and says false, its bytes partly written.
   */
  private plainAscii(text: string, start: number, end: number): boolean {
    this.ensure(end - start);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = start; i < end; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0x80 || QUOTABLE[unit] === 1) return false;
      bytes[at++] = unit;
    }
    this.length = at;
    return true;
  }

  private quoted(text: string, start: number, end: number, ellipsisBefore: boolean, ellipsisAfter: boolean): void {
    this.ascii(QUOTE);
    if (ellipsisBefore) this.ellipsis();
    let from = start;
    for (let i = start; i < end; i++) {
      if (text.charCodeAt(i) !== QUOTE) continue;
      // The quote is written twice: once ending this run, once starting the next.
      this.text(text, from, i + 1);
      from = i;
    }
    this.text(text, from, end);
    if (ellipsisAfter) this.ellipsis();
    this.ascii(QUOTE);
  }

  private ellipsis(): void {
    this.text(ELLIPSIS, 0, 1);
  }
}

const QUOTE = 34;
const ELLIPSIS = '…';
/** 1 for the ASCII units that make a CSV field need quotes: `"`, `,`, CR, LF. */
const QUOTABLE = Uint8Array.from({ length: 0x80 }, (_, unit) => (unit === QUOTE || unit === 44 || unit === 10 || unit === 13 ? 1 : 0));

/** Whether `text.slice(start, end)` holds `"`, `,`, CR or LF. */
function needsQuotes(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit <= 44 && (unit === 44 || unit === QUOTE || unit === 10 || unit === 13)) return true;
  }
  return false;
}
