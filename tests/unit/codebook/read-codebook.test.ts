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

  // Issue 14, item 14: a UTF-16 codebook was read as UTF-8 and refused as "a string, not a mapping".
  it.each([
    ['UTF-16 LE with a BOM (Notepad "Unicode")', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le')])],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(valid, 'utf16le').swap16()])],
    ['UTF-16 LE without a BOM (YAML detects it by the NUL after the first character)', Buffer.from(valid, 'utf16le')],
  ])('reads a %s codebook as the same codebook', async (_name, bytes) => {
    const path = join(dir, 'utf16.yaml');
    writeFileSync(path, bytes);
    const { codebook, diagnostics } = await readCodebook(path);
    expect(diagnostics).toEqual([]);
    expect(codebook?.themes[0]?.codes[0]?.terms.map((term) => term.value)).toEqual(['x']);
  });

  it('a UTF-16 file cut in the middle of a character is a codebook/encoding error, not a YAML one', async () => {
    const path = join(dir, 'odd.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le').subarray(1)]));
    const { diagnostics } = await readCodebook(path);
    expect(diagnostics.map((d) => [d.rule, d.message])).toEqual([['codebook/encoding', expect.stringContaining('not valid UTF-16 LE')]]);
  });

  it('YAML in Windows-1252 is a codebook/encoding error at the first byte that is not UTF-8 (it became U+FFFD before)', async () => {
    const path = join(dir, 'latin1.yaml');
    // `name: Größe` in Windows-1252: ö is 0xF6, at line 1, column 9.
    writeFileSync(path, Buffer.concat([Buffer.from('name: Gr'), Buffer.from([0xf6, 0xdf]), Buffer.from(`e\n${valid}`)]));
    const { codebook, diagnostics } = await readCodebook(path);
    expect(codebook).toBeUndefined();
    expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'codebook/encoding', line: 1, column: 9, message: expect.stringContaining('byte 0xF6') }]);
    expect(diagnostics[0]!.hint).toContain('UTF-8');
  });
});
