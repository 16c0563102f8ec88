/**
 * Times walkCorpus on one chain of nested folders (`a/a/.../a/x.txt`) per depth given, in a
 * temporary folder. Run: npx tsx bench/deep-folders.ts 500 1000 1500
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { walkCorpus } from '../src/ingest/walk-corpus.ts';

const depths = process.argv.slice(2).map(Number);
const work = mkdtempSync(path.join(tmpdir(), 'policycoder-bench-deep-'));
try {
  for (const depth of depths.length > 0 ? depths : [500, 1000, 1500]) {
    const root = path.join(work, String(depth));
    const leaf = path.join(root, ...Array<string>(depth).fill('a'));
    mkdirSync(leaf, { recursive: true });
    writeFileSync(path.join(leaf, 'x.txt'), 'Written for this benchmark.\n');
    const start = performance.now();
    const { files } = await walkCorpus(root, { keep: (name) => name.endsWith('.txt') });
    console.log(`depth ${depth}: ${files.length} file, ${((performance.now() - start) / 1000).toFixed(2)} s`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
