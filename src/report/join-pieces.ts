/** A piece of a report written in pieces: text, or text already encoded as UTF-8. */
export type ReportPiece = string | Uint8Array;

// ignoreBOM: a document id may start with U+FEFF, and the field offsets count it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The pieces as one string (for reports small enough to hold whole). */
export function joinPieces(pieces: Iterable<ReportPiece>): string {
  let text = '';
  for (const piece of pieces) text += typeof piece === 'string' ? piece : decoder.decode(piece);
  return text;
}

/** Lines as pieces, each ending in `\n`: joined, they are `lines.join('\n') + '\n'`. */
export function* linePieces(lines: Iterable<string>): Generator<string> {
  // Lines gathered into pieces of about 64K characters: one piece per line would make the
  // writer handle millions of tiny strings.
  let piece = '';
  for (const line of lines) {
    piece += `${line}\n`;
    if (piece.length >= 1 << 16) {
      yield piece;
      piece = '';
    }
  }
  if (piece !== '') yield piece;
}
