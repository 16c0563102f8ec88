/**
 * Compiles the TypeScript CLI into dist/ with esbuild: one bundle per entry point, third-party
 * packages left as imports (they load lazily from node_modules). `npm run build`; `npm ci` runs it
 * as `prepare`, and bin/policycoder.js runs it when dist/ is missing or older than src/.
 */
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = path.join(repoRoot, 'dist');
/** Entry points, each compiled to dist/<name>.js. */
const ENTRIES = ['src/cli.ts', 'src/engine/document-worker.ts', 'src/engine/evolution-report-worker.ts'];

/** True when dist/cli.js is missing or older than some file under src/ (or this script). */
export function isStale() {
  let built;
  try {
    built = Math.min(...ENTRIES.map((entry) => statSync(path.join(distDir, `${path.basename(entry, '.ts')}.js`)).mtimeMs));
  } catch {
    return true;
  }
  return newestMtime(path.join(repoRoot, 'src')) > built || statSync(fileURLToPath(import.meta.url)).mtimeMs > built;
}

function newestMtime(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    const time = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/** Builds into a private folder, then renames each file into dist/, so a concurrent run never reads half a file. */
export async function build() {
  const { build: esbuild } = await import('esbuild');
  await mkdir(distDir, { recursive: true });
  const staging = await mkdtemp(path.join(distDir, '.build-'));
  try {
    await esbuild({
      entryPoints: ENTRIES.map((entry) => path.join(repoRoot, entry)),
      entryNames: '[name]',
      outdir: staging,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
      banner: { js: '// Built by scripts/build.mjs from src/ (do not edit; run `npm run build`).' },
    });
    for (const name of await readdir(staging)) await rename(path.join(staging, name), path.join(distDir, name));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await build();
