import type { Codebook } from '../../types.ts';
import { categoryName } from './category-name.ts';

/**
 * A codebook as a LIWC `.dic` file: `%`, `id<TAB>category` per code (numbered from 1 in codebook
 * order), `%`, then one line per distinct entry with the ids of every category listing it. Entries
 * are lower-cased (LIWC ignores case); weights, kinds and notes are not written
 * (`checkConversionLoss` says so). LF line endings.
 */
export function toLiwcDic(codebook: Codebook): string {
  const lines = ['%'];
  const entries = new Map<string, number[]>();
  let id = 0;
  for (const theme of codebook.themes) {
    for (const code of theme.codes) {
      id++;
      lines.push(`${id}\t${categoryName(theme, code)}`);
      for (const term of code.terms) {
        const value = term.caseSensitive ? term.value : term.value.toLowerCase();
        const ids = entries.get(value) ?? [];
        if (!ids.includes(id)) ids.push(id);
        entries.set(value, ids);
      }
    }
  }
  lines.push('%');
  for (const [value, ids] of entries) lines.push([value, ...ids].join('\t'));
  return `${lines.join('\n')}\n`;
}
