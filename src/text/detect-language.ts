import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { TrigramMap } from './trigram-map.ts';

/**
 * The only adapter around franc-min (trigram language identification, 82 languages). It uses
 * franc-min's own trigram models and script expressions, and computes franc's answer with typed
 * arrays instead of one object lookup per trigram and language (~20x faster, the same result:
 * `tests/unit/text/detect-language.test.ts` checks it against `franc` itself).
 */

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

const NOT_LETTER = 1;
const OTHER_LETTER = 2;
const HAN_LETTER = 3;
const KANA_LETTER = 4;
const HANGUL_LETTER = 5;
type LetterClass = 1 | 2 | 3 | 4 | 5;

/** Letter class per BMP code point, filled on first sight from the regular expressions above. */
const bmpLetterClass = new Uint8Array(0x10000);

function computeLetterClass(char: string): LetterClass {
  if (!LETTER.test(char)) return NOT_LETTER;
  if (HAN.test(char)) return HAN_LETTER;
  if (KANA.test(char)) return KANA_LETTER;
  if (HANGUL.test(char)) return HANGUL_LETTER;
  return OTHER_LETTER;
}

/**
 * Every code unit that can be (part of) a Han, kana or hangul letter, and more: the Hangul Jamo,
 * CJK, Yi, Hangul and compatibility blocks and all surrogates. A text without any has no CJK letter.
 */
const MAY_BE_CJK = /[\u1100-\u11ff\u2e80-\ua4cf\ua960-\ua97f\uac00-\udfff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

/** False only when `text` has no Han, kana or hangul letter (a native scan, ~0 cost on Latin-1 text). */
export function mayHaveCjkLetters(text: string): boolean {
  return MAY_BE_CJK.test(text);
}

interface LetterCounts {
  letters: number;
  han: number;
  kana: number;
  hangul: number;
}

/** Letters by class, code point by code point as `for (const char of text)` walks it (a lone surrogate is one step); stops at `limit` letters. */
function countLetters(text: string, limit: number): LetterCounts {
  const counts = { letters: 0, han: 0, kana: 0, hangul: 0 };
  for (let i = 0; i < text.length && counts.letters < limit; i++) {
    const unit = text.charCodeAt(i);
    let cls: number;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      cls = computeLetterClass(text.slice(i, i + 2));
      i++;
    } else {
      cls = bmpLetterClass[unit]!;
      if (cls === 0) cls = bmpLetterClass[unit] = computeLetterClass(String.fromCharCode(unit));
    }
    if (cls === NOT_LETTER) continue;
    counts.letters++;
    if (cls === HAN_LETTER) counts.han++;
    else if (cls === KANA_LETTER) counts.kana++;
    else if (cls === HANGUL_LETTER) counts.hangul++;
  }
  return counts;
}

/**
 * Guesses a document's language. CJK-heavy text is decided by script shares over the whole text
 * (trigram models are unreliable on short CJK passages and franc reads only the first 2,048
 * characters, so an English title page would turn a Chinese report English); other text goes to
 * franc-min. Deterministic: the same text always gets the same guess.
 */
export function detectLanguage(text: string): LanguageGuess {
  // Without Han, kana or hangul (one native scan says so), only whether there are MIN_TRIGRAM_LETTERS letters matters.
  const { letters, han, kana, hangul } = countLetters(text, mayHaveCjkLetters(text) ? Infinity : MIN_TRIGRAM_LETTERS);
  if (letters < MIN_LETTERS) return { method: 'none' };
  const cjk = han + kana + hangul;
  if (cjk / letters >= CJK_SHARE) {
    if (hangul > han + kana) return { language: 'ko', method: 'script' };
    if (kana / (han + kana) >= KANA_SHARE) return { language: 'ja', method: 'script' };
    return { language: 'zh', method: 'script' };
  }
  if (letters < MIN_TRIGRAM_LETTERS) return { method: 'none' };
  const code = francLanguage(text);
  if (code === 'und') return { method: 'none' };
  return { language: ISO_639_1[code] ?? code, method: 'trigram' };
}

/** franc's MAX_LENGTH, MIN_LENGTH and MAX_DIFFERENCE. */
const MAX_LENGTH = 2048;
const MIN_LENGTH = 10;
const MAX_DIFFERENCE = 300;

interface ScriptModel {
  /** Language codes in franc's order (the order of franc-min's data). */
  languages: string[];
  /** Trigram -> row; the row's entries `[entryStart[row], entryStart[row + 1])` list the languages that have it. */
  rows: TrigramMap;
  /** The same for trigrams of `a`-`z` and space, by `lowerTrigramIndex` (-1: no row): one read, no hashing. */
  lowerRows: Int32Array;
  entryStart: Int32Array;
  /** Per entry, at `2 * entry`: the language (its index in `languages`), then the trigram's rank in that language's model. */
  entries: Int32Array;
  /** Scratch: the count of each row in one text, all zero between calls. */
  rowCounts: Int32Array;
}

const scriptModels = new Map<string, ScriptModel>();

function scriptModel(script: string): ScriptModel {
  let model = scriptModels.get(script);
  if (model) return model;
  const languages = Object.keys(data[script]!);
  const lists = languages.map((language) => data[script]![language]!.split('|'));
  const weightsByRow = new Map<string, Map<number, number>>();
  lists.forEach((list, l) => {
    // franc gives a trigram listed twice the rank of its first place.
    for (let weight = list.length - 1; weight >= 0; weight--) {
      const byLanguage = weightsByRow.get(list[weight]!) ?? new Map<number, number>();
      weightsByRow.set(list[weight]!, byLanguage.set(l, weight));
    }
  });
  const rows = new TrigramMap(weightsByRow.size);
  const lowerRows = new Int32Array(27 * 27 * 27).fill(-1);
  const entryStart = new Int32Array(weightsByRow.size + 1);
  const entries: number[] = [];
  let row = 0;
  for (const [trigram, byLanguage] of weightsByRow) {
    set(rows, trigram, row);
    const lower = lowerTrigramIndex(lowerCode(trigram.charCodeAt(0)), lowerCode(trigram.charCodeAt(1)), lowerCode(trigram.charCodeAt(2)));
    if (lower >= 0) lowerRows[lower] = row;
    for (const [l, weight] of byLanguage) entries.push(l, weight);
    entryStart[++row] = entries.length / 2;
  }
  model = { languages, rows, lowerRows, entryStart, entries: Int32Array.from(entries), rowCounts: new Int32Array(row) };
  scriptModels.set(script, model);
  return model;
}

/** Space as 0, `a`-`z` as 1-26, any other unit -1. */
function lowerCode(unit: number): number {
  return unit === 32 ? 0 : unit >= 97 && unit <= 122 ? unit - 96 : -1;
}

/** The index of a trigram of three `lowerCode`s in `lowerRows`, or -1 when one is -1. */
function lowerTrigramIndex(a: number, b: number, c: number): number {
  return a < 0 || b < 0 || c < 0 ? -1 : (a * 27 + b) * 27 + c;
}

function set(map: TrigramMap, trigram: string, value: number): void {
  map.set(trigram.charCodeAt(0), trigram.charCodeAt(1), trigram.charCodeAt(2), value);
}

/**
 * `franc(value)` of franc-min 6: the most common script of the first 2,048 characters picks the
 * models; the distance to a model sums, over the distinct trigrams of the cleaned text with
 * count c, |c - weight - 1| where the model has the trigram (weight = its rank) and 300 where not;
 * the smallest distance wins, the first language in franc's order on a tie.
 */
export function francLanguage(text: string): string {
  if (text.length < MIN_LENGTH) return 'und';
  const value = text.slice(0, MAX_LENGTH);
  const counts = scriptCounts(value);
  let topScript: string | undefined;
  let topCount = -1;
  SCRIPTS.forEach((script, index) => {
    const count = counts[index]! / value.length || 0;
    if (count > topCount) {
      topCount = count;
      topScript = script;
    }
  });
  if (topScript === undefined || !(topScript in data)) return topScript === undefined || topCount === 0 ? 'und' : topScript;
  return nearestLanguage(value, scriptModel(topScript));
}

function nearestLanguage(value: string, model: ScriptModel): string {
  const distances = new Int32Array(model.languages.length);
  // Every model trigram a language lacks costs it 300. Counting each trigram of the text as 300 for
  // every language alike would not change which is nearest, so only the languages that have the
  // trigram are visited, with their cost minus 300: the same order, a fraction of the work.
  const { rows, counts } = countModelTrigrams(value, model);
  const { entryStart, entries } = model;
  for (const row of rows) {
    const count = counts[row]!;
    counts[row] = 0;
    const end = 2 * entryStart[row + 1]!;
    for (let entry = 2 * entryStart[row]!; entry < end; entry += 2) {
      const l = entries[entry]!;
      distances[l] = distances[l]! + Math.abs(count - entries[entry + 1]! - 1) - MAX_DIFFERENCE;
    }
  }
  let best = 0;
  for (let l = 1; l < distances.length; l++) if (distances[l]! < distances[best]!) best = l;
  return model.languages[best]!;
}

const SCRIPTS = Object.keys(expressions);
/** Bit k set: the code unit matches franc's expression of SCRIPTS[k]; bit 31: worked out. */
const unitScripts = new Uint32Array(0x10000);
const pairScripts = new Map<number, number>();
const KNOWN = 1 << 31;

/** Each expression anchored to a whole string of one code unit or one surrogate pair. */
const wholeMatchers = SCRIPTS.map((script) => new RegExp(`^(?:${expressions[script]!.source})$`));

function scriptMask(chars: string): number {
  let mask = 0;
  wholeMatchers.forEach((matcher, index) => {
    if (matcher.test(chars)) mask |= 1 << index;
  });
  return mask;
}

/**
 * How often each of franc's script expressions matches `value` (what `value.match(expression)`
 * counts): each expression matches one BMP code unit (never a lone surrogate) or one surrogate pair.
 */
function scriptCounts(value: string): Uint32Array {
  const counts = new Uint32Array(SCRIPTS.length);
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    let mask = unitScripts[unit]!;
    if (mask === 0) mask = unitScripts[unit] = scriptMask(String.fromCharCode(unit)) | KNOWN;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const pair = (unit << 16) | value.charCodeAt(i + 1);
      let pairMask = pairScripts.get(pair);
      if (pairMask === undefined) pairScripts.set(pair, (pairMask = scriptMask(value.slice(i, i + 2))));
      if (pairMask !== 0) {
        addBits(counts, pairMask);
        i++;
        continue;
      }
    }
    addBits(counts, mask & ~KNOWN);
  }
  return counts;
}

function addBits(counts: Uint32Array, mask: number): void {
  for (let k = 0; mask !== 0; k++, mask >>>= 1) if (mask & 1) counts[k]!++;
}

/** Runs of whitespace, ASCII punctuation and digits, except a lone space (which would stay as it is). */
const SPACE_OR_PUNCTUATION = /[\s\u0021-\u0040]{2,}|[^\S ]|[\u0021-\u0040]/g;

/**
 * trigram-utils' cleaning before `asDictionary` pads the value: ASCII punctuation and digits to
 * spaces, whitespace collapsed, trimmed, lower-cased. One replace (a run mixing spaces and
 * punctuation becomes one space either way) that leaves lone spaces alone.
 */
export function cleanForTrigrams(value: string): string {
  return value.replace(SPACE_OR_PUNCTUATION, ' ').trim().toLowerCase();
}

/**
 * How often each of the model's trigrams occurs in ` ${cleanForTrigrams(value)} `: the rows met,
 * in order, and their counts (`counts` is the model's, to be zeroed by the caller). Trigrams no
 * language has are skipped: they cost every language the same.
 */
function countModelTrigrams(value: string, model: ScriptModel): { rows: number[]; counts: Int32Array } {
  const cleaned = cleanForTrigrams(value);
  const rows: number[] = [];
  const counts = model.rowCounts;
  // A window of three code units slides over the cleaned text padded with a space at each end.
  let a = 32;
  let b = cleaned.charCodeAt(0);
  let lowerA = 0;
  let lowerB = lowerCode(b);
  for (let k = 1; k <= cleaned.length; k++) {
    const c = k < cleaned.length ? cleaned.charCodeAt(k) : 32;
    const lowerC = lowerCode(c);
    const lower = lowerTrigramIndex(lowerA, lowerB, lowerC);
    const row = lower >= 0 ? model.lowerRows[lower]! : model.rows.get(a, b, c, -1);
    a = b;
    b = c;
    lowerA = lowerB;
    lowerB = lowerC;
    if (row < 0) continue;
    if (counts[row] === 0) rows.push(row);
    counts[row]!++;
  }
  return { rows, counts };
}

/** franc-min's ISO 639-3 codes that have an ISO 639-1 code (the others are valid BCP 47 tags as they are). */
const ISO_639_1: Record<string, string> = {
  amh: 'am',
  arb: 'ar',
  azj: 'az',
  bel: 'be',
  ben: 'bn',
  bos: 'bs',
  bul: 'bg',
  ces: 'cs',
  cmn: 'zh',
  deu: 'de',
  ell: 'el',
  eng: 'en',
  fra: 'fr',
  fuv: 'ff',
  guj: 'gu',
  hau: 'ha',
  hin: 'hi',
  hrv: 'hr',
  hun: 'hu',
  ibo: 'ig',
  ind: 'id',
  ita: 'it',
  jav: 'jv',
  jpn: 'ja',
  kan: 'kn',
  kaz: 'kk',
  kin: 'rw',
  kor: 'ko',
  lin: 'ln',
  mal: 'ml',
  mar: 'mr',
  mya: 'my',
  nld: 'nl',
  npi: 'ne',
  nya: 'ny',
  pan: 'pa',
  pbu: 'ps',
  pes: 'fa',
  plt: 'mg',
  pol: 'pl',
  por: 'pt',
  qug: 'qu',
  ron: 'ro',
  run: 'rn',
  rus: 'ru',
  sin: 'si',
  som: 'so',
  spa: 'es',
  srp: 'sr',
  sun: 'su',
  swe: 'sv',
  swh: 'sw',
  tam: 'ta',
  tel: 'te',
  tgl: 'tl',
  tha: 'th',
  tur: 'tr',
  ukr: 'uk',
  urd: 'ur',
  uzn: 'uz',
  vie: 'vi',
  yor: 'yo',
  zlm: 'ms',
  zul: 'zu',
  zyb: 'za',
};
