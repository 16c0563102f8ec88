import { franc } from 'franc-min';

/** The only adapter around franc-min (trigram language identification, 82 languages). */

export interface LanguageGuess {
  /** BCP 47 tag: ISO 639-1 where one exists (`en`, `zh`), else the ISO 639-3 code; absent when unknown. */
  language?: string;
  /** `script`: decided by the share of Han/kana/hangul letters; `trigram`: franc-min; `none`: too little text (under 20 letters, or under 60 for a trigram guess). */
  method: 'script' | 'trigram' | 'none';
}

/** Fewer letters than this and no guess is made. */
const MIN_LETTERS = 20;
/** Trigram statistics need more text: below this many letters a Latin-script text gets no guess (a 23-letter English line came out as Hausa). */
const MIN_TRIGRAM_LETTERS = 60;
/** CJK letters (Han, kana, hangul) at or above this share of all letters make a CJK document. */
const CJK_SHARE = 0.5;
/** Kana at or above this share of the Han + kana letters makes Japanese, not Chinese. */
const KANA_SHARE = 0.05;

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const LETTER = /\p{L}/u;

/**
 * Guesses a document's language. CJK-heavy text is decided by script shares over the whole text
 * (trigram models are unreliable on short CJK passages and franc reads only the first 2,048
 * characters, so an English title page would turn a Chinese report English); other text goes to
 * franc-min. Deterministic: the same text always gets the same guess.
 */
export function detectLanguage(text: string): LanguageGuess {
  let letters = 0;
  let han = 0;
  let kana = 0;
  let hangul = 0;
  for (const char of text) {
    if (!LETTER.test(char)) continue;
    letters++;
    if (HAN.test(char)) han++;
    else if (KANA.test(char)) kana++;
    else if (HANGUL.test(char)) hangul++;
  }
  if (letters < MIN_LETTERS) return { method: 'none' };
  const cjk = han + kana + hangul;
  if (cjk / letters >= CJK_SHARE) {
    if (hangul > han + kana) return { language: 'ko', method: 'script' };
    if (kana / (han + kana) >= KANA_SHARE) return { language: 'ja', method: 'script' };
    return { language: 'zh', method: 'script' };
  }
  if (letters < MIN_TRIGRAM_LETTERS) return { method: 'none' };
  const code = franc(text);
  if (code === 'und') return { method: 'none' };
  return { language: ISO_639_1[code] ?? code, method: 'trigram' };
}

/** franc-min's ISO 639-3 codes that have an ISO 639-1 code (the others are valid BCP 47 tags as they are). */
const ISO_639_1: Record<string, string> = {
  amh: 'am', arb: 'ar', azj: 'az', bel: 'be', ben: 'bn', bos: 'bs', bul: 'bg', ces: 'cs', cmn: 'zh',
  deu: 'de', ell: 'el', eng: 'en', fra: 'fr', fuv: 'ff', guj: 'gu', hau: 'ha', hin: 'hi', hrv: 'hr',
  hun: 'hu', ibo: 'ig', ind: 'id', ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn', kaz: 'kk', kin: 'rw',
  kor: 'ko', lin: 'ln', mal: 'ml', mar: 'mr', mya: 'my', nld: 'nl', npi: 'ne', nya: 'ny', pan: 'pa',
  pbu: 'ps', pes: 'fa', plt: 'mg', pol: 'pl', por: 'pt', qug: 'qu', ron: 'ro', run: 'rn', rus: 'ru',
  sin: 'si', som: 'so', spa: 'es', srp: 'sr', sun: 'su', swe: 'sv', swh: 'sw', tam: 'ta', tel: 'te',
  tgl: 'tl', tha: 'th', tur: 'tr', ukr: 'uk', urd: 'ur', uzn: 'uz', vie: 'vi', yor: 'yo', zlm: 'ms',
  zul: 'zu', zyb: 'za',
};
