import type { Diagnostic } from '../types.ts';
import { listSome, type ResultCheckInput } from './check-results.ts';

/** A document of fewer sentences than this may well be one paragraph: nothing to warn about. */
export const SINGLE_PARAGRAPH_MIN_SENTENCES = 5;

/**
 * Documents of many sentences in one paragraph (a file that is one long line, or text without blank
 * lines): paragraph co-occurrence then counts the whole document as one unit, so any two themes
 * found anywhere in it "co-occur", and line references all point at line 1 (or few lines).
 */
export function checkSingleParagraphs({ results, fileOf }: ResultCheckInput): Diagnostic[] {
  const single = results.filter(
    (result) => result.units !== undefined && result.units.paragraphs <= 1 && result.units.sentences >= SINGLE_PARAGRAPH_MIN_SENTENCES,
  );
  if (single.length === 0) return [];
  const which = single.length === results.length ? `All ${single.length} documents are` : `${single.length} of ${results.length} documents are`;
  return [
    {
      severity: 'warning',
      rule: 'results/one-paragraph',
      message:
        `${which} a single paragraph of ${SINGLE_PARAGRAPH_MIN_SENTENCES} or more sentences (${listSome(single.map(fileOf))}): ` +
        'paragraph co-occurrence counts each as one unit, so every pair of themes found anywhere in it co-occurs, and line numbers in the evidence say little.',
      hint: 'read the sentence co-occurrence for these documents, or give their text paragraph breaks (blank lines) and analyse again',
      ...(single.length === 1 ? { file: fileOf(single[0]!) } : {}),
    },
  ];
}
