import type { BoilerplateRule, Diagnostic } from '../types.ts';
import { matchCorpusPaths } from './match-corpus-paths.ts';
import type { CorpusEntry } from './read-corpus-metadata.ts';

/**
 * The boilerplate rules of each document, in the order they apply: the corpus-wide rules whose
 * `files` patterns match its path (all of them when a rule has no `files`), then the rules of its
 * own corpus.yaml entry. A rule whose `files` match no document is a warning at the rule.
 */
export function assignBoilerplateRules(
  corpusRules: readonly BoilerplateRule[],
  entries: readonly CorpusEntry[],
  relPaths: readonly string[],
  corpusYaml: string,
): { rulesOf: Map<string, BoilerplateRule[]>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const targets = corpusRules.map((rule) => {
    if (rule.files === undefined) return undefined;
    const { matched } = matchCorpusPaths(
      relPaths,
      rule.files.map((pattern) => pattern.glob),
    );
    if (matched.size === 0) {
      diagnostics.push({
        severity: 'warning',
        rule: 'corpus/pattern-matches-nothing',
        message: `The \`files\` of boilerplate rule \`${rule.name}\` match no document of the corpus, so it removes nothing.`,
        file: corpusYaml,
        ...(rule.files[0]!.position ?? rule.position),
        hint: 'Patterns match the whole path relative to the corpus folder (`gov_work_reports/*.txt`, `**/*.pdf`); check the spelling and letter case.',
      });
    }
    return matched;
  });
  const entryOf = new Map(entries.map((entry) => [entry.file, entry]));
  const rulesOf = new Map<string, BoilerplateRule[]>();
  for (const relPath of relPaths) {
    const rules = corpusRules.filter((_, index) => targets[index]?.has(relPath) ?? true);
    rules.push(...(entryOf.get(relPath)?.boilerplate ?? []));
    if (rules.length > 0) rulesOf.set(relPath, rules);
  }
  return { rulesOf, diagnostics };
}
