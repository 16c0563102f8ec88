/** Shared helpers for the format tests: fixture paths, the real dictionaries, counting a text, comparing codebooks. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { countMatches } from '../../../../src/analyze/count-matches.ts';
import { compileCodebook } from '../../../../src/match/compile-codebook.ts';
import { findMatches } from '../../../../src/match/find-matches.ts';
import { tokenize } from '../../../../src/text/tokenize.ts';
import type { Codebook } from '../../../../src/types.ts';

export const fixtureDir = path.resolve(import.meta.dirname, '../../../fixtures/codebooks/formats');
export const fixturePath = (name: string): string => path.join(fixtureDir, name);
export const fixtureText = (name: string): string => readFileSync(fixturePath(name), 'utf8');

export const dictionariesDir = path.resolve(import.meta.dirname, '../../../../../shared/data/dictionaries');
export const haveDictionaries = existsSync(path.join(dictionariesDir, 'laver_garry_2000.cat'));
if (!haveDictionaries) console.warn(`Skipping real-dictionary tests: ${dictionariesDir} is absent.`);

/** `theme/code` -> count of matches in `text`, in codebook order. */
export function countCodes(codebook: Codebook, text: string): Record<string, number> {
  const { compiled } = compileCodebook(codebook);
  const counts = countMatches(findMatches(tokenize(text), compiled), compiled.codes);
  return Object.fromEntries(counts.map((count) => [`${count.theme}/${count.code}`, count.count]));
}

/**
 * Themes, codes and terms without positions or notes: what a round trip must keep. `sortTerms`
 * compares each code's terms as a set: LIWC files list each entry once for all its categories,
 * so a category's entries come back in the order the entries first appear in the file.
 */
export function shapeOf(codebook: Codebook | undefined, options: { foldCase?: boolean; sortTerms?: boolean } = {}) {
  return codebook?.themes.map((theme) => ({
    theme: theme.id,
    codes: theme.codes.map((code) => {
      const terms = code.terms.map((term) => ({
        value: options.foldCase && !term.caseSensitive ? term.value.toLowerCase() : term.value,
        kind: term.kind,
        caseSensitive: term.caseSensitive,
        weight: term.weight ?? 1,
      }));
      if (options.sortTerms) terms.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      return { code: code.id, terms };
    }),
  }));
}
