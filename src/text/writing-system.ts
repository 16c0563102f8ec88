/**
 * Writing systems, as far as matching cares: a term written in one can only match text written in
 * it. Han covers Chinese characters and Japanese kanji; kana and hangul are their own.
 */
export type WritingSystem = 'han' | 'kana' | 'hangul' | 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'devanagari' | 'thai';

const SYSTEMS: ReadonlyArray<[WritingSystem, RegExp]> = [
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['thai', /\p{Script=Thai}/u],
];

/** The writing systems whose letters occur in `text` (a term), in a fixed order. */
export function writingSystemsOf(text: string): WritingSystem[] {
  return SYSTEMS.filter(([, pattern]) => pattern.test(text)).map(([system]) => system);
}

/** ISO 639-1 language -> the writing systems its texts are written in; languages not listed use Latin. */
const BY_LANGUAGE: Readonly<Record<string, readonly WritingSystem[]>> = {
  zh: ['han'],
  ja: ['han', 'kana'],
  ko: ['hangul', 'han'],
  ru: ['cyrillic'],
  uk: ['cyrillic'],
  be: ['cyrillic'],
  bg: ['cyrillic'],
  sr: ['cyrillic', 'latin'],
  mk: ['cyrillic'],
  kk: ['cyrillic'],
  mn: ['cyrillic'],
  el: ['greek'],
  ar: ['arabic'],
  fa: ['arabic'],
  ur: ['arabic'],
  he: ['hebrew'],
  yi: ['hebrew'],
  hi: ['devanagari'],
  mr: ['devanagari'],
  ne: ['devanagari'],
  th: ['thai'],
};

/** The writing systems of a language tag (`zh`, `zh-Hant`, `en-GB`): by its primary subtag. */
export function writingSystemsOfLanguage(language: string): readonly WritingSystem[] {
  const primary = language.toLowerCase().split(/[-_]/)[0]!;
  return BY_LANGUAGE[primary] ?? ['latin'];
}
