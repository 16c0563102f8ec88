import type { BoilerplateRule, Codebook, Diagnostic, DocumentResult, InputRecord, SourceFile } from '../types.ts';
import type { CompiledCodebook } from '../match/compile-codebook.ts';
import type { CorpusEntry } from '../ingest/read-corpus-metadata.ts';
import { toDocumentMeta } from '../ingest/to-document-meta.ts';
import type { AnalyzeHooks, AnalyzeOptions } from '../run.ts';
import type { DocumentJob, DocumentOutcome } from './analyse-document.ts';
import { chooseThreads, createDocumentRunner } from './create-document-runner.ts';
import { openEvidenceSpill, type EvidenceSpill } from './evidence-spill.ts';

export interface AnalysedSources {
  results: DocumentResult[];
  inputs: InputRecord[];
  diagnostics: Diagnostic[];
  /** Where the results' evidence waits: close it once the reports are written (else it closes when the results are collected). */
  spill: EvidenceSpill;
}

type Outcome = DocumentOutcome | { duplicateOf: string };

/**
 * Per input: extract -> tokenize -> count words -> match -> count (`analyseDocument`), in this
 * thread or over worker threads. Every input ends up analysed or failed with a reason. Results are
 * taken in input order whatever finishes first, with a bounded number in flight, so the outcome is
 * the same as one document after the other and memory does not grow with the corpus's text.
 */
export async function analyseSources(
  sources: SourceFile[],
  entries: CorpusEntry[],
  codebook: { source: Codebook; compiled: CompiledCodebook },
  options: AnalyzeOptions,
  hooks: AnalyzeHooks,
  boilerplate: ReadonlyMap<string, BoilerplateRule[]> = new Map(),
): Promise<AnalysedSources> {
  const entryByFile = new Map(entries.map((entry) => [entry.file, entry]));
  const settings = {
    cacheDir: options.cacheDir,
    cjkWords: options.cjkWords,
    themeOrder: codebook.source.themes.map((theme) => theme.id),
    ...(options.contextWidth === undefined ? {} : { contextWidth: options.contextWidth }),
    ...(options.budget === undefined ? {} : { budget: options.budget }),
  };
  const spill = openEvidenceSpill();
  const runner = await createDocumentRunner(codebook.source, codebook.compiled, settings, chooseThreads(sources, options.threads), spill);
  const jobs = sources.map((source): DocumentJob => {
    const entry = entryByFile.get(source.relPath);
    const rules = boilerplate.get(source.relPath);
    return {
      source,
      meta: toDocumentMeta(source, entry),
      ...(rules === undefined ? {} : { boilerplate: rules }),
      ...(entry?.password === undefined ? {} : { password: entry.password }),
      ...(entry?.encoding === undefined ? {} : { encoding: entry.encoding }),
    };
  });
  // An id used by several files goes to the first of them that can be read: the others wait for it and are not read.
  const claims = new Map<string, Promise<string | undefined>>();
  const start = (job: DocumentJob): Promise<Outcome> => {
    const earlier = claims.get(job.meta.id);
    const outcome: Promise<Outcome> = earlier
      ? earlier.then((owner): Promise<Outcome> | Outcome => (owner === undefined ? runner.run(job) : { duplicateOf: owner }))
      : runner.run(job);
    const owner = outcome.then((done) => ('duplicateOf' in done ? done.duplicateOf : 'result' in done ? job.source.relPath : undefined));
    const claim = earlier ? earlier.then((first) => first ?? owner) : owner;
    claim.catch(() => {});
    claims.set(job.meta.id, claim);
    // A failure (an internal error) is raised where results are taken, in order; the chains must not raise it again.
    outcome.catch(() => {});
    owner.catch(() => {});
    return outcome;
  };
  const analysed: AnalysedSources = { results: [], inputs: [], diagnostics: [], spill };
  const window = runner.window;
  const pending: Array<Promise<Outcome>> = [];
  let next = 0;
  try {
    for (let index = 0; index < jobs.length; index++) {
      while (next < jobs.length && next < index + window) pending.push(start(jobs[next++]!));
      // Progress names the document waited for: with many in flight, the ones started are not the ones done.
      hooks.onInput?.(jobs[index]!.source, index, jobs.length);
      const outcome = await pending.shift()!;
      merge(analysed, jobs[index]!, outcome, hooks);
    }
  } catch (error) {
    spill.close();
    throw error;
  } finally {
    await runner.close();
  }
  return analysed;
}

function merge(analysed: AnalysedSources, job: DocumentJob, outcome: Outcome, hooks: AnalyzeHooks): void {
  const { meta } = job;
  // The bytes as analysed (read once and hashed), not as discovery saw them: the file may have changed since.
  const source = 'result' in outcome ? outcome.result.source : 'source' in outcome ? outcome.source : job.source;
  const input: InputRecord = { relPath: source.relPath, format: source.format, bytes: source.bytes, sha256: source.sha256, status: 'failed' };
  analysed.inputs.push(input);
  if ('duplicateOf' in outcome) {
    input.reason = `duplicate document id "${meta.id}" (also used by ${outcome.duplicateOf})`;
    analysed.diagnostics.push(duplicateId(source, meta.id, outcome.duplicateOf));
    return;
  }
  analysed.diagnostics.push(...outcome.diagnostics);
  if ('reason' in outcome) {
    input.reason = outcome.reason;
    return;
  }
  hooks.onExtracted?.(source, outcome.fromCache);
  analysed.results.push(outcome.result);
  Object.assign(input, { status: 'analysed', documentId: meta.id }, outcome.result.boilerplate ? { boilerplate: outcome.result.boilerplate } : {});
}

function duplicateId(source: SourceFile, id: string, firstFile: string): Diagnostic {
  return {
    severity: 'error',
    rule: 'corpus/duplicate-id',
    message: `Document id "${id}" is already used by ${firstFile}; this file was not analysed.`,
    file: source.relPath,
    hint: 'give each document its own `id` in corpus.yaml, or rename one of the files',
  };
}
