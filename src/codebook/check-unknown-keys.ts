import type { Diagnostic } from '../types.ts';
import { toDiagnostic } from './create-reporter.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import type { YamlMap } from './parse-yaml-tree.ts';

/**
 * `codebook/unknown-key` for every key of `map` not in `allowed`, with a "did you mean" hint.
 * `where` names the mapping in messages, e.g. "code `sensors`".
 */
export function checkUnknownKeys(map: YamlMap, allowed: readonly string[], where: string, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const entry of map.entries) {
    if (entry.key !== null && allowed.includes(entry.key)) continue;
    const shown = entry.key === null ? 'a non-text key' : `\`${entry.key}\``;
    const guess = entry.key === null ? undefined : didYouMean(entry.key, allowed);
    const list = allowed.map((key) => `\`${key}\``).join(', ');
    const hint = guess ? `Did you mean \`${guess}\`? Allowed keys here: ${list}.` : `Allowed keys here: ${list}. Remove or rename the key.`;
    found.push(toDiagnostic('error', 'codebook/unknown-key', file, entry.keyPosition, `Unknown key ${shown} in ${where}.`, hint));
  }
  return found;
}
