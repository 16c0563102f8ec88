import type { Diagnostic } from '../types.ts';
import { listSome, type ResultCheckInput } from './check-results.ts';

/** A document of fewer sentences than this may well be one paragraph: nothing to warn about. */
export const SINGLE_PARAGRAPH_MIN_SENTENCES = 5;
/**
 * More sentences than this per paragraph on average: paragraph breaks are missing, though not all
 * (a title line, then the text as one line: the 2014 national guidelines of the bundled corpus have
 * 2 paragraphs of 59 and 247 sentences each). Real paragraphs are far shorter: the 25 State Council
 * work reports 2000-2025 and the 143 city work reports of 2024 average at most 11 sentences per paragraph.
 */
export const MAX_SENTENCES_PER_PARAGRAPH = 30;

/**
 * Documents of many sentences in one paragraph (a file that is one long line, or text without blank
 * lines): paragraph co-occurrence then counts the whole document as one unit, so any two themes
 * found anywhere in it "co-occur", and line references all point at line 1 (or few lines).
 */
export function checkSingleParagraphs({ results, fileOf }: ResultCheckInput): Diagnostic[] {
  const single = results.filter((result) => result.units !== undefined && lacksParagraphs(result.units));
  if (single.length === 0) return [];
  const which =
    results.length === 1
      ? 'The document is'
      : single.length === results.length
        ? `All ${single.length} documents are`
        : `${single.length} of ${results.length} documents are`;
  return [
    {
      severity: 'warning',
      rule: 'results/one-paragraph',
      message:
        `${which} a single paragraph of ${SINGLE_PARAGRAPH_MIN_SENTENCES} or more sentences, or paragraphs of more than ${MAX_SENTENCES_PER_PARAGRAPH} sentences on average (${listSome(single.map(fileOf))}): ` +
        'paragraph co-occurrence counts each as one unit, so every pair of themes found anywhere in it co-occurs, and line numbers in the evidence say little.',
      hint: 'read the sentence co-occurrence for these documents, or give their text paragraph breaks (blank lines) and analyse again',
      ...(single.length === 1 ? { file: fileOf(single[0]!) } : {}),
    },
  ];
}

function lacksParagraphs({ sentences, paragraphs }: { sentences: number; paragraphs: number }): boolean {
  if (sentences < SINGLE_PARAGRAPH_MIN_SENTENCES) return false;
  return paragraphs <= 1 || sentences / paragraphs > MAX_SENTENCES_PER_PARAGRAPH;
}
