import type { Diagnostic } from '../../types.ts';
import { formatOfPath } from './codebook-file-format.ts';

/**
 * A codebook file's bytes as text, without a UTF-8 BOM. YAML is UTF-8 by definition. LIWC and
 * WordStat dictionaries from older versions are often Windows-1252: when such a file is not valid
 * UTF-8 it is decoded as Windows-1252, with a `codebook/encoding` warning.
 */
export function decodeCodebookBytes(bytes: Uint8Array, path: string): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  if (formatOfPath(path) === 'native') {
    text = new TextDecoder('utf-8').decode(bytes);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      diagnostics.push({
        severity: 'warning',
        rule: 'codebook/encoding',
        message: `${path} is not valid UTF-8; it was read as Windows-1252 (the encoding of older LIWC and WordStat dictionaries).`,
        file: path,
        hint: 'Check accented entries; save the file as UTF-8 to silence this warning.',
      });
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, diagnostics };
}
