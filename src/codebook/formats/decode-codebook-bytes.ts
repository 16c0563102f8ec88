import { decodeUtf16, decodeYamlBytes, detectUtf16, type DecodedYaml } from '../../text/decode-yaml-bytes.ts';
import type { Diagnostic } from '../../types.ts';
import { formatOfPath } from './codebook-file-format.ts';

/**
 * A codebook file's bytes as text, without a byte-order mark. YAML is read as its spec says
 * (`decodeYamlBytes`: UTF-16 by BOM or NUL pattern, else UTF-8; other bytes are an error at their
 * line:column). LIWC and WordStat dictionaries may be UTF-16 (Notepad's "Unicode") too; from
 * older versions they are often Windows-1252: when such a file is not valid UTF-8 it is decoded
 * as Windows-1252, with a `codebook/encoding` warning.
 */
export function decodeCodebookBytes(bytes: Uint8Array, path: string): { text: string; diagnostics: Diagnostic[] } {
  if (formatOfPath(path) === 'native') return withDiagnostics(decodeYamlBytes(bytes), path);
  const utf16 = detectUtf16(bytes);
  if (utf16 !== undefined) return withDiagnostics(decodeUtf16(bytes, utf16), path);
  let text: string;
  const diagnostics: Diagnostic[] = [];
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
  return { text, diagnostics };
}

function withDiagnostics(decoded: DecodedYaml, path: string): { text: string; diagnostics: Diagnostic[] } {
  if ('text' in decoded) return { text: decoded.text, diagnostics: [] };
  const { message, hint, line, column } = decoded.problem;
  return {
    text: '',
    diagnostics: [
      {
        severity: 'error',
        rule: 'codebook/encoding',
        message: `${message}.`,
        file: path,
        ...(line === undefined ? {} : { line, column }),
        hint,
      },
    ],
  };
}
