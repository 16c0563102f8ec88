/** One line of a text file, without its line ending, with its 1-based line number. */
export interface SourceLine {
  text: string;
  line: number;
}

/**
 * Splits a text into lines on LF, CRLF or a lone CR (classic Mac files such as `mfd2.0.dic`),
 * so line numbers in diagnostics match what an editor shows.
 */
export function splitLines(source: string): SourceLine[] {
  return source.split(/\r\n|\r|\n/u).map((text, index) => ({ text, line: index + 1 }));
}
