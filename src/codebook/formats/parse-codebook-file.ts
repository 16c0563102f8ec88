import type { ParsedCodebook } from '../parse-codebook.ts';
import { parseCodebook } from '../parse-codebook.ts';
import { formatOfPath } from './codebook-file-format.ts';
import { parseLiwcDic } from './parse-liwc-dic.ts';
import { parseLiwcDicx } from './parse-liwc-dicx.ts';
import { parseWordstatCat } from './parse-wordstat-cat.ts';

/**
 * Parses a codebook's text by the format its path's extension names: `.dic` (LIWC), `.dicx`
 * (LIWC-22), `.cat` (WordStat); anything else is YAML, native or quanteda by content. Pure.
 */
export function parseCodebookFile(source: string, path: string): ParsedCodebook {
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
