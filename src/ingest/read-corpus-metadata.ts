import path from 'node:path';
import { decodeYamlBytes } from '../text/decode-yaml-bytes.ts';
import type { BoilerplateRule, Diagnostic, DocumentMeta, GlobPattern, SourcePosition } from '../types.ts';
import { describeFsError } from './describe-fs-error.ts';
import type { RefusedEntry } from './parse-corpus-entry.ts';
import { parseCorpusYaml } from './parse-corpus-yaml.ts';
import { toDisplayPath } from './to-display-path.ts';
import { readRegularFile } from './read-regular-file.ts';

/** One `documents:` item of corpus.yaml. */
export interface CorpusEntry {
  /** Path relative to the corpus folder, `/` separators, normalised (no `./`, no `..`). */
  file: string;
  /** Only the fields the entry gives; `toDocumentMeta` fills in the defaults. */
  meta: Partial<DocumentMeta>;
  /** Where the entry's `file:` value is written in corpus.yaml. */
  position: SourcePosition;
  /** Text encoding of a .txt/.md/.html file (`encoding:`), overriding detection. */
  encoding?: string;
  /** Password of an encrypted PDF (`password:`); never written to any output. */
  password?: string;
  /** This document's own boilerplate rules (`boilerplate:` in its entry), applied after the corpus-wide ones. */
  boilerplate?: BoilerplateRule[];
  /** The document's official number (`number:`, e.g. 国发〔2022〕14号), as written. */
  number?: string;
  /** Where the file comes from (`source:`): repository, path, commit, sheet and row, URL, archive... one line. */
  source?: string;
}

export const CORPUS_YAML = 'corpus.yaml';

export interface CorpusMetadata {
  entries: CorpusEntry[];
  /** corpus.yaml `include:` and `exclude:` patterns (empty when not given). */
  include: GlobPattern[];
  exclude: GlobPattern[];
  /** Corpus-wide boilerplate rules (`boilerplate:`), in the order written. */
  boilerplate: BoilerplateRule[];
  /** Entries refused because their path leaves the corpus folder; each is also an error in `diagnostics`. */
  refused: RefusedEntry[];
  diagnostics: Diagnostic[];
  /**
   * True when corpus.yaml cannot be trusted (syntax, unknown keys, bad dates, duplicates...): the
   * run should stop. Refused paths alone do not block: no document of the corpus depends on them.
   */
  blocking: boolean;
}

/**
 * Reads `<corpusDir>/corpus.yaml` (UTF-8, or UTF-16 as YAML allows). A missing file means no entries and no diagnostic;
 * every problem in the file is reported with line:column, all at once.
 */
export async function readCorpusMetadata(corpusDir: string): Promise<CorpusMetadata> {
  const yamlPath = path.join(corpusDir, CORPUS_YAML);
  const file = toDisplayPath(yamlPath);
  let bytes: Uint8Array;
  try {
    const read = await readRegularFile(yamlPath);
    if ('notAFile' in read) return { entries: [], ...NO_SETTINGS, refused: [], blocking: true, diagnostics: [notAFile(file, read.notAFile)] };
    bytes = read.bytes;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return { entries: [], ...NO_SETTINGS, refused: [], diagnostics: [], blocking: false };
    return {
      entries: [],
      ...NO_SETTINGS,
      refused: [],
      blocking: true,
      diagnostics: [
        {
          severity: 'error',
          rule: 'corpus/unreadable',
          message: `Cannot read corpus.yaml: ${describeFsError(error)}.`,
          file,
          hint: 'Check that corpus.yaml is a readable file, or remove it to use default metadata.',
        },
      ],
    };
  }
  const decoded = decodeYamlBytes(bytes);
  if ('problem' in decoded) {
    const { message, hint, line, column } = decoded.problem;
    const diagnostic: Diagnostic = {
      severity: 'error',
      rule: 'corpus/encoding',
      message: `${message}.`,
      file,
      ...(line === undefined ? {} : { line, column }),
      hint,
    };
    return { entries: [], ...NO_SETTINGS, refused: [], blocking: true, diagnostics: [diagnostic] };
  }
  const { entries, refused = [], include = [], exclude = [], boilerplate = [], diagnostics } = parseCorpusYaml(decoded.text, file);
  const blocking = diagnostics.some((diagnostic) => diagnostic.severity === 'error' && diagnostic.rule !== 'corpus/path-escapes');
  return { entries, include, exclude, boilerplate, refused, diagnostics, blocking };
}

const NO_SETTINGS = { include: [], exclude: [], boilerplate: [] };

function notAFile(file: string, kind: string): Diagnostic {
  return {
    severity: 'error',
    rule: 'corpus/unreadable',
    message: `corpus.yaml is ${kind}, not a file, so it was not read (reading it could block the run or never end).`,
    file,
    hint: 'Make corpus.yaml a regular file (replace the pipe or the link to a device), or remove it to use default metadata.',
  };
}
