import type { SourcePosition, Term } from '../../types.ts';
import type { Reporter } from '../create-reporter.ts';
import { normaliseTermValue } from '../normalise-term-value.ts';

/**
 * A LIWC or WordStat entry as a term. Both tools know one wildcard, a trailing `*`; they
 * match case-insensitively. An entry with `?` and no `*` is kept `exact` (a literal `?`, as
 * those tools read it); `?` next to `*`, or a `*` that is not at the end, is read as a glob
 * with a `codebook/wildcard-meaning` warning. Returns undefined (after an error) for an empty entry.
 */
export function toImportedTerm(raw: string, position: SourcePosition, tool: string, report: Reporter): Term | undefined {
  const value = normaliseTermValue(raw);
  if (value === '') {
    report.error('codebook/empty-term', position, 'An entry is empty.', 'Write a word, a word with a trailing `*`, or a phrase, or remove the line.');
    return undefined;
  }
  const words = value.split(' ');
  const innerStar = words.some((word) => word.slice(0, -1).includes('*'));
  if (value.includes('?') && !value.includes('*')) return { value, kind: 'exact', caseSensitive: false, position };
  if (value.includes('?') || innerStar) {
    report.warning(
      'codebook/wildcard-meaning',
      position,
      `Entry \`${value}\` has \`?\` or a \`*\` that is not at the end of a word; ${tool} knows only a trailing \`*\`, policycoder reads both as wildcards.`,
      'Check that the entry matches what you mean; convert the dictionary to the native format to set `kind: exact` where needed.',
    );
  }
  return { value, kind: 'glob', caseSensitive: false, position };
}
