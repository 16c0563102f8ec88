import type { DocumentResult, ThemeTotal } from '../types.ts';

/**
 * Theme totals of one document, in `themeOrder`: a theme's count is the sum of its codes'
 * counts; `per1000` is the count per 1,000 words (0 when the document has no words).
 * Codes whose theme is not in `themeOrder` are left out.
 */
export function totalThemes(result: DocumentResult, themeOrder: readonly string[]): ThemeTotal[] {
  const counts = new Map<string, number>(themeOrder.map((theme) => [theme, 0]));
  for (const code of result.codes) {
    const sum = counts.get(code.theme);
    if (sum !== undefined) counts.set(code.theme, sum + code.count);
  }
  return themeOrder.map((theme) => {
    const count = counts.get(theme) ?? 0;
    return { theme, count, words: result.words, per1000: ratePer1000(count, result.words) };
  });
}

/** Mentions per 1,000 words; 0 when there are no words. */
export function ratePer1000(count: number, words: number): number {
  return words > 0 ? (count * 1000) / words : 0;
}
