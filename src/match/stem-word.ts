import { createRequire } from 'node:module';

type PorterStemmer = { stem(word: string): string };
let porter: PorterStemmer | undefined;

/**
 * Porter stem of one lower-cased word (natural's implementation, loaded on first use).
 * Porter leaves adjectives in -atory/-isory unreduced (participatory -> participatori), so those
 * endings are first rewritten to the verb (-ate, -ise): participatory, participation and
 * participate then share the stem `particip`.
 */
export function stemWord(word: string): string {
  porter ??= createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer.js') as PorterStemmer;
  return porter.stem(word.replace(/atory$/, 'ate').replace(/isory$/, 'ise'));
}
