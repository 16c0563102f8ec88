import type { Diagnostic, InputRecord } from '../types.ts';
import { formatOf, isDocumentPath } from './discover-sources.ts';
import type { RefusedEntry } from './parse-corpus-entry.ts';
import type { CorpusEntry } from './read-corpus-metadata.ts';

/**
 * An error for each corpus.yaml entry whose file is not among the discovered documents
 * (`known`: the relative paths of the sources, and of the files discovery could not read);
 * `corpusYamlPath` is the path shown in the diagnostics.
 */
export function checkCorpusEntries(entries: CorpusEntry[], known: ReadonlyArray<{ relPath: string }>, corpusYamlPath: string): Diagnostic[] {
  const knownPaths = new Set(known.map((source) => source.relPath));
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    if (knownPaths.has(entry.file)) continue;
    const lower = entry.file.toLowerCase();
    const sameButCase = known.find((source) => source.relPath.toLowerCase() === lower);
    const supported = isDocumentPath(entry.file);
    diagnostics.push({
      severity: 'error',
      rule: 'corpus/missing-file',
      message: supported
        ? `corpus.yaml lists \`${entry.file}\`, but the corpus folder has no such document; it was not analysed.`
        : `corpus.yaml lists \`${entry.file}\`, which is not a document this tool reads; it was not analysed.`,
      file: corpusYamlPath,
      ...entry.position,
      hint: sameButCase
        ? `Did you mean \`${sameButCase.relPath}\`? Paths are case-sensitive.`
        : 'Fix the path (relative to the corpus folder, `/` separators) or remove the entry. Only .txt, .md, .pdf, .html and .docx files are read.',
    });
  }
  return diagnostics;
}

/**
 * The inputs corpus.yaml promises but the run cannot analyse, for manifest.json `inputs`:
 * entries whose file was not found, and entries refused because their path leaves the corpus folder.
 */
export function toUnmatchedInputs(entries: CorpusEntry[], refused: RefusedEntry[], known: ReadonlyArray<{ relPath: string }>): InputRecord[] {
  const knownPaths = new Set(known.map((source) => source.relPath));
  const missing = entries
    .filter((entry) => !knownPaths.has(entry.file))
    .map(
      (entry): InputRecord => ({
        relPath: entry.file,
        format: formatOf(entry.file),
        bytes: 0,
        sha256: '',
        status: 'failed',
        reason: isDocumentPath(entry.file)
          ? 'listed in corpus.yaml, but no such file in the corpus folder'
          : 'listed in corpus.yaml, but not a format this tool reads',
      }),
    );
  const outside = refused.map(
    (entry): InputRecord => ({
      relPath: entry.file,
      format: formatOf(entry.file),
      bytes: 0,
      sha256: '',
      status: 'failed',
      reason: `refused: ${entry.reason.replace(/^`[^`]*` /, 'the path ')}`,
    }),
  );
  return [...missing, ...outside];
}
