/** Deterministic synthetic corpora and codebooks for the benchmark (no third-party text). */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Mulberry32: a small seeded PRNG, so every machine generates the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ur',
  'ban',
  'tech',
  'no',
  'lo',
  'gy',
  'sus',
  'tain',
  'a',
  'ble',
  'par',
  'ti',
  'ci',
  'pa',
  'tion',
  'go',
  'vern',
  'ance',
  'plat',
  'form',
  'da',
  'ta',
  'green',
  'smart',
  'ci',
  'ty',
  'in',
  'no',
  'va',
  'tive',
  'pub',
  'lic',
  'net',
  'work',
];

/** A vocabulary of `size` distinct pseudo-words, shortest first (frequent words are short, as in real text). */
export function makeVocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 1 + Math.floor(random() * random() * 5);
    let word = '';
    for (let i = 0; i < syllables; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
}

/** Zipf-like pick: index ~ floor(size^u) - 1. */
function zipfPick<T>(items: readonly T[], random: () => number): T {
  return items[Math.min(items.length - 1, Math.floor(items.length ** random()) - 1)]!;
}

export interface CorpusSpec {
  documents: number;
  wordsPerDocument: number;
  seed: number;
}

/** Writes `documents` text files of `wordsPerDocument` words with sentences and paragraphs; returns total bytes. */
export async function writeCorpus(folder: string, spec: CorpusSpec, vocabulary: readonly string[]): Promise<number> {
  await mkdir(folder, { recursive: true });
  const random = seededRandom(spec.seed);
  let bytes = 0;
  for (let d = 0; d < spec.documents; d++) {
    const parts: string[] = [];
    let sentence = 0;
    for (let w = 0; w < spec.wordsPerDocument; w++) {
      parts.push(zipfPick(vocabulary, random));
      sentence++;
      if (sentence > 8 && random() < 0.12) {
        parts.push(random() < 0.15 ? '.\n\n' : '. ');
        sentence = 0;
      } else if (random() < 0.05) parts.push(', ');
      else parts.push(' ');
    }
    const text = parts.join('');
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(folder, `${String(2000 + (d % 25))}-doc-${String(d).padStart(5, '0')}.txt`), text);
  }
  return bytes;
}

/**
 * A quanteda-format codebook of `terms` values over 10 themes: words, globs (1 in 10) and two-word
 * phrases (1 in 5), drawn uniformly from the vocabulary past its 200 most frequent words, as a real
 * codebook lists content words rather than function words. `unseen` more terms (`qx...`) are
 * spread over the same themes and occur in no generated text.
 */
export function makeCodebook(
  terms: number,
  vocabulary: readonly string[],
  seed: number,
  unseen = 0,
): { yaml: string; plainTerms: string[]; entries: Array<{ value: string; theme: string }> } {
  const random = seededRandom(seed);
  const themes = new Map<string, string[]>();
  const plainTerms: string[] = [];
  const seen = new Set<string>();
  const contentWords = vocabulary.slice(200);
  const pick = () => contentWords[Math.floor(random() * contentWords.length)]!;
  while (seen.size < terms) {
    const word = pick();
    const roll = random();
    const value = roll < 0.1 ? `${word.slice(0, Math.max(4, word.length - 2))}*` : roll < 0.3 ? `${word} ${zipfPick(vocabulary, random)}` : word;
    if (seen.has(value)) continue;
    seen.add(value);
    plainTerms.push(value.replace(/\*$/, ''));
    const theme = `theme${seen.size % 10}`;
    themes.set(theme, [...(themes.get(theme) ?? []), value]);
  }
  // Terms no text contains: the corpus is written with SYLLABLES only, which have no q or x.
  for (let k = 0; k < unseen; k++) {
    const value = `qx${k.toString(26).replace(/./g, (digit) => String.fromCharCode(97 + parseInt(digit, 26)))}`;
    plainTerms.push(value);
    const theme = `theme${k % 10}`;
    themes.get(theme)!.push(value);
  }
  const lines = [...themes].map(([theme, values]) => `${theme}:\n  code:\n${values.map((v) => `    - "${v}"`).join('\n')}`);
  const entries = [...themes].flatMap(([theme, values]) => values.map((value) => ({ value, theme })));
  return { yaml: `${lines.join('\n')}\n`, plainTerms, entries };
}
