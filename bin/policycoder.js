#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `npm run build`, which `npm ci` runs as `prepare`).
// When dist/ is missing or older than src/ (while editing the TypeScript) it is rebuilt first;
// if esbuild is not available, the TypeScript runs through tsx's loader instead (slower start).
import { isStale, build } from '../scripts/build.mjs';

let compiled = true;
if (isStale()) {
  try {
    await build();
  } catch {
    compiled = false;
  }
}
if (compiled) {
  await import('../dist/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
