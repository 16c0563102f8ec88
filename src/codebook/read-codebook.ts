import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../types.ts';
import { sortDiagnostics } from '../diagnostics/render-diagnostic.ts';
import { decodeCodebookBytes } from './formats/decode-codebook-bytes.ts';
import { parseCodebookFile } from './formats/parse-codebook-file.ts';
import type { ParsedCodebook } from './parse-codebook.ts';

/**
 * Reads a codebook file, strips a UTF-8 BOM and parses it by its extension: native or quanteda
 * YAML, LIWC `.dic`, LIWC-22 `.dicx` or WordStat `.cat` (see `formats/`).
 * Never throws on bad input: a missing or unreadable file, or a directory, becomes a
 * `codebook/unreadable` diagnostic naming the path as given.
 */
export async function readCodebook(path: string): Promise<ParsedCodebook> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { diagnostics: [unreadable(path, error)] };
  }
  const decoded = decodeCodebookBytes(bytes, path);
  const parsed = parseCodebookFile(decoded.text, path);
  if (decoded.diagnostics.length === 0) return parsed;
  return { ...parsed, diagnostics: sortDiagnostics([...decoded.diagnostics, ...parsed.diagnostics]) };
}

function unreadable(path: string, error: unknown): Diagnostic {
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    code === 'ENOENT'
      ? 'it does not exist'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission was denied'
          : `the file could not be read (${typeof code === 'string' ? code : String(error)})`;
  const hint =
    code === 'EISDIR'
      ? `Pass a codebook file inside the folder, e.g. ${path.replace(/\/+$/, '')}/smart-city.yaml.`
      : 'Check the path passed with --codebook (relative paths start from the working directory), or use the default codebooks/smart-city.yaml.';
  return {
    severity: 'error',
    rule: 'codebook/unreadable',
    message: `Cannot read codebook ${path}: ${reason}.`,
    file: path,
    hint,
  };
}
