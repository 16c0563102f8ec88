import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../types.ts';
import { hasErrors, sortDiagnostics } from '../diagnostics/render-diagnostic.ts';
import { readCodebook } from '../codebook/read-codebook.ts';
import { compileCodebook } from '../match/compile-codebook.ts';
import { findMatches } from '../match/find-matches.ts';
import { tokenize } from '../text/tokenize.ts';
import { PACKAGE_VERSION } from '../version.ts';
import { toQdcXml } from '../export/to-qdc-xml.ts';
import { sourceGuid, toQdeXml, type ExportSource } from '../export/to-qde-xml.ts';
import { toZip } from '../export/to-zip.ts';
import { readCorpusDocuments } from './read-corpus-documents.ts';
import { describeFsError } from '../ingest/describe-fs-error.ts';
import { toDisplayPath } from '../ingest/to-display-path.ts';
import type { CommandLineSelection } from '../ingest/to-corpus-selection.ts';

export interface ExportOptions {
  /** `--include`/`--exclude`/`--allow-outside-links`, on top of corpus.yaml's patterns. */
  selection?: CommandLineSelection;
  codebookPath: string;
  outDir: string;
  /** Also write `policycoder.qdpx`: the corpus with the dictionary's coded segments. */
  project: boolean;
  corpusDir: string;
  cacheDir: string | null;
}

export interface ExportOutcome {
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  outputs: string[];
}

/** codebook -> `codebook.qdc`; with `project`, corpus -> matches -> `policycoder.qdpx` (project.qde + Sources/*.txt). */
export async function runExport(options: ExportOptions): Promise<ExportOutcome> {
  const { codebook, diagnostics: codebookDiagnostics } = await readCodebook(options.codebookPath);
  if (!codebook || hasErrors(codebookDiagnostics)) return { exitCode: 2, diagnostics: sortDiagnostics(codebookDiagnostics), outputs: [] };
  const origin = `policycoder ${PACKAGE_VERSION}`;
  const diagnostics: Diagnostic[] = [...codebookDiagnostics];
  const files: Array<[string, Uint8Array]> = [['codebook.qdc', Buffer.from(toQdcXml(codebook, origin), 'utf8')]];

  if (options.project) {
    const corpus = await readCorpusDocuments(options.corpusDir, { cacheDir: options.cacheDir, ...(options.selection ? { selection: options.selection } : {}) });
    diagnostics.push(...corpus.diagnostics, ...corpus.documents.flatMap((document) => document.diagnostics));
    if (corpus.failed || corpus.documents.length === 0) return { exitCode: 2, diagnostics: sortDiagnostics(diagnostics), outputs: [] };
    const { compiled } = compileCodebook(codebook);
    const sources: ExportSource[] = [];
    const seen = new Set<string>();
    for (const document of corpus.documents) {
      if (!document.extracted || seen.has(document.meta.id)) continue;
      seen.add(document.meta.id);
      // Coded without the boilerplate; exported with it (same offsets), so the coder sees the whole document.
      const segments = findMatches(tokenize(document.extracted.text), compiled).map((match) => {
        const code = compiled.codes[match.codeIndex]!;
        return { start: match.start, end: match.end, theme: code.theme, code: code.code };
      });
      sources.push({ id: document.meta.id, text: (document.original ?? document.extracted).text, segments });
    }
    sources.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const qde = toQdeXml(`policycoder: ${codebook.name}`, origin, codebook, sources);
    const zip = toZip([
      { name: 'project.qde', data: Buffer.from(qde, 'utf8') },
      ...sources.map((source) => ({ name: `Sources/${sourceGuid(source.id)}.txt`, data: Buffer.from(source.text, 'utf8') })),
    ]);
    files.push(['policycoder.qdpx', zip]);
  }

  for (const [name, data] of files) {
    const target = path.join(options.outDir, name);
    const temporary = `${target}.tmp-${process.pid}`;
    try {
      await mkdir(options.outDir, { recursive: true });
      await writeFile(temporary, data);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      diagnostics.push({
        severity: 'error',
        rule: 'export/write-failed',
        message: `Cannot write ${toDisplayPath(target)}: ${describeFsError(error)}. It was not written (an older file of that name is left as it was).`,
        file: toDisplayPath(options.outDir),
        hint: 'Choose a writable --out folder (or free disk space) and export again.',
      });
      return { exitCode: 2, diagnostics: sortDiagnostics(diagnostics), outputs: [] };
    }
  }
  return { exitCode: hasErrors(diagnostics) ? 1 : 0, diagnostics: sortDiagnostics(diagnostics), outputs: files.map(([name]) => name) };
}
