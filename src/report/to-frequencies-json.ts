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
  return [...toFrequenciesJsonChunks(results, codebook)].join('');
}

/** Where a document's object starts in the file: inside `documents`, two levels deep. */
const DOCUMENT_INDENT = '    ';

/**
 * `frequencies.json` in pieces, one per document, made as they are written: with a large codebook
 * the whole file is hundreds of MB. Joined, the pieces are `JSON.stringify(output, null, 2)` plus
 * a newline (a JSON string never holds a raw line break, so indenting each line is safe).
 */
export function* toFrequenciesJsonChunks(results: readonly DocumentResult[], codebook: Codebook): Generator<string> {
  const head = JSON.stringify({ codebook: { name: codebook.name, sha256: codebook.sha256 }, documents: [] }, null, 2);
  if (results.length === 0) {
    yield `${head}\n`;
    return;
  }
  // `head` ends in `"documents": []\n}`: open the array instead, and close it after the last document.
  yield `${head.slice(0, -'[]\n}'.length)}[\n`;
  for (const [index, result] of results.entries()) {
    const json = JSON.stringify(toDocumentJson(result, codebook), null, 2).replaceAll('\n', `\n${DOCUMENT_INDENT}`);
    yield `${DOCUMENT_INDENT}${json}${index < results.length - 1 ? ',' : ''}\n`;
  }
  yield '  ]\n}\n';
}

function toDocumentJson(result: DocumentResult, codebook: Codebook) {
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
}

function rate(count: number, words: number): number {
  return words > 0 ? (count * 1000) / words : 0;
}
