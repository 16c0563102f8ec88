import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../types.ts';
import { parseCodebook } from './parse-codebook.ts';
import type { ParsedCodebook } from './parse-codebook.ts';

/**
 * Reads a codebook file (native or quanteda YAML), strips a UTF-8 BOM and parses it.
 * Never throws on bad input: a missing or unreadable file, or a directory, becomes a
 * `codebook/unreadable` diagnostic naming the path as given.
 */
export async function readCodebook(path: string): Promise<ParsedCodebook> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    return { diagnostics: [unreadable(path, error)] };
  }
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  return parseCodebook(source, path);
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
