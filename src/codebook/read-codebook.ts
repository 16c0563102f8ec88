import { constants, readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import nodePath from 'node:path';
import type { Diagnostic } from '../types.ts';
import { sortDiagnostics } from '../diagnostics/render-diagnostic.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { decodeCodebookBytes } from './formats/decode-codebook-bytes.ts';
import { parseCodebookFile } from './formats/parse-codebook-file.ts';
import type { ParsedCodebook } from './parse-codebook.ts';

/**
 * Reads a codebook file, decodes it (`decodeCodebookBytes`: UTF-8 or UTF-16) and parses it by its extension: native or quanteda
 * YAML, LIWC `.dic`, LIWC-22 `.dicx` or WordStat `.cat` (see `formats/`).
 * Never throws on bad input: a missing or unreadable file, or a directory, becomes a
 * `codebook/unreadable` diagnostic naming the path as given.
 */
export async function readCodebook(path: string): Promise<ParsedCodebook> {
  let bytes: Uint8Array;
  try {
    const read = await readRegularFile(path);
    if ('notAFile' in read) return { diagnostics: [notAFile(path, read.notAFile)] };
    bytes = read.bytes;
  } catch (error) {
    return { diagnostics: [unreadable(path, error)] };
  }
  const decoded = decodeCodebookBytes(bytes, path);
  // Text that could not be decoded is not parsed: its errors would be about something else.
  if (decoded.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { diagnostics: decoded.diagnostics };
  const parsed = parseCodebookFile(decoded.text, path);
  if (decoded.diagnostics.length === 0) return parsed;
  return { ...parsed, diagnostics: sortDiagnostics([...decoded.diagnostics, ...parsed.diagnostics]) };
}

/**
 * The file's bytes if it is a regular file, else what it is. Opened without blocking and checked on
 * the handle, so a FIFO never blocks the run and /dev/zero is never read (a codebook-stage twin of
 * ingest/read-regular-file.ts: stages do not import each other).
 */
async function readRegularFile(path: string): Promise<{ bytes: Buffer } | { notAFile: string }> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
    if (stats.isFile()) return { bytes: await handle.readFile() };
    return { notAFile: stats.isFIFO() ? 'a FIFO (named pipe)' : stats.isSocket() ? 'a socket' : 'a device' };
  } finally {
    await handle.close();
  }
}

function notAFile(path: string, kind: string): Diagnostic {
  return {
    severity: 'error',
    rule: 'codebook/unreadable',
    message: `Cannot read codebook ${path}: it is ${kind}, not a file (reading it could block the run or never end).`,
    file: path,
    hint: 'Pass the codebook as a regular file (e.g. codebooks/smart-city.yaml); to use a generated one, write it to a file first.',
  };
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
      : `Check the codebook path: relative paths start from the working directory (${process.cwd()}).${nearbyCodebook(path)}`;
  return {
    severity: 'error',
    rule: 'codebook/unreadable',
    message: `Cannot read codebook ${path}: ${reason}.`,
    file: path,
    hint,
  };
}

/** " Did you mean `x.yaml`?" for a codebook file in the same folder with a similar name, else "". */
function nearbyCodebook(file: string): string {
  try {
    const folder = nodePath.dirname(file);
    const names = readdirSync(folder).filter((name) => /\.(ya?ml|dicx?|cat)$/i.test(name));
    const guess = didYouMean(nodePath.basename(file), names);
    return guess ? ` Did you mean ${nodePath.join(folder, guess)}?` : '';
  } catch {
    return '';
  }
}
