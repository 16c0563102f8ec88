import type { Codebook, DocumentResult } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { round3 } from './format-number.ts';

/**
 * `frequencies.json`: the machine-readable twin of `frequencies.csv` and `terms.csv`, nested
 * document -> theme -> code -> terms. Themes follow the codebook, codes the order of
 * `result.codes` (codebook order). Rates are rounded to 3 decimals; missing metadata is `null`
 * so every document has the same keys. 2-space indent, trailing newline.
 */
export function toFrequenciesJson(results: readonly DocumentResult[], codebook: Codebook): string {
  const documents = results.map((result) => {
    const { meta, words } = result;
    const themes = codebook.themes.map((theme) => {
      const codes = result.codes.filter((code) => code.theme === theme.id);
      const count = codes.reduce((sum, code) => sum + code.count, 0);
      return {
        theme: theme.id,
        count,
        per_1000: round3(rate(count, words)),
        codes: codes.map((code) => ({
          code: code.code,
          count: code.count,
          per_1000: round3(rate(code.count, words)),
          terms: code.terms
            .filter((t) => t.count > 0)
            .sort((a, b) => b.count - a.count || compareCodeUnits(a.term, b.term))
            .map((t) => ({ term: t.term, count: t.count })),
        })),
      };
    });
    return {
      id: meta.id,
      title: meta.title,
      date: meta.date ?? null,
      year: meta.year ?? null,
      series: meta.series ?? null,
      level: meta.level ?? null,
      language: meta.language ?? null,
      words,
      cjk_characters: result.cjkCharacters,
      pages: result.pages,
      themes,
    };
  });
  const output = { codebook: { name: codebook.name, sha256: codebook.sha256 }, documents };
  return `${JSON.stringify(output, null, 2)}\n`;
}

function rate(count: number, words: number): number {
  return words > 0 ? (count * 1000) / words : 0;
}
