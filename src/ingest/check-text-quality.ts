import type { Diagnostic, SourceFormat } from '../types.ts';

/** Replacement and private-use characters at or above this share of the text: the text is not analysed. */
export const GARBLED_SHARE = 0.02;
/** Latin-1 letters and signs (U+00A1-U+00FF) at or above this share: mojibake, not analysed. */
export const MOJIBAKE_SHARE = 0.3;

export interface CharacterCensus {
  /** Characters other than whitespace. */
  visible: number;
  /** U+FFFD, what a decoder writes for bytes it could not read. */
  replacement: number;
  /** U+E000-U+F8FF and planes 15-16: font-private codes (PDF fonts without a Unicode map). */
  privateUse: number;
  /** U+00A1-U+00FF: few in real text; most of the text when GBK bytes were read as Latin-1. */
  latin1: number;
}

/** Counts the characters `checkTextQuality` judges by, code point by code point (a lone surrogate is one). */
export function countCharacters(text: string): CharacterCensus {
  const census: CharacterCensus = { visible: 0, replacement: 0, privateUse: 0, latin1: 0 };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code <= 0x20 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b) || code === 0x85) continue;
    census.visible += 1;
    if (code === 0xfffd) census.replacement += 1;
    else if ((code >= 0xe000 && code <= 0xf8ff) || code >= 0xf0000) census.privateUse += 1;
    else if (code >= 0xa1 && code <= 0xff) census.latin1 += 1;
  }
  return census;
}

/** Units of the characters counted as replacement, private-use (high surrogates of planes 15-16 included) or Latin-1. */
const MAY_BE_GARBLED = /[\u00a1-\u00ff\ufffd\ue000-\uf8ff\udb80-\udbff]/;
/** A character `countCharacters` counts as visible (any surrogate is). */
const VISIBLE = /[^\u0000-\u0020\u0085\u00a0\u2000-\u200b\u3000]/;

/**
 * Problems with a document's extracted text, for the file `file`:
 * - no text at all: an error (`ingest/pdf-no-text`, "needs OCR", for PDFs; `ingest/empty` otherwise);
 * - garbled text (>= 2% U+FFFD or private-use characters, or >= 30% Latin-1 letters: mojibake):
 *   an error, `ingest/garbled-text`; the caller does not analyse the document, since its counts
 *   would be silently low;
 * - a few such characters: a warning, `ingest/suspect-characters`; the document is analysed.
 */
export function checkTextQuality(text: string, format: SourceFormat, file: string): Diagnostic[] {
  // Most texts have no character of those judged here: two native scans say so, and whether any is visible.
  if (!MAY_BE_GARBLED.test(text)) return VISIBLE.test(text) ? [] : [noText(format, file, text.length === 0)];
  return judgeCensus(countCharacters(text), text, format, file);
}

/** `checkTextQuality` from the census of the text's characters. */
export function judgeCensus(census: CharacterCensus, text: string, format: SourceFormat, file: string): Diagnostic[] {
  if (census.visible === 0) return [noText(format, file, text.length === 0)];
  const bad = census.replacement + census.privateUse;
  const percent = (n: number) => `${((100 * n) / census.visible).toFixed(1)}%`;
  const what = [census.replacement > 0 ? `${census.replacement} replacement (U+FFFD)` : '', census.privateUse > 0 ? `${census.privateUse} private-use` : '']
    .filter(Boolean)
    .join(' and ');
  const hint =
    format === 'pdf'
      ? "The PDF's fonts do not map to Unicode; run OCR on it (e.g. `ocrmypdf --force-ocr in.pdf out.pdf`) or find a copy with a real text layer."
      : 'The text was damaged when it was converted or saved; get or export a clean copy (UTF-8).';
  if (census.latin1 >= 10 && census.latin1 >= MOJIBAKE_SHARE * census.visible) {
    return [
      {
        severity: 'error',
        rule: 'ingest/garbled-text',
        message: `The text is mojibake: ${census.latin1} of ${census.visible} characters (${percent(census.latin1)}) are Latin-1 letters and signs such as "${sample(text)}", as when Chinese (GBK) bytes are read as Latin-1; it was not analysed.`,
        file,
        hint,
      },
    ];
  }
  if (bad >= 3 && bad >= GARBLED_SHARE * census.visible) {
    return [
      {
        severity: 'error',
        rule: 'ingest/garbled-text',
        message: `The text is garbled: ${what} characters, ${percent(bad)} of ${census.visible}; it was not analysed.`,
        file,
        hint,
      },
    ];
  }
  if (bad > 0) {
    return [
      {
        severity: 'warning',
        rule: 'ingest/suspect-characters',
        message: `The text has ${what} ${bad === 1 ? 'character' : 'characters'} (${percent(bad)} of ${census.visible}); terms written there cannot match.`,
        file,
        hint,
      },
    ];
  }
  return [];
}

function noText(format: SourceFormat, file: string, empty: boolean): Diagnostic {
  if (format === 'pdf') {
    return {
      severity: 'error',
      rule: 'ingest/pdf-no-text',
      message: 'The PDF has no text layer (it is probably a scan): it needs OCR; it was not analysed.',
      file,
      hint: 'Run OCR first (e.g. `ocrmypdf in.pdf out.pdf`) and put the OCRed copy in the corpus.',
    };
  }
  return {
    severity: 'error',
    rule: 'ingest/empty',
    message: empty ? 'The document has no text; it was not analysed.' : 'The document contains only whitespace; it was not analysed.',
    file,
    hint: 'Check that the file was saved or downloaded completely; remove it from the corpus if it is meant to be empty.',
  };
}

/** The first few Latin-1 characters of the text, to show what the mojibake looks like. */
function sample(text: string): string {
  return (text.match(/[\u00a1-\u00ff]+/g) ?? []).join('').slice(0, 12);
}

/** A file of 0 bytes: nothing to analyse. */
export function emptyFile(file: string): Diagnostic {
  return {
    severity: 'error',
    rule: 'ingest/empty',
    message: 'The file is empty (0 bytes); it was not analysed.',
    file,
    hint: 'Check that the file was saved or downloaded completely; remove it from the corpus if it is meant to be empty.',
  };
}
