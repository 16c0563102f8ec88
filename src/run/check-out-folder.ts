import { constants } from 'node:fs';
import { access, readdir, realpath, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../types.ts';
import { describeWriteProblem, errorCode } from '../report/output-folder-error.ts';
import { isProvenOutput, notOursDiagnostic, readPreviousOutputs } from '../report/previous-outputs.ts';

const HINT = 'choose a new or empty folder for --out, outside the corpus, e.g. --out outputs';
/** What `validate` and `export` write: a folder holding only these is policycoder's own output too. */
const OTHER_COMMAND_OUTPUTS = new Set(['validation.md', 'validation.csv', 'validation-units.csv', 'units.csv', 'codebook.qdc', 'policycoder.qdpx']);
/** Reports every analyze run writes (report.html too, for any number of documents). */
export const ANALYZE_OUTPUTS = [
  'cooccurrence.csv',
  'evidence.csv',
  'evolution.csv',
  'evolution.json',
  'evolution.md',
  'excluded.csv',
  'frequencies.csv',
  'frequencies.json',
  'report.html',
  'report.md',
  'terms.csv',
  'trends.csv',
];

/**
 * Refuses an --out folder where reports could destroy or mix with the user's files: inside the
 * corpus (its reports would be read as documents), containing the corpus or the codebook, a file,
 * or a folder that already holds other files and no policycoder `manifest.json` (so not a
 * previous run's output). Symbolic links are resolved before comparing. Then, before any analysis:
 * a report this run will write must not replace a file the previous manifest does not prove
 * policycoder wrote (`usage/out-file-not-ours`), and the folder must be writable with space left
 * (`usage/out-not-writable`).
 */
export async function checkOutFolder(options: {
  corpusDir: string;
  codebookPath: string;
  outDir: string;
  compareBy?: unknown;
}): Promise<Diagnostic | undefined> {
  const out = await realish(options.outDir);
  const corpus = await realish(options.corpusDir);
  const codebook = await realish(options.codebookPath);
  const refuse = (rule: string, message: string): Diagnostic => ({ severity: 'error', rule, message, hint: HINT });
  if (isInside(out, corpus)) {
    return refuse(
      'usage/out-inside-corpus',
      `The output folder ${options.outDir} is inside the corpus folder ${options.corpusDir}; its reports would be read as documents.`,
    );
  }
  if (isInside(corpus, out)) {
    return refuse(
      'usage/out-contains-corpus',
      `The output folder ${options.outDir} contains the corpus folder ${options.corpusDir}; reports must not be written among the documents.`,
    );
  }
  if (isInside(codebook, out)) {
    return refuse(
      'usage/out-contains-codebook',
      `The output folder ${options.outDir} contains the codebook ${options.codebookPath}, which a report could overwrite.`,
    );
  }
  const info = await stat(out).catch(() => undefined);
  if (info && !info.isDirectory()) return refuse('usage/out-not-a-folder', `The output path ${options.outDir} is a file, not a folder.`);
  if (info) {
    const names = await readdir(out).catch(() => [] as string[]);
    const ownFiles = names.every((name) => name.startsWith('.') || OTHER_COMMAND_OUTPUTS.has(name));
    const previous = await readPreviousOutputs(out);
    if (!ownFiles && !previous.manifest) {
      return refuse(
        'usage/out-not-empty',
        `The output folder ${options.outDir} already holds files but no policycoder manifest.json, so it is not the output of an earlier run; the reports would overwrite or mix with those files.`,
      );
    }
    // comparisons.csv is written with --compare-by only.
    const written = options.compareBy ? [...ANALYZE_OUTPUTS, 'comparisons.csv'] : ANALYZE_OUTPUTS;
    for (const name of written.filter((candidate) => names.includes(candidate))) {
      if (!(await isProvenOutput(out, name, previous))) return notOursDiagnostic(options.outDir, name, previous);
    }
  }
  return checkWritable(options.outDir, out, info !== undefined);
}

/**
 * The reports are written into a temporary folder beside `out` and moved in: both `out` (when it
 * exists) and the folder that holds it (or its nearest existing ancestor, where it will be created)
 * must be writable, on a disk with space left. Says which, why and how to fix it.
 */
async function checkWritable(outDir: string, out: string, exists: boolean): Promise<Diagnostic | undefined> {
  const folders = [...(exists ? [out] : []), await nearestExisting(path.dirname(out))];
  for (const folder of folders) {
    const code = await access(folder, constants.W_OK | constants.X_OK).then(
      () => undefined,
      (error: unknown) => errorCode(error),
    );
    const full = code === undefined && (await hasNoSpace(folder));
    if (code === undefined && !full) continue;
    const problem = describeWriteProblem(full ? 'ENOSPC' : code, folder);
    return {
      severity: 'error',
      rule: 'usage/out-not-writable',
      message: `Cannot write the reports into ${outDir}: ${folder === out ? 'the folder' : `${folder}, where they are prepared,`} cannot be written: ${problem.what}.`,
      file: outDir,
      hint: problem.hint,
    };
  }
  return undefined;
}

/** No block left for this user (root may use the blocks reserved for it). */
async function hasNoSpace(folder: string): Promise<boolean> {
  const info = await statfs(folder).catch(() => undefined);
  if (!info) return false;
  return (process.getuid?.() === 0 ? info.bfree : info.bavail) === 0;
}

async function nearestExisting(folder: string): Promise<string> {
  for (let current = folder; ; current = path.dirname(current)) {
    if (
      await stat(current).then(
        (info) => info.isDirectory(),
        () => false,
      )
    )
      return current;
    if (path.dirname(current) === current) return current;
  }
}

/** `inner` is `outer` or lies inside it. */
function isInside(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
}

/** The real path of `target`, or of its nearest existing ancestor joined with the rest. */
async function realish(target: string): Promise<string> {
  const absolute = path.resolve(target);
  let existing = absolute;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return absolute;
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}
