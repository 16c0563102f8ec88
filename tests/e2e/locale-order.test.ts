/**
 * Issue 14, item 18: the order of documents and diagnostics in the outputs must not depend on the
 * locale. The same corpus is analysed by the real CLI under LC_ALL=sv_SE.UTF-8 and
 * LC_ALL=zh_CN.UTF-8 (Node's ICU takes its default locale from the environment); every report must
 * be byte-identical (manifest.json's createdAt aside) and in UTF-16 code-unit order.
 */
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/run-cli.ts';

// Code-unit order: 'Z' 0x5A < 'a' 0x61 < 'z' 0x7A < 'ä' 0xE4 < '中' 0x4E2D < '阿' 0x963F.
// sv_SE collates 'ä' after 'z'; zh_CN puts '阿' (pinyin a) before Latin letters; en_US puts 'a' before 'Z'.
const NAMES = ['阿', 'z', 'ä', '中', 'a', 'Z'];
const CODE_UNIT_ORDER = ['Z', 'a', 'z', 'ä', '中', '阿'];

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'policycoder-locale-'));
  const corpus = path.join(root, 'corpus');
  await mkdir(corpus);
  for (const name of NAMES) {
    await writeFile(path.join(corpus, `${name}.txt`), 'Big data and green goals.\n'); // analysed
    await writeFile(path.join(corpus, `${name}-empty.txt`), ''); // failed: an ingest/empty error each
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function analyseUnder(locale: string): Promise<Record<string, string>> {
  const out = path.join(root, `out-${locale}`);
  const codebook = path.join(repoRoot, 'tests/e2e/cases/basic/codebook.yaml');
  const env = { ...process.env, LC_ALL: locale, LANG: locale };
  const result = await runCli(['analyze', '--corpus', path.join(root, 'corpus'), '--codebook', codebook, '--out', out, '--no-cache', '--quiet'], { env });
  expect(result.code, result.stderr).toBe(1); // the empty files failed
  const files: Record<string, string> = {};
  for (const name of await readdir(out)) files[name] = await readFile(path.join(out, name), 'utf8');
  files['manifest.json'] = files['manifest.json']!.replace(/"createdAt": "[^"]*"/, '"createdAt": ""');
  return files;
}

describe('output order in two locales', () => {
  it('sv_SE and zh_CN give identical reports, documents and diagnostics in code-unit order', async () => {
    const swedish = await analyseUnder('sv_SE.UTF-8');
    const chinese = await analyseUnder('zh_CN.UTF-8');
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(swedish).sort());
    for (const name of Object.keys(swedish)) expect(chinese[name], name).toBe(swedish[name]);

    const manifest = JSON.parse(swedish['manifest.json']!) as { diagnostics: Array<{ file?: string }>; inputs: Array<{ relPath: string }> };
    const emptyFiles = manifest.diagnostics.flatMap((d) => (d.file === undefined ? [] : [path.basename(d.file)])).filter((file) => file.endsWith('-empty.txt'));
    expect(emptyFiles).toEqual(CODE_UNIT_ORDER.map((name) => `${name}-empty.txt`));
    expect(manifest.inputs.map((input) => input.relPath).filter((file) => !file.endsWith('-empty.txt'))).toEqual(CODE_UNIT_ORDER.map((name) => `${name}.txt`));
    // report.md names the failed files in more than one list (failed inputs, problems): each list in code-unit order.
    const named = [...swedish['report.md']!.matchAll(/([^\s`|/]+)-empty\.txt/g)].map((match) => match[1]);
    expect(named.length).toBeGreaterThan(0);
    expect(named).toEqual(Array.from({ length: named.length / CODE_UNIT_ORDER.length }, () => CODE_UNIT_ORDER).flat());
  });
});
