import { sortDiagnostics } from '../../diagnostics/render-diagnostic.ts';
import { checkIdSlashes } from '../check-id-slashes.ts';
import type { ParsedCodebook } from '../parse-codebook.ts';
import { parseCodebook } from '../parse-codebook.ts';
import { formatOfPath } from './codebook-file-format.ts';
import { parseLiwcDic } from './parse-liwc-dic.ts';
import { parseLiwcDicx } from './parse-liwc-dicx.ts';
import { parseWordstatCat } from './parse-wordstat-cat.ts';

/**
 * Parses a codebook's text by the format its path's extension names: `.dic` (LIWC), `.dicx`
 * (LIWC-22), `.cat` (WordStat); anything else is YAML, native or quanteda by content. A theme or
 * code id with `/` is an error in every format (`checkIdSlashes`). Pure.
 */
export function parseCodebookFile(source: string, path: string): ParsedCodebook {
  const parsed = parseByFormat(source, path);
  if (!parsed.codebook) return parsed;
  const slashes = checkIdSlashes(parsed.codebook, path);
  return slashes.length === 0 ? parsed : { diagnostics: sortDiagnostics([...parsed.diagnostics, ...slashes]) };
}

function parseByFormat(source: string, path: string): ParsedCodebook {
  switch (formatOfPath(path)) {
    case 'liwc':
      return parseLiwcDic(source, path);
    case 'liwc22':
      return parseLiwcDicx(source, path);
    case 'wordstat':
      return parseWordstatCat(source, path);
    default:
      return parseCodebook(source, path);
  }
}
