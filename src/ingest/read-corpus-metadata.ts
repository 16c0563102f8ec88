import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, DocumentMeta, SourcePosition } from '../types.ts';
import { describeFsError } from './describe-fs-error.ts';
import { parseCorpusYaml } from './parse-corpus-yaml.ts';
import { toDisplayPath } from './to-display-path.ts';

/** One `documents:` item of corpus.yaml. */
export interface CorpusEntry {
  /** Path relative to the corpus folder, `/` separators, normalised (no `./`, no `..`). */
  file: string;
  /** Only the fields the entry gives; `toDocumentMeta` fills in the defaults. */
  meta: Partial<DocumentMeta>;
  /** Where the entry's `file:` value is written in corpus.yaml. */
  position: SourcePosition;
}

export const CORPUS_YAML = 'corpus.yaml';

/**
 * Reads `<corpusDir>/corpus.yaml`. A missing file means no entries and no diagnostic;
 * every problem in the file is reported with line:column, all at once.
 */
export async function readCorpusMetadata(
  corpusDir: string,
): Promise<{ entries: CorpusEntry[]; diagnostics: Diagnostic[] }> {
  const yamlPath = path.join(corpusDir, CORPUS_YAML);
  const file = toDisplayPath(yamlPath);
  let text: string;
  try {
    text = await readFile(yamlPath, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return { entries: [], diagnostics: [] };
    return {
      entries: [],
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
  return parseCorpusYaml(text, file);
}
