import { createHash } from 'node:crypto';
import { copyFile, constants, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CjkWordRule, Diagnostic, DocumentMeta, SourceFile } from '../types.ts';
import { sortDiagnostics } from '../diagnostics/render-diagnostic.ts';
import { tokenize } from '../text/tokenize.ts';
import { countWords } from '../text/count-words.ts';
import { detectLanguage } from '../text/detect-language.ts';
import { detectUtf16 } from '../text/decode-yaml-bytes.ts';
import { CORPUS_YAML, discoverSources, extractText, readCorpusMetadata, toDocumentMeta, type CorpusEntry } from '../ingest/index.ts';
import { formatOf } from '../ingest/discover-sources.ts';
import { defaultDocumentId, yearFromFileName } from '../ingest/to-document-meta.ts';
import { toDisplayPath } from '../ingest/to-display-path.ts';
import { describeFsError } from '../ingest/describe-fs-error.ts';
import { addCorpusEntry, type NewCorpusEntry } from '../corpus/add-corpus-entry.ts';

/** What the user may give on the command line: the corpus.yaml fields of a document. */
export type AddMetadata = Partial<Pick<DocumentMeta, 'id' | 'title' | 'date' | 'issuer' | 'level' | 'series' | 'language'>>;

export interface AddOptions {
  corpusDir: string;
  files: string[];
  meta: AddMetadata;
  /** `copy`: files outside the corpus are copied in; `in-place`: every file must already be inside it. */
  mode: 'copy' | 'in-place';
  /** Subfolder of the corpus that copies go to (default: the corpus folder itself). */
  to?: string;
  cacheDir: string | null;
  cjkWords: CjkWordRule;
}

export interface AddOutcome {
  /** 0 all added, 1 some refused, 2 nothing could be done (unreadable corpus.yaml, no corpus folder). */
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  /** What was added and what was extracted, for stdout. */
  report: string;
  added: string[];
}

/** The corpus as `add` needs it: what is there (by content, path and id) and corpus.yaml's text. */
export interface CorpusForAdding {
  corpusDir: string;
  yamlPath: string;
  /** corpus.yaml as shown in messages. */
  shownYaml: string;
  /** corpus.yaml's text; null when there is none yet. */
  yamlText: string | null;
  sources: SourceFile[];
  entryByFile: Map<string, CorpusEntry>;
  /** sha256 -> path of the document with that content. */
  shaToFile: Map<string, string>;
  /** id -> path of the document with that id. */
  idToFile: Map<string, string>;
  /** Temporary corpus.yaml files left by add runs that were killed, removed on opening. */
  staleRemoved: string[];
}

/** Reads the corpus for adding to it; exit code 2 when there is no corpus folder or corpus.yaml cannot be read. */
export async function openCorpusForAdding(corpusDirOption: string): Promise<CorpusForAdding | { exitCode: 2; diagnostics: Diagnostic[] }> {
  const corpusDir = path.resolve(corpusDirOption);
  const yamlPath = path.join(corpusDir, CORPUS_YAML);
  const { sources, diagnostics: discoverDiagnostics } = await discoverSources(corpusDir);
  const folderProblem = discoverDiagnostics.find((d) => d.rule === 'ingest/corpus-missing' || d.rule === 'ingest/corpus-not-a-folder');
  if (folderProblem) return { exitCode: 2, diagnostics: [folderProblem] };
  const metadata = await readCorpusMetadata(corpusDir);
  const blocking = (metadata as { blocking?: boolean }).blocking ?? metadata.diagnostics.some((d) => d.severity === 'error');
  if (blocking) {
    const hint = 'Fix corpus.yaml first: `policycoder add` only appends to a file it can read.';
    return { exitCode: 2, diagnostics: sortDiagnostics(metadata.diagnostics.map((d) => ({ ...d, hint: d.hint ?? hint }))) };
  }
  const yamlBytes = await readFile(yamlPath).catch(() => null);
  if (yamlBytes && detectUtf16(yamlBytes)) {
    const diagnostic: Diagnostic = {
      severity: 'error',
      rule: 'add/corpus-yaml-encoding',
      message: 'corpus.yaml is saved as UTF-16: `policycoder add` only appends to UTF-8 (analyze reads either).',
      file: toDisplayPath(yamlPath),
      hint: 'Save corpus.yaml as UTF-8 in your editor, then add again.',
    };
    return { exitCode: 2, diagnostics: [diagnostic] };
  }
  // Decoded as `readFile(..., 'utf8')` does: a BOM stays, so the file is written back byte for byte.
  const yamlText = yamlBytes === null ? null : yamlBytes.toString('utf8');
  const entryByFile = new Map(metadata.entries.map((entry) => [entry.file, entry]));
  const shaToFile = new Map(sources.map((source) => [source.sha256, source.relPath]));
  const idToFile = new Map(sources.map((source) => [toDocumentMeta(source, entryByFile.get(source.relPath)).id, source.relPath]));
  for (const entry of metadata.entries) idToFile.set(entry.meta.id ?? defaultDocumentId(entry.file), entry.file);
  const staleRemoved = await removeStaleTemporaries(corpusDir);
  return { corpusDir, yamlPath, shownYaml: toDisplayPath(yamlPath), yamlText, sources, entryByFile, shaToFile, idToFile, staleRemoved };
}

/** `corpus.yaml.tmp-PID` files whose process is gone (an add killed between writing and renaming): removed, named. */
async function removeStaleTemporaries(corpusDir: string): Promise<string[]> {
  const names = await readdir(corpusDir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = /^corpus\.yaml\.tmp-(\d+)$/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    if (
      await rm(path.join(corpusDir, name), { force: true }).then(
        () => true,
        () => false,
      )
    )
      removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Registers documents: checks each (supported format, not a duplicate by content, path or id,
 * text extractable), copies it into the corpus when it is outside, and appends its entry to
 * corpus.yaml without touching what is already written there. Files are handled one by one;
 * a refused file changes nothing.
 */
export async function runAdd(options: AddOptions): Promise<AddOutcome> {
  const corpus = await openCorpusForAdding(options.corpusDir);
  if ('exitCode' in corpus) return { exitCode: 2, diagnostics: corpus.diagnostics, report: '', added: [] };
  const { corpusDir, yamlPath, shownYaml, entryByFile, shaToFile, idToFile } = corpus;
  let yamlText = corpus.yamlText;
  const removedNote = corpus.staleRemoved.map((name) => `removed ${name}, left by an add that was interrupted`);

  const diagnostics: Diagnostic[] = [];
  const report: string[] = [...removedNote];
  const added: string[] = [];
  let writeFailed = false;
  for (const file of options.files) {
    const refuse = (rule: string, message: string, hint: string) => diagnostics.push({ severity: 'error', rule, message, file: toDisplayPath(file), hint });
    const absolute = path.resolve(file);
    const info = await stat(absolute).catch(() => undefined);
    if (!info?.isFile()) {
      refuse('add/not-found', 'No such file.', 'Check the path; pass the document files to add.');
      continue;
    }
    const relative = path.relative(corpusDir, absolute);
    const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    if (!inside && options.mode === 'in-place') {
      refuse(
        'add/outside-corpus',
        `The file is not inside the corpus folder ${toDisplayPath(corpusDir)}.`,
        'Drop --in-place to copy it in, or move it into the corpus first.',
      );
      continue;
    }
    const relPath = inside ? relative.split(path.sep).join('/') : path.posix.join((options.to ?? '').split(path.sep).join('/'), path.basename(absolute));
    if (relPath.startsWith('..') || path.posix.isAbsolute(relPath)) {
      refuse('add/bad-target', `--to must name a folder inside the corpus, not "${options.to}".`, 'Give a subfolder such as --to shenzhen.');
      continue;
    }
    const extension = path.extname(absolute).slice(1).toLowerCase();
    const format = formatOf(relPath);
    if (format === 'txt' && extension !== 'txt') {
      refuse('add/unsupported-format', `.${extension || '(none)'} files are not read by policycoder.`, 'Save the document as .txt, .md, .pdf, .html or .docx.');
      continue;
    }
    const bytes = await readFile(absolute);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const source: SourceFile = { path: absolute, relPath, format, bytes: bytes.length, sha256 };
    const id = options.files.length === 1 && options.meta.id !== undefined ? options.meta.id : defaultDocumentId(relPath);

    const sameContent = shaToFile.get(sha256);
    // An add killed after copying this file but before writing its entry: the copy is in place, register it.
    const leftBehind = !inside && sameContent === relPath && !entryByFile.has(relPath);
    if (sameContent !== undefined && !(inside && sameContent === relPath) && !leftBehind) {
      refuse(
        'add/duplicate-content',
        `The corpus already holds this document as ${sameContent} (same sha256).`,
        'Nothing to do; to re-describe it, edit its entry in corpus.yaml.',
      );
      continue;
    }
    if (entryByFile.has(relPath)) {
      refuse(
        'add/already-listed',
        `${relPath} already has an entry in ${shownYaml} (line ${entryByFile.get(relPath)!.position.line}).`,
        'Edit that entry instead of adding the file again.',
      );
      continue;
    }
    const sameId = idToFile.get(id);
    if (sameId !== undefined && sameId !== relPath) {
      refuse('add/duplicate-id', `The id "${id}" is already used by ${sameId}.`, 'Choose another id with --id ID (or rename the file).');
      continue;
    }
    if (!inside && !leftBehind && (await stat(path.join(corpusDir, relPath)).catch(() => undefined))) {
      refuse(
        'add/target-exists',
        `${toDisplayPath(path.join(corpusDir, relPath))} exists already with other content.`,
        'Rename the file, or choose another folder with --to.',
      );
      continue;
    }

    const { extracted, diagnostics: extractDiagnostics } = await extractText(source, { cacheDir: options.cacheDir });
    if (!extracted) {
      diagnostics.push(...extractDiagnostics);
      refuse('add/unreadable', 'The text of this file could not be extracted, so it was not added.', 'See the message above for the cause.');
      continue;
    }
    const guess = options.meta.language === undefined ? detectLanguage(extracted.text) : undefined;
    const fileYear = yearFromFileName(relPath);
    const entry: NewCorpusEntry = { file: relPath, id, comments: {} };
    if (options.meta.title !== undefined && options.files.length === 1) entry.title = options.meta.title;
    if (options.meta.date !== undefined) entry.date = options.meta.date;
    else if (fileYear !== undefined) {
      entry.date = String(fileYear);
      entry.comments!.date = 'year from the file name; give the full date if known';
    }
    for (const key of ['issuer', 'level', 'series'] as const) if (options.meta[key] !== undefined) entry[key] = options.meta[key];
    if (options.meta.language !== undefined) entry.language = options.meta.language;
    else if (guess?.language !== undefined) {
      entry.language = guess.language;
      entry.comments!.language = `guessed from the text (${guess.method === 'script' ? 'script' : 'franc-min'}); check`;
    }
    const updated = addCorpusEntry(yamlText, entry);
    if ('problem' in updated) {
      refuse('add/cannot-edit-yaml', `Cannot add the entry: ${updated.problem}.`, `Add the entry to ${shownYaml} by hand (see README.md, "Adding documents").`);
      continue;
    }

    const target = path.join(corpusDir, relPath);
    const copyFailure = inside || leftBehind ? undefined : await copyInto(absolute, target);
    const written = copyFailure ?? (await writeAtomically(yamlPath, updated.text));
    if (written) {
      if (!inside && !leftBehind && !copyFailure) await rm(target, { force: true });
      const where = copyFailure ? toDisplayPath(target) : shownYaml;
      refuse(
        'add/write-failed',
        `Cannot write ${where}: ${describeFsError(written)}. Nothing was added for this file${options.files.length > 1 ? ', and the files after it were not tried' : ''}.`,
        'Make the corpus folder writable (or free disk space), then add again: files already added are not added twice.',
      );
      writeFailed = true;
      break;
    }
    yamlText = updated.text;
    shaToFile.set(sha256, relPath);
    idToFile.set(id, relPath);
    entryByFile.set(relPath, { file: relPath, meta: { id }, position: { line: 0, column: 0 } });
    added.push(relPath);
    diagnostics.push(...extractDiagnostics);
    const how = inside ? 'registered' : leftBehind ? 'registered (already copied by an earlier add that was interrupted)' : 'copied and registered';
    report.push(describeAdded(relPath, id, how, extracted, countWords(tokenize(extracted.text), options.cjkWords).words, entry, guess, extractDiagnostics));
  }
  if (added.length > 0)
    report.push(`${shownYaml}: ${added.length} ${added.length === 1 ? 'entry' : 'entries'} appended; existing entries and comments unchanged.`);
  return {
    exitCode: writeFailed ? 2 : added.length === options.files.length ? 0 : 1,
    diagnostics: sortDiagnostics(diagnostics),
    report: report.length > 0 ? `${report.join('\n')}\n` : '',
    added,
  };
}

function describeAdded(
  relPath: string,
  id: string,
  how: string,
  extracted: { text: string; pages: unknown[] },
  words: number,
  entry: NewCorpusEntry,
  guess: ReturnType<typeof detectLanguage> | undefined,
  problems: Diagnostic[],
): string {
  const facts = [`${words.toLocaleString('en-US')} words`];
  if (extracted.pages.length > 0) facts.push(`${extracted.pages.length} ${extracted.pages.length === 1 ? 'page' : 'pages'}`);
  if (guess) facts.push(guess.language === undefined ? 'language unknown (too little text)' : `language ${guess.language} (guessed)`);
  else facts.push(`language ${entry.language}`);
  facts.push(
    entry.date === undefined ? 'no date (add one for the evolution report)' : `date ${entry.date}${entry.comments?.date ? ' (from the file name)' : ''}`,
  );
  const lines = [`${how} ${relPath} as "${id}": ${facts.join(', ')}`];
  for (const problem of problems) lines.push(`  ${problem.severity}: ${problem.message}`);
  return lines.join('\n');
}

/** Copies a document into the corpus (never over a file); on failure no part of the copy is left. */
async function copyInto(from: string, target: string): Promise<Error | undefined> {
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(from, target, constants.COPYFILE_EXCL);
    return undefined;
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') await rm(target, { force: true }).catch(() => undefined);
    return error instanceof Error ? error : new Error(String(error));
  }
}

export async function writeAtomically(file: string, text: string): Promise<Error | undefined> {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, file);
    return undefined;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return error instanceof Error ? error : new Error(String(error));
  }
}
