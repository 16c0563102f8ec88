import { createRequire } from 'node:module';

interface CompromiseView {
  verbs(): { toInfinitive(): { text(): string } };
  nouns(): { toSingular(): { text(): string } };
}
let nlp: ((text: string) => CompromiseView) | undefined;

/**
 * Dictionary form of one lower-cased word via compromise (loaded on first use, ~0.3 s): verbs to
 * the infinitive (`governed` -> `govern`, `went` -> `go`), nouns to the singular (`cities` ->
 * `city`); other words unchanged. Out of context, so a word that can be both keeps its verb reading.
 */
export function lemmatizeWord(word: string): string {
  nlp ??= createRequire(import.meta.url)('compromise') as (text: string) => CompromiseView;
  const verb = nlp(word).verbs().toInfinitive().text().toLowerCase();
  if (verb && !/\s/.test(verb)) return verb;
  const noun = nlp(word).nouns().toSingular().text().toLowerCase();
  if (noun && !/\s/.test(noun)) return noun;
  return word;
}
