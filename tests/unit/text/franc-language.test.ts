import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { franc } from 'franc-min';
import { cleanForTrigrams, detectLanguage, francLanguage, mayHaveCjkLetters } from '../../../src/text/detect-language.ts';

// francLanguage re-computes franc-min's answer faster; franc-min itself is the oracle here.

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const sharedData = path.resolve(repoRoot, '../shared/data');

function textFiles(folder: string, limit: number): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (found.length >= limit) return;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(txt|md)$/.test(name)) found.push(full);
    }
  };
  walk(folder);
  return found;
}

const alphabets = [
  'abcdefghijklmnopqrstuvwxyz',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  'àéèêëïîôùûüçñßøåæœ',
  'абвгдежзийклмнопрстуфхцчшщыэюя',
  'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
  'अआइईउऊएऐओऔकखगघचछजझटठडढतथदधनपफबभमयरलवशसह',
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年',
  'あいうえおかきくけこさしすせそ',
  '가나다라마바사아자차카타파하',
  '0123456789',
  ' \n\t  ',
  '.,;:!?-()"\'',
  '\u{20000}\u{20001}𝒜',
];
const mixedText = fc
  .array(fc.tuple(fc.integer({ min: 0, max: alphabets.length - 1 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 1000 })), { maxLength: 400 })
  .map((parts) =>
    parts
      .map(([a, length, seed]) => {
        const chars = Array.from(alphabets[a]!);
        let word = '';
        for (let k = 0; k < length; k++) word += chars[(seed + k * 7) % chars.length];
        return word;
      })
      .join(' '),
  );

/** Words of several Latin-script languages (written for this test), mixed so that the nearest models are close calls. */
const europeanWords = (
  'the city will open its records so that residents can check how buses run and what sensors measure ' +
  'la ville ouvrira ses données afin que les habitants puissent vérifier la ponctualité des bus et des capteurs ' +
  'die stadt wird ihre daten öffnen damit bürger prüfen können wie die busse fahren und was gemessen wird ' +
  'la ciudad abrirá sus datos para que los vecinos puedan comprobar cómo circulan los autobuses ' +
  'la città aprirà i suoi dati perché i cittadini possano controllare come viaggiano gli autobus ' +
  'a cidade vai abrir os seus dados para que os moradores possam verificar como circulam os autocarros ' +
  'de stad zal haar gegevens openen zodat bewoners kunnen nagaan hoe de bussen rijden ' +
  'miasto otworzy swoje dane aby mieszkańcy mogli sprawdzić jak jeżdżą autobusy ' +
  'kota akan membuka datanya agar warga dapat memeriksa bagaimana bus berjalan'
).split(' ');
const europeanText = fc
  .array(fc.integer({ min: 0, max: europeanWords.length - 1 }), { minLength: 5, maxLength: 120 })
  .map((picks) => picks.map((k) => europeanWords[k]).join(' '));

describe("francLanguage gives franc-min's answer", () => {
  it('on random mixtures of words from nine Latin-script languages', () => {
    fc.assert(
      fc.property(europeanText, (text) => francLanguage(text) === franc(text)),
      { numRuns: 600 },
    );
  });

  it('on the texts of the language tests', () => {
    for (const text of [
      'The city will open its transport records so that residents and researchers can check how buses run.',
      'La ville ouvrira ses données de transport afin que les habitants puissent vérifier la ponctualité des bus.',
      'Die Stadt wird ihre Verkehrsdaten öffnen, damit Bürger und Forscher prüfen können, wie die Busse fahren.',
      'Город откроет данные о транспорте, чтобы жители могли проверить, как ходят автобусы.',
      'short',
      '',
      '12345 67890 -- !!',
      'A stray note about green data.',
    ]) {
      expect(francLanguage(text)).toBe(franc(text));
    }
  });

  it('on random mixtures of scripts, digits, punctuation and spaces', () => {
    fc.assert(
      fc.property(mixedText, (text) => francLanguage(text) === franc(text)),
      { numRuns: 400 },
    );
  });

  it('on every text document of the bundled corpus (Chinese) and of the demo corpus (English and Chinese)', () => {
    const files = [...textFiles(path.join(repoRoot, 'corpus'), 200), ...textFiles(path.join(repoRoot, 'tests/fixtures/demo-corpus'), 200)];
    expect(files.filter((file) => file.includes('demo-corpus')).length).toBeGreaterThan(0);
    expect(files.filter((file) => !file.includes('demo-corpus')).length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(francLanguage(text), file).toBe(franc(text));
    }
  });

  describe.skipIf(!existsSync(sharedData))('on the shared research documents (skipped: ../shared/data is absent)', () => {
    it('agrees on every text file', () => {
      for (const file of textFiles(sharedData, 300)) {
        const text = readFileSync(file, 'utf8');
        expect(francLanguage(text), file).toBe(franc(text));
      }
    });
  });
});

describe('cleanForTrigrams', () => {
  it('cleans as trigram-utils does: punctuation and digits to spaces, then whitespace runs to one space, trimmed, lower-cased', () => {
    const unit = fc.constantFrom('a', 'B', 'é', '大', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '.', ',', '7', '@', '!', '[', '-', 'x.y', ' . ');
    const text = fc.array(unit, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (sample) => {
        expect(cleanForTrigrams(sample)).toBe(
          sample
            .replace(/[\u0021-\u0040]+/g, ' ')
            .replace(/\s+/g, ' ')
            .trim()
            .toLowerCase(),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

/** The letter count as it was written before the lookup table: one regular expression test per code point. */
function naiveGuess(text: string): ReturnType<typeof detectLanguage> {
  let letters = 0,
    han = 0,
    kana = 0,
    hangul = 0;
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    letters++;
    if (/\p{Script=Han}/u.test(char)) han++;
    else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(char)) kana++;
    else if (/\p{Script=Hangul}/u.test(char)) hangul++;
  }
  if (letters < 20) return { method: 'none' };
  const cjk = han + kana + hangul;
  if (cjk / letters >= 0.5) {
    if (hangul > han + kana) return { language: 'ko', method: 'script' };
    if (kana / (han + kana) >= 0.05) return { language: 'ja', method: 'script' };
    return { language: 'zh', method: 'script' };
  }
  if (letters < 60) return { method: 'none' };
  const code = franc(text);
  return code === 'und' ? { method: 'none' } : { language: detectLanguage(text).language!, method: 'trigram' };
}

describe('detectLanguage counts letters per code point', () => {
  it('as one regular expression test per character would, lone surrogates and astral Han included', () => {
    const withSurrogates = fc
      .tuple(mixedText, fc.constantFrom('', '\uD840', '\uDC00', '\u{20000}\u{20001}', '\uD840x'))
      .map(([text, odd]) => `${odd}${text}${odd}`);
    fc.assert(
      fc.property(withSurrogates, (text) => {
        expect(detectLanguage(text)).toEqual(naiveGuess(text));
      }),
      { numRuns: 300 },
    );
  });

  it('looks at every letter of a text that may have a Han, kana or hangul letter: the quick scan misses none in the BMP', () => {
    const cjkLetter = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
    const missed: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      if (/\p{L}/u.test(char) && cjkLetter.test(char) && !mayHaveCjkLetters(`abc ${char} def`)) missed.push(unit.toString(16));
    }
    expect(missed).toEqual([]);
    expect(mayHaveCjkLetters('\u{20000}')).toBe(true);
    expect(mayHaveCjkLetters('Café “quoted” — naïve, Россия, 2024.')).toBe(false);
  });

  it('the same on Latin-script texts around the 20- and 60-letter thresholds, with digits, spaces and punctuation', () => {
    const unit = fc.constantFrom('a', 'Ab', 'word ', 'é', ' ', '\n', '1', '.', '“', '—', 'ß', 'я');
    const latin = fc.array(unit, { minLength: 0, maxLength: 90 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(latin, (text) => {
        expect(detectLanguage(text)).toEqual(naiveGuess(text));
      }),
      { numRuns: 500 },
    );
  });
});
