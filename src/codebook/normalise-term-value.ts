/** A term value as stored: trimmed, with every run of inner whitespace collapsed to one space. */
export function normaliseTermValue(raw: string): string {
  return raw.trim().replace(/\s+/gu, ' ');
}
