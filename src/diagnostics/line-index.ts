import type { SourcePosition } from '../types.ts';

/**
 * Converts character offsets to 1-based line:column, for offsets that never decrease (evidence
 * rows come in text order): it moves forward from line break to line break (found natively by
 * indexOf), so the text is read once at most and not at all past the last offset asked for.
 */
export class ForwardLineIndex {
  private readonly text: string;
  private line = 1;
  private lineStart = 0;
  private nextBreak: number;
  private lastOffset = 0;

  constructor(text: string) {
    this.text = text;
    this.nextBreak = text.indexOf('\n');
  }

  positionOf(offset: number): SourcePosition {
    if (offset < this.lastOffset) throw new Error(`ForwardLineIndex: offset ${offset} after ${this.lastOffset}`);
    this.lastOffset = offset;
    while (this.nextBreak !== -1 && this.nextBreak < offset) {
      this.line++;
      this.lineStart = this.nextBreak + 1;
      this.nextBreak = this.text.indexOf('\n', this.lineStart);
    }
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}
