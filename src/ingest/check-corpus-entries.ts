import type { Diagnostic, SourceFile } from '../types.ts';
import type { CorpusEntry } from './read-corpus-metadata.ts';

/**
 * Warns about corpus.yaml entries whose file is not among the discovered documents
 * (`corpusYamlPath` is the path shown in the diagnostics).
 */
export function checkCorpusEntries(
  entries: CorpusEntry[],
  sources: SourceFile[],
  corpusYamlPath: string,
): Diagnostic[] {
  const known = new Set(sources.map((source) => source.relPath));
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    if (known.has(entry.file)) continue;
    const lower = entry.file.toLowerCase();
    const sameButCase = sources.find((source) => source.relPath.toLowerCase() === lower);
    diagnostics.push({
      severity: 'warning',
      rule: 'corpus/missing-file',
      message: `corpus.yaml lists \`${entry.file}\`, but the corpus folder has no such document; its metadata is unused.`,
      file: corpusYamlPath,
      ...entry.position,
      hint: sameButCase
        ? `Did you mean \`${sameButCase.relPath}\`? Paths are case-sensitive.`
        : 'Fix the path (relative to the corpus folder, `/` separators) or remove the entry. Only .txt, .md and .pdf files are read.',
    });
  }
  return diagnostics;
}
