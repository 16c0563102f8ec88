import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../types.ts';

const HINT = 'choose a new or empty folder for --out, outside the corpus, e.g. --out outputs';
/** What `validate` and `export` write: a folder holding only these is policycoder's own output too. */
const OTHER_COMMAND_OUTPUTS = new Set(['validation.md', 'validation.csv', 'validation-units.csv', 'units.csv', 'codebook.qdc', 'policycoder.qdpx']);

/**
 * Refuses an --out folder where reports could destroy or mix with the user's files: inside the
 * corpus (its reports would be read as documents), containing the corpus or the codebook, a file,
 * or a folder that already holds other files and no policycoder `manifest.json` (so not a
 * previous run's output). Symbolic links are resolved before comparing.
 */
export async function checkOutFolder(options: { corpusDir: string; codebookPath: string; outDir: string }): Promise<Diagnostic | undefined> {
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
  if (!info) return undefined;
  if (!info.isDirectory()) return refuse('usage/out-not-a-folder', `The output path ${options.outDir} is a file, not a folder.`);
  const names = await readdir(out).catch(() => [] as string[]);
  const ownFiles = names.every((name) => name.startsWith('.') || OTHER_COMMAND_OUTPUTS.has(name));
  if (ownFiles || (await isPreviousOutput(out))) return undefined;
  return refuse(
    'usage/out-not-empty',
    `The output folder ${options.outDir} already holds files but no policycoder manifest.json, so it is not the output of an earlier run; the reports would overwrite or mix with those files.`,
  );
}

async function isPreviousOutput(folder: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as { tool?: { name?: unknown } };
    return manifest.tool?.name === 'policycoder';
  } catch {
    return false;
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
