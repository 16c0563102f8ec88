import type { BoilerplateRemoval, BoilerplateRule, Diagnostic } from '../types.ts';
import { MAX_TESTED_LINE } from './check-line-pattern.ts';

/** Above this share of a document's characters (whitespace aside), the removal is probably a mistake. */
export const MOST_OF_A_DOCUMENT = 0.5;

/**
 * Warnings about what the rules did to one document (`file`): a rule aimed at it (with `files`, or
 * written in its entry) that removed nothing, and rules that together removed most of its text.
 * Rules for every document (no `files`) are judged across the corpus by `checkUnusedRules`.
 */
export function checkBoilerplateRemovals(
  removals: readonly BoilerplateRemoval[],
  rules: readonly BoilerplateRule[],
  visibleCharacters: number,
  file: string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  rules.forEach((rule, index) => {
    const aimed = rule.scope === 'document' || rule.files !== undefined;
    if (!aimed || removals[index]!.lines > 0) return;
    diagnostics.push({
      severity: 'warning',
      rule: 'corpus/boilerplate-no-effect',
      message: `Boilerplate rule \`${rule.name}\` (corpus.yaml line ${rule.position.line}) removed nothing from this document.`,
      file,
      hint: `${whatItLooksFor(rule)} If this document has no such text, leave it out of the rule's \`files\`.`,
    });
  });
  const removed = removals.reduce((sum, removal) => sum + removal.characters, 0);
  if (visibleCharacters > 0 && removed / visibleCharacters > MOST_OF_A_DOCUMENT) {
    const byRule = removals
      .filter((removal) => removal.characters > 0)
      .map((removal) => `${removal.rule} ${percent(removal.characters / visibleCharacters)}`)
      .join(', ');
    diagnostics.push({
      severity: 'warning',
      rule: 'corpus/boilerplate-removes-most',
      message: `Boilerplate rules removed ${percent(removed / visibleCharacters)} of this document's text (${byRule}); only the rest is counted.`,
      file,
      hint: 'A marker found too early (drop_from) or too late (drop_until) removes the document itself: make the marker longer, or check the rule on this file.',
    });
  }
  return diagnostics;
}

/** A warning for each corpus-wide rule without `files` that removed nothing from any of the documents it was applied to. */
export function checkUnusedRules(
  rules: readonly BoilerplateRule[],
  removals: ReadonlyArray<readonly BoilerplateRemoval[]>,
  documents: number,
  corpusYaml: string,
): Diagnostic[] {
  if (documents === 0) return [];
  return rules
    .filter((rule) => rule.scope === 'corpus' && rule.files === undefined)
    .filter((rule) => !removals.some((list) => list.some((removal) => removal.rule === rule.name && removal.lines > 0)))
    .map((rule) => ({
      severity: 'warning',
      rule: 'corpus/boilerplate-no-effect',
      message: `Boilerplate rule \`${rule.name}\` removed nothing from any of the ${documents} documents.`,
      file: corpusYaml,
      ...rule.position,
      hint: `${whatItLooksFor(rule)} Remove the rule if the corpus has no such text.`,
    }));
}

function whatItLooksFor(rule: BoilerplateRule): string {
  switch (rule.drop) {
    case 'from':
    case 'until':
      return `It looks for a line that starts with \`${rule.marker}\` (leading spaces ignored, letter case and width as written).`;
    case 'between':
      return `It looks for a line that starts with \`${rule.start}\` and a later one that starts with \`${rule.end}\`.`;
    case 'lines':
      return `It drops lines (of up to ${MAX_TESTED_LINE} characters) that the regular expression \`${rule.pattern}\` matches.`;
  }
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
