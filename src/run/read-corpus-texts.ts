import type { Diagnostic, TokenizedText } from '../types.ts';
import { tokenize } from '../text/tokenize.ts';
import type { CommandLineSelection } from '../ingest/to-corpus-selection.ts';
import { readCorpusDocuments } from './read-corpus-documents.ts';

export interface CorpusText {
  /** Document id (corpus.yaml, else the file name). */
  id: string;
  relPath: string;
  tokenized: TokenizedText;
}

export interface CorpusTexts {
  texts: CorpusText[];
  /** Inputs that could not be read, or whose id was already taken. */
  failed: number;
  diagnostics: Diagnostic[];
  /** True when nothing can be read: the folder is missing, corpus.yaml is broken, or there are no documents. */
  cannotRun: boolean;
}

/** Every readable document of a corpus, tokenized, in discovery order (for `lint --corpus` and `diff`; no reports). */
export async function readCorpusTexts(corpusDir: string, cacheDir: string | null, selection?: CommandLineSelection): Promise<CorpusTexts> {
  const reading = await readCorpusDocuments(corpusDir, { cacheDir, ...(selection ? { selection } : {}) });
  const diagnostics = [...reading.diagnostics];
  const texts: CorpusText[] = [];
  const seen = new Set<string>();
  let failed = 0;
  for (const document of reading.documents) {
    diagnostics.push(...document.diagnostics);
    if (!document.extracted || seen.has(document.meta.id)) {
      if (document.extracted) diagnostics.push(duplicateId(document.source.relPath, document.meta.id));
      failed++;
      continue;
    }
    seen.add(document.meta.id);
    texts.push({ id: document.meta.id, relPath: document.source.relPath, tokenized: tokenize(document.extracted.text) });
  }
  return { texts, failed, diagnostics, cannotRun: reading.failed || reading.documents.length === 0 };
}

function duplicateId(relPath: string, id: string): Diagnostic {
  return {
    severity: 'error',
    rule: 'corpus/duplicate-id',
    message: `Document id "${id}" is already used by another file; ${relPath} was skipped.`,
    file: relPath,
    hint: 'give each document its own `id` in corpus.yaml, or rename one of the files',
  };
}
