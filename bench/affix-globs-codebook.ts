/**
 * Writes a codebook of N leading-wildcard globs (`*<word>`, the distinct words of 4+ letters of a
 * corpus, in code-unit order; past the last word each gets a letter appended), PER_CODE terms a
 * code, for timing `analyze` and `lint` on globs without a literal prefix:
 *   npx tsx bench/affix-globs-codebook.ts ../shared/data/en/sotu 2000 100 > /tmp/g2000.yaml
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [corpus, count, perCode] = [process.argv[2] ?? '../shared/data/en/sotu', Number(process.argv[3] ?? 2000), Number(process.argv[4] ?? 100)];
const words = new Set<string>();
for (const file of readdirSync(corpus).filter((name) => name.endsWith('.txt'))) {
  for (const word of readFileSync(path.join(corpus, file), 'utf8')
    .toLowerCase()
    .match(/[a-z]{4,}/g) ?? [])
    words.add(word);
}
const sorted = [...words].sort();
const lines = ['policycoder: 1', 'name: leading-wildcard globs (benchmark)', 'themes:', '  t:', '    codes:'];
for (let k = 0; k < count; k++) {
  if (k % perCode === 0) lines.push(`      c${k / perCode}:`, '        kind: glob', '        terms:');
  const word = sorted[k % sorted.length]!;
  lines.push(`          - "*${k < sorted.length ? word : word + String.fromCharCode(97 + Math.floor(k / sorted.length))}"`);
}
console.log(lines.join('\n'));
