import { isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import type { GlobPattern } from '../types.ts';
import { checkGlobPattern } from './check-glob-pattern.ts';
import type { Locate } from './parse-corpus-entry.ts';

type Report = (at: Node | null | undefined, rule: string, message: string, hint: string) => void;

/**
 * A pattern or a list of patterns (corpus.yaml `include`, `exclude`, a rule's `files`), each with
 * its position; undefined, with every problem reported, when one is not a usable pattern.
 */
export function parseGlobList(node: unknown, key: string, error: Report, locate: Locate): GlobPattern[] | undefined {
  const items = isSeq(node) ? node.items : [node];
  const patterns: GlobPattern[] = [];
  let ok = true;
  for (const item of items) {
    const glob = isScalar(item) && typeof item.value === 'string' ? item.value.trim() : undefined;
    const problem =
      glob === undefined
        ? { message: `\`${key}\` must be a pattern or a list of patterns.`, hint: `e.g. \`${key}: [drafts/**, "**/*.pdf"]\`.` }
        : checkGlobPattern(glob);
    if (problem) {
      error(item as Node, glob === undefined ? 'corpus/wrong-type' : 'corpus/bad-pattern', problem.message, problem.hint);
      ok = false;
      continue;
    }
    patterns.push({ glob: glob!, position: locate(item as Node) });
  }
  if (ok && patterns.length === 0) {
    error(node as Node, 'corpus/wrong-type', `\`${key}\` is an empty list.`, `Give at least one pattern, or remove \`${key}\`.`);
    return undefined;
  }
  return ok ? patterns : undefined;
}
