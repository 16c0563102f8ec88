import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCodebook } from '../../../../src/codebook/read-codebook.ts';
import { convertCommand } from '../../../../src/commands/convert-command.ts';
import { UsageError } from '../../../../src/commands/command.ts';
import { fixturePath } from './format-fixtures.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'policycoder-convert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function convert(args: string[], options: { to?: string; force?: boolean; quiet?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text), isTTY: false };
  const code = await convertCommand.run({ force: false, quiet: false, ...options }, args, io);
  return { code, stdout, stderr };
}

describe('policycoder convert', () => {
  it('converts a LIWC .dic into a native codebook that reads back with the same terms', async () => {
    const out = path.join(dir, 'city.yaml');
    const { code, stdout, stderr } = await convert([fixturePath('city.dic'), out]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(`Wrote ${out} (policycoder YAML): 3 themes, 3 codes, 10 terms from ${fixturePath('city.dic')} (LIWC .dic).\n`);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n').slice(0, 4)).toEqual([
      `# Converted by policycoder from ${fixturePath('city.dic')} (LIWC .dic).`,
      'policycoder: 1',
      'name: city',
      'themes:',
    ]);
    const { codebook } = await readCodebook(out);
    expect(codebook?.format).toBe('native');
    expect(codebook?.themes.map((t) => t.codes[0]!.terms.map((x) => x.value))).toEqual([
      ['bus*', 'metro', 'bike lane'],
      ['housing', 'afford*', 'rent', 'park'],
      ['metro', 'green*', 'park'],
    ]);
  });

  it('writes quanteda YAML with --to quanteda, and prints what does not carry over', async () => {
    const out = path.join(dir, 'city-q.yml');
    const { code, stderr } = await convert([fixturePath('city.dicx'), out], { to: 'quanteda', quiet: true });
    expect(code).toBe(0);
    expect(stderr).toContain(
      `${fixturePath('city.dicx')}:7:1: warning: Not carried over to quanteda YAML: term weights; quanteda YAML has none (1 item, first \`rent\` in code \`housing\` of theme \`housing\`).`,
    );
    expect(stderr).toContain('[codebook/not-carried-over]');
    expect(readFileSync(out, 'utf8')).toContain('\ntransport:\n  - bus*\n  - metro\n  - bike lane\n');
    expect((await readCodebook(out)).codebook?.format).toBe('quanteda');
  });

  it('refuses to overwrite without --force (exit 2) and replaces with it', async () => {
    const out = path.join(dir, 'twice.cat');
    expect((await convert([fixturePath('city.cat'), out])).code).toBe(0);
    writeFileSync(out, 'changed', 'utf8');
    const refused = await convert([fixturePath('city.cat'), out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('[codebook/output-exists]');
    expect(readFileSync(out, 'utf8')).toBe('changed');
    expect((await convert([fixturePath('city.cat'), out], { force: true })).code).toBe(0);
    // The same file, except that HOUSING's own entries are written together, before its sub-categories.
    const expected = readFileSync(fixturePath('city.cat'), 'utf8')
      .replace('\tRENT (2)\r\n', '')
      .replace('\tAFFORD* (1)\r\n', '\tAFFORD* (1)\r\n\tRENT (2)\r\n');
    expect(readFileSync(out, 'utf8')).toBe(expected);
  });

  it("stops with exit 2 and the reader's diagnostics when the input has errors, writing nothing", async () => {
    const bad = path.join(dir, 'bad.dic');
    writeFileSync(bad, '%\n1\ta\n%\nx\t9\n', 'utf8');
    const out = path.join(dir, 'bad.yaml');
    const { code, stderr, stdout } = await convert([bad, out]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${bad}:4:3: error: Entry \`x\` names category \`9\``);
    expect(() => readFileSync(out)).toThrow();
  });

  it('refuses a codebook whose written form would not read back, naming the reason', async () => {
    // A category name ending in "(1)" would read back as a WordStat entry.
    const odd = path.join(dir, 'odd.yml');
    writeFileSync(odd, '"A (1)": [x]\n', 'utf8');
    const { code, stderr } = await convert([odd, path.join(dir, 'odd.cat')]);
    expect(code).toBe(2);
    expect(stderr).toContain('[codebook/convert-failed]');
  });

  it('treats missing arguments, unknown extensions and a wrong --to as usage errors', async () => {
    await expect(convert([fixturePath('city.dic')])).rejects.toThrow(UsageError);
    await expect(convert([fixturePath('city.dic'), path.join(dir, 'x.txt')])).rejects.toThrow(/extension/);
    await expect(convert([fixturePath('city.dic'), path.join(dir, 'x.dic')], { to: 'quanteda' })).rejects.toThrow(/\.yaml or \.yml/);
    await expect(convert([fixturePath('city.dic'), path.join(dir, 'x.yaml')], { to: 'liwc' })).rejects.toThrow(/native/);
    await expect(convert([fixturePath('city.dic'), path.join(dir, 'x.yaml'), 'extra'])).rejects.toThrow(/unexpected/);
  });
});

describe('readCodebook dispatches by extension', () => {
  it('reads .dic, .dicx and .cat directly, so analyze --codebook accepts them', async () => {
    for (const [file, format] of [
      ['city.dic', 'liwc'],
      ['city.dicx', 'liwc22'],
      ['city.cat', 'wordstat'],
    ] as const) {
      const { codebook, diagnostics } = await readCodebook(fixturePath(file));
      expect(diagnostics).toEqual([]);
      expect(codebook?.format).toBe(format);
    }
  });

  it('reads a Windows-1252 dictionary with a codebook/encoding warning', async () => {
    const file = path.join(dir, 'latin.dic');
    // "café" with é as the single byte 0xE9.
    writeFileSync(file, Buffer.concat([Buffer.from('%\n1\tfood\n%\ncaf'), Buffer.from([0xe9]), Buffer.from('\t1\n')]));
    const { codebook, diagnostics } = await readCodebook(file);
    expect(codebook?.themes[0]?.codes[0]?.terms[0]?.value).toBe('café');
    expect(diagnostics.map((d) => [d.severity, d.rule, d.file])).toEqual([['warning', 'codebook/encoding', file]]);
  });

  it('strips a UTF-8 BOM before the first % line', async () => {
    const file = path.join(dir, 'bom.dic');
    writeFileSync(file, '\uFEFF%\n1\ta\n%\nx\t1\n', 'utf8');
    expect((await readCodebook(file)).diagnostics).toEqual([]);
  });
});
