import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { Diagnostic, SourceFile, SourceFormat } from '../types.ts';
import { describeFsError } from './describe-fs-error.ts';
import { toDisplayPath } from './to-display-path.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';

const PATTERN = '**/*.{txt,md,pdf}';
/** Documentation and configuration, not documents (matched case-insensitively, at any depth). */
const IGNORE = ['**/corpus.yaml', '**/README.md', '**/README.txt'];

/**
 * Lists the documents in `corpusDir` (txt, md, pdf; any letter case), sorted by relative path,
 * with their size and sha256. Dot-files, dot-folders, `corpus.yaml` and READMEs are skipped.
 * A file that cannot be read yields a diagnostic; the other files are still returned.
 */
export async function discoverSources(
  corpusDir: string,
): Promise<{ sources: SourceFile[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const folderProblem = await checkCorpusFolder(corpusDir);
  if (folderProblem) return { sources: [], diagnostics: [folderProblem] };

  const relPaths = await fg(PATTERN, {
    cwd: corpusDir,
    caseSensitiveMatch: false,
    dot: false,
    onlyFiles: true,
    ignore: IGNORE,
  });
  relPaths.sort(compareCodeUnits);

  const sources: SourceFile[] = [];
  for (const relPath of relPaths) {
    const absolute = path.resolve(corpusDir, relPath);
    try {
      const bytes = await readFile(absolute);
      sources.push({
        path: absolute,
        relPath,
        format: formatOf(relPath),
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    } catch (error) {
      diagnostics.push({
        severity: 'error',
        rule: 'ingest/unreadable',
        message: `Cannot read this file: ${describeFsError(error)}.`,
        file: toDisplayPath(absolute),
        hint: 'Check that the file exists and that you have permission to read it.',
      });
    }
  }
  if (sources.length === 0 && diagnostics.length === 0) {
    diagnostics.push({
      severity: 'error',
      rule: 'ingest/no-documents',
      message: 'The corpus folder contains no .txt, .md or .pdf documents.',
      file: toDisplayPath(corpusDir),
      hint: 'Put the documents to analyse in this folder (subfolders are searched too).',
    });
  }
  return { sources, diagnostics };
}

async function checkCorpusFolder(corpusDir: string): Promise<Diagnostic | undefined> {
  const file = toDisplayPath(corpusDir);
  try {
    const info = await stat(corpusDir);
    if (info.isDirectory()) return undefined;
    return {
      severity: 'error',
      rule: 'ingest/corpus-not-a-folder',
      message: 'The corpus path is a file, not a folder.',
      file,
      hint: 'Pass the folder that holds the documents, e.g. --corpus corpus/.',
    };
  } catch (error) {
    return {
      severity: 'error',
      rule: 'ingest/corpus-missing',
      message: `The corpus folder does not exist or cannot be opened (${describeFsError(error)}).`,
      file,
      hint: 'Create the folder and put .txt, .md or .pdf documents in it, or point --corpus at an existing folder.',
    };
  }
}

function formatOf(relPath: string): SourceFormat {
  const extension = path.extname(relPath).slice(1).toLowerCase();
  return extension === 'md' || extension === 'pdf' ? extension : 'txt';
}
