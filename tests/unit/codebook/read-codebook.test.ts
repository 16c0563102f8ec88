import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCodebook } from '../../../src/codebook/read-codebook.ts';

const dir = mkdtempSync(join(tmpdir(), 'policycoder-codebook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const valid = 'themes:\n  t:\n    codes:\n      c: { definition: d, terms: [x] }\n';

describe('readCodebook', () => {
  it('reports a missing file as codebook/unreadable naming the path as given, with a hint', async () => {
    const path = join(dir, 'nope.yaml');
    const { codebook, diagnostics } = await readCodebook(path);
    expect(codebook).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', rule: 'codebook/unreadable', file: path });
    expect(diagnostics[0]!.message).toContain(path);
    expect(diagnostics[0]!.message).toContain('does not exist');
    expect(diagnostics[0]!.hint).toContain('relative paths start from the working directory');
  });

  it('suggests a codebook in the same folder with a similar name', async () => {
    writeFileSync(join(dir, 'smart-city.yaml'), 'themes: {}\n');
    const { diagnostics } = await readCodebook(join(dir, 'smart-citty.yaml'));
    expect(diagnostics[0]!.hint).toContain(`Did you mean ${join(dir, 'smart-city.yaml')}?`);
  });

  it('reports a directory as codebook/unreadable', async () => {
    const { codebook, diagnostics } = await readCodebook(dir);
    expect(codebook).toBeUndefined();
    expect(diagnostics.map((d) => d.rule)).toEqual(['codebook/unreadable']);
    expect(diagnostics[0]!.message).toContain('directory');
    expect(diagnostics[0]!.file).toBe(dir);
  });

  it('strips a UTF-8 BOM so positions on line 1 are not shifted', async () => {
    const path = join(dir, 'bom.yaml');
    writeFileSync(path, `\uFEFFpolicycoder: 2\n${valid}`, 'utf8');
    const { diagnostics } = await readCodebook(path);
    // Without the BOM `2` is at column 14 of line 1.
    expect(diagnostics.map((d) => [d.rule, d.file, d.line, d.column])).toEqual([['codebook/unsupported-version', path, 1, 14]]);
  });

  it('reads a valid file, names it in the codebook and hashes the text without BOM', async () => {
    const path = join(dir, 'ok.yaml');
    writeFileSync(path, `\uFEFF${valid}`, 'utf8');
    const { codebook, diagnostics } = await readCodebook(path);
    expect(diagnostics).toEqual([]);
    expect(codebook?.path).toBe(path);
    expect(codebook?.name).toBe('ok');
    expect(codebook?.themes[0]?.codes[0]?.terms[0]?.value).toBe('x');
  });
});
