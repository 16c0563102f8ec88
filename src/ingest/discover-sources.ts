import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusSelection, Diagnostic, InputRecord, SourceFile, SourceFormat } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { describeFsError } from './describe-fs-error.ts';
import { toDisplayPath } from './to-display-path.ts';
import { selectCorpusFiles } from './select-corpus-files.ts';
import { walkCorpus } from './walk-corpus.ts';
import type { WalkedFile, WalkProblem } from './walk-corpus.ts';

/** Document extensions (any letter case) and the format each is read as. */
const FORMATS: Readonly<Record<string, SourceFormat>> = {
  txt: 'txt',
  md: 'md',
  pdf: 'pdf',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
};
/** Documentation, not documents, unless corpus.yaml names them (matched case-insensitively, at any depth). */
const README_NAMES = new Set(['readme.md', 'readme.txt']);
/** Document formats that are recognised but not read, with what to save them as. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  doc: '.docx',
  rtf: '.docx',
  odt: '.docx',
  wps: '.docx',
  pages: '.docx or .pdf',
  xps: '.pdf',
  epub: '.html or .txt',
};

/** The default `maxFileBytes`: 200 MB. */
export const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface DiscoverOptions {
  /** Larger files are not read and are listed as failed (`--max-file-mb`). */
  maxFileBytes?: number;
  /** Include/exclude patterns (corpus.yaml and the command line) and whether links may leave the corpus folder. */
  selection?: CorpusSelection;
  /**
   * False: only look at each file's size and leave `sha256` empty, for a caller that hashes the
   * bytes it reads later (`extractText`), so each file is read once and the hash recorded is that of
   * the bytes analysed, even if the file changes in between. Default true.
   */
  hash?: boolean;
  /**
   * The paths corpus.yaml names (`file:`): a hidden file or a README named there is a document like
   * any other (an explicit entry wins); unnamed ones are listed as excluded with the reason.
   */
  listed?: readonly string[];
}

export interface DiscoveredSources {
  sources: SourceFile[];
  /** Document files found but not readable: each with the reason, for manifest.json `inputs`. */
  failed: InputRecord[];
  /** Document files left out by the include/exclude patterns (`status: excluded`), for manifest.json `inputs`. */
  excluded: InputRecord[];
  diagnostics: Diagnostic[];
}

/**
 * Lists the documents in `corpusDir` (txt, md, pdf, html/htm/xhtml, docx; any letter case),
 * sorted by relative path, with their size and sha256. Hidden files (a dot-file or one in a
 * dot-folder) and READMEs are `excluded` with the reason, unless corpus.yaml names them. A document that cannot be read (permissions, too large, a broken
 * symbolic link) is returned in `failed` with an error diagnostic; the others are still read.
 */
export async function discoverSources(corpusDir: string, options: DiscoverOptions = {}): Promise<DiscoveredSources> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const folderProblem = await checkCorpusFolder(corpusDir);
  if (folderProblem) return { sources: [], failed: [], excluded: [], diagnostics: [folderProblem] };

  const failed: InputRecord[] = [];
  const selection = options.selection ?? { include: [], exclude: [] };
  const walked = await walkCorpus(corpusDir, {
    keep: (name) => isDocumentPath(name) || Object.hasOwn(UNSUPPORTED, extensionOf(name)),
    ...(selection.allowOutsideLinks ? { allowOutsideLinks: true } : {}),
  });
  const listed = new Set(options.listed ?? []);
  const setAside = walked.files.flatMap((file) => {
    const reason = listed.has(file.relPath) ? undefined : reasonToSetAside(file);
    return reason === undefined ? [] : [{ relPath: file.relPath, reason }];
  });
  const asideSet = new Set(setAside.map((file) => file.relPath));
  const visible = { files: walked.files.filter((file) => !asideSet.has(file.relPath)), problems: walked.problems };
  const { files, problems, excluded: left, diagnostics } = selectCorpusFiles(visible, selection, toDisplayPath(path.join(corpusDir, 'corpus.yaml')));
  const excluded = [...left, ...setAside]
    .filter((file) => isDocumentPath(file.relPath))
    .sort((a, b) => compareCodeUnits(a.relPath, b.relPath))
    .map((file): InputRecord => ({ relPath: file.relPath, format: formatOf(file.relPath), bytes: 0, sha256: '', status: 'excluded', reason: file.reason }));
  const sources: SourceFile[] = [];
  // Read and hashed a batch at a time (the reads overlap), the outcomes taken in file order.
  for (let from = 0; from < files.length; from += READ_AT_ONCE) {
    const batch = files.slice(from, from + READ_AT_ONCE);
    for (const outcome of await Promise.all(batch.map((file) => inspect(file, maxFileBytes, options.hash ?? true)))) {
      if ('source' in outcome) sources.push(outcome.source);
      else if ('failed' in outcome) failed.push(outcome.failed);
      if ('diagnostic' in outcome) diagnostics.push(outcome.diagnostic);
    }
  }
  for (const problem of problems) reportProblem(problem, corpusDir, failed, diagnostics);
  failed.sort((a, b) => compareCodeUnits(a.relPath, b.relPath));
  sources.sort((a, b) => compareCodeUnits(a.relPath, b.relPath));
  if (sources.length === 0 && failed.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({
      severity: 'error',
      rule: 'ingest/no-documents',
      message:
        excluded.length === 0
          ? 'The corpus folder contains no .txt, .md, .pdf, .html or .docx documents.'
          : left.length === 0
            ? `The corpus folder's only documents are hidden (a name starting with a dot) or READMEs (${excluded.length}), which are analysed only when corpus.yaml names them.`
            : `The include/exclude patterns leave none of the corpus folder's ${excluded.length} documents.`,
      file: toDisplayPath(corpusDir),
      hint:
        excluded.length === 0
          ? 'Put the documents to analyse in this folder (subfolders are searched too).'
          : left.length === 0
            ? 'Rename them without the leading dot, or give each an entry in corpus.yaml (`- file: .2020-plan.txt`).'
            : 'Check the include/exclude patterns in corpus.yaml and on the command line.',
    });
  }
  return { sources, failed, excluded, diagnostics };
}

/** Why a file the walk found is not a document unless corpus.yaml names it: hidden, or a README. */
function reasonToSetAside(file: WalkedFile): string | undefined {
  if (file.hidden) return 'hidden: its name or a folder on its path starts with a dot (name it in corpus.yaml to analyse it)';
  if (README_NAMES.has(path.posix.basename(file.relPath).toLowerCase())) return 'a README, taken for documentation (name it in corpus.yaml to analyse it)';
  return undefined;
}

/** Files read and hashed at once during discovery. */
const READ_AT_ONCE = 32;

type Inspected = { source: SourceFile } | { failed: InputRecord; diagnostic: Diagnostic } | { diagnostic: Diagnostic };

/** One walked file: a source with its size and sha256, a failed input, or a skipped format. */
async function inspect({ relPath, absolute }: { relPath: string; absolute: string }, maxFileBytes: number, hash: boolean): Promise<Inspected> {
  const file = toDisplayPath(absolute);
  const extension = extensionOf(relPath);
  if (!isDocumentPath(relPath)) {
    return {
      diagnostic: {
        severity: 'warning',
        rule: 'ingest/unsupported-format',
        message: `.${extension} files are not read; this document was skipped.`,
        file,
        hint: `Save it as ${UNSUPPORTED[extension]} (or .pdf) to include it in the analysis.`,
      },
    };
  }
  const format = formatOf(relPath);
  const fail = (bytes: number, rule: string, message: string, hint: string): Inspected => ({
    failed: { relPath, format, bytes, sha256: '', status: 'failed', reason: message.replace(/\.$/, '') },
    diagnostic: { severity: 'error', rule, message, file, hint },
  });
  try {
    const info = await stat(absolute);
    // The walk saw a regular file; one replaced since by a FIFO or a device is never opened (a FIFO blocks the read).
    if (!info.isFile())
      return fail(
        0,
        'ingest/not-a-file',
        'This is no longer a regular file (a FIFO, socket or device); it was not opened.',
        'Only regular files are read; remove it from the corpus folder.',
      );
    const size = info.size;
    if (size > maxFileBytes) {
      return fail(
        size,
        'ingest/too-large',
        `The file is ${formatSize(size)}, larger than the ${formatSize(maxFileBytes)} limit; it was not read.`,
        'Raise the limit with --max-file-mb if the file really is a document, or split it.',
      );
    }
    if (!hash) return { source: { path: absolute, relPath, format, bytes: size, sha256: '' } };
    const { bytes, sha256 } = await hashFile(absolute, size);
    return { source: { path: absolute, relPath, format, bytes, sha256 } };
  } catch (error) {
    return fail(
      0,
      'ingest/unreadable',
      `Cannot read this file: ${describeFsError(error)}.`,
      'Check that the file exists and that you have permission to read it.',
    );
  }
}

/** Above this size a file is hashed as a stream, so that the files read at once never hold much memory. */
const WHOLE_READ_BYTES = 1 << 20;

async function hashFile(absolute: string, size: number): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  if (size <= WHOLE_READ_BYTES) {
    const content = await readFile(absolute);
    return { bytes: content.length, sha256: hash.update(content).digest('hex') };
  }
  let bytes = 0;
  for await (const chunk of createReadStream(absolute)) {
    bytes += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** The rule, severity and hint of each walk problem; those of single files also become failed inputs. */
const PROBLEM_RULES: Record<WalkProblem['kind'], { rule: string; hint: string }> = {
  'broken-link': { rule: 'ingest/broken-link', hint: 'Fix or remove the link.' },
  'same-file': { rule: 'ingest/same-file', hint: 'Each document is analysed once; remove the link or the copy.' },
  'link-loop': { rule: 'ingest/link-loop', hint: 'Nothing is missed; remove the link to silence this note.' },
  'unreadable-folder': { rule: 'ingest/unreadable-folder', hint: 'Check that you have permission to open the folder.' },
  'special-file': {
    rule: 'ingest/not-a-file',
    hint: 'Only regular files are read; remove it from the corpus folder, or rename it without a document extension.',
  },
  'bad-name': { rule: 'ingest/bad-file-name', hint: 'Rename it with a UTF-8 name, e.g. `convmv -f gbk -t utf-8 --notest NAME` for a GBK name.' },
  'outside-link': {
    rule: 'corpus/path-escapes',
    hint: 'Only documents inside the corpus folder are analysed (as for corpus.yaml paths): copy the documents in, or pass --allow-outside-links to follow such links.',
  },
};

function reportProblem(problem: WalkProblem, corpusDir: string, failed: InputRecord[], diagnostics: Diagnostic[]): void {
  const file = toDisplayPath(path.join(corpusDir, problem.relPath));
  const { rule, hint } = PROBLEM_RULES[problem.kind];
  if (problem.kind === 'link-loop') {
    diagnostics.push({ severity: 'info', rule, message: `This symbolic link ${problem.reason}, so it was not searched again.`, file, hint });
    return;
  }
  if (problem.isFolder) {
    const what = problem.kind === 'unreadable-folder' ? `Cannot list this folder: ${problem.reason}` : `Not searched: this is ${problem.reason}`;
    diagnostics.push({ severity: 'error', rule, message: `${what}; the documents in it were not analysed.`, file, hint });
    return;
  }
  const reason = problem.kind === 'same-file' ? `this file ${problem.reason}` : `this is ${problem.reason}`;
  failed.push({ relPath: problem.relPath, format: formatOf(problem.relPath), bytes: 0, sha256: '', status: 'failed', reason });
  diagnostics.push({ severity: 'error', rule, message: `Not analysed: ${reason}.`, file, hint });
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
      hint: 'Create the folder and put .txt, .md, .pdf, .html or .docx documents in it, or point --corpus at an existing folder.',
    };
  }
}

/** True for a path with a document extension (READMEs too: discovery sets them aside unless corpus.yaml names them). */
export function isDocumentPath(name: string): boolean {
  return Object.hasOwn(FORMATS, extensionOf(name));
}

function extensionOf(name: string): string {
  return path.posix.extname(name).slice(1).toLowerCase();
}

/** The format a document path is read as (by its extension; unknown extensions read as text). */
export function formatOf(relPath: string): SourceFormat {
  const extension = extensionOf(relPath);
  return Object.hasOwn(FORMATS, extension) ? FORMATS[extension]! : 'txt';
}

/** `131 bytes` under 1 MB, else `250 MB` / `1.5 MB`. */
function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${bytes} bytes`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 || Number.isInteger(mb) ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}
