import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverSources } from '../../../src/ingest/discover-sources.ts';

const linux = process.platform === 'linux';
if (!linux) console.warn('skipping FIFO, device-link and byte-name tests: they need Linux');

/** Issue 14 item 13: files that are not regular files, and names that are not UTF-8, are reported, never dropped. */
describe.skipIf(!linux)('discoverSources: FIFOs, devices and names that are not UTF-8', () => {
  let corpus: string;
  beforeAll(async () => {
    corpus = await mkdtemp(path.join(tmpdir(), 'ingest-kinds-'));
    await writeFile(path.join(corpus, 'a.txt'), 'a real document');
    execFileSync('mkfifo', [path.join(corpus, 'pipe.txt')]);
    await symlink('/dev/zero', path.join(corpus, 'zero.txt'));
    await symlink('/dev/urandom', path.join(corpus, 'random.md'));
    // A GBK file name written as raw bytes: 数据 in GBK is CA FD BE DD, not valid UTF-8.
    writeFileSync(Buffer.concat([Buffer.from(`${corpus}/`), Buffer.from([0xca, 0xfd, 0xbe, 0xdd]), Buffer.from('.txt')]), 'text');
    await mkdir(Buffer.concat([Buffer.from(`${corpus}/`), Buffer.from('dir-'), Buffer.from([0xff])]) as unknown as string);
  });
  afterAll(async () => {
    await rm(corpus, { recursive: true, force: true });
  });

  it('lists a FIFO as failed without opening it (the walk would block on a read)', async () => {
    const { sources, failed, diagnostics } = await discoverSources(corpus);
    expect(sources.map((s) => s.relPath)).toEqual(['a.txt']);
    const pipe = failed.find((input) => input.relPath === 'pipe.txt');
    expect(pipe).toMatchObject({ status: 'failed', format: 'txt' });
    expect(pipe!.reason).toContain('named pipe (FIFO)');
    expect(diagnostics.find((d) => d.file?.endsWith('pipe.txt'))).toMatchObject({ severity: 'error', rule: 'ingest/not-a-file' });
  });

  it('refuses links to /dev/zero and /dev/urandom as leaving the corpus; allowed to leave, they are devices, not read', async () => {
    const refused = await discoverSources(corpus);
    for (const name of ['zero.txt', 'random.md']) {
      expect(refused.failed.find((input) => input.relPath === name)?.reason).toMatch(/outside the corpus folder \(to \/dev\/(zero|urandom)\)/);
      expect(refused.diagnostics.find((d) => d.file?.endsWith(name))?.rule).toBe('corpus/path-escapes');
    }
    const allowed = await discoverSources(corpus, { selection: { include: [], exclude: [], allowOutsideLinks: true } });
    expect(allowed.failed.find((input) => input.relPath === 'zero.txt')?.reason).toBe(
      'this is a character device (a symbolic link to /dev/zero), not a regular file; it was not opened',
    );
    expect(allowed.failed.find((input) => input.relPath === 'random.md')?.reason).toContain('a character device (a symbolic link to /dev/urandom)');
    expect(allowed.sources.map((s) => s.relPath)).toEqual(['a.txt']);
  });

  it('names a file whose name is not UTF-8 with its bytes escaped, and a folder of such a name, instead of "no such file"', async () => {
    const { failed, diagnostics } = await discoverSources(corpus);
    const byteName = failed.find((input) => input.relPath === '\\xCA\\xFD\\xBE\\xDD.txt');
    expect(byteName).toMatchObject({ status: 'failed', format: 'txt' });
    expect(byteName!.reason).toContain('not valid UTF-8');
    expect(byteName!.reason).not.toContain('no such file');
    const rules = diagnostics.filter((d) => d.rule === 'ingest/bad-file-name').map((d) => path.basename(d.file!));
    expect(rules.sort()).toEqual(['\\xCA\\xFD\\xBE\\xDD.txt', 'dir-\\xFF']);
  });
});

/** Issue 14 item 16: a link out of the corpus folder is refused by the rule that refuses corpus.yaml paths outside it. */
describe('discoverSources: links that leave the corpus folder', () => {
  let root: string;
  let corpus: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'ingest-outside-'));
    corpus = path.join(root, 'corpus');
    await mkdir(path.join(corpus, 'sub'), { recursive: true });
    await mkdir(path.join(root, 'elsewhere'));
    await writeFile(path.join(root, 'elsewhere/secret.txt'), 'outside text');
    await writeFile(path.join(root, 'single.txt'), 'another outside text');
    await writeFile(path.join(corpus, 'inside.txt'), 'inside text');
    await symlink(path.join(root, 'elsewhere'), path.join(corpus, 'sub/etc')); // as `ln -s /etc sub/etc`
    await symlink('../single.txt', path.join(corpus, 'single.txt'));
    await symlink(path.join(corpus, 'inside.txt'), path.join(corpus, 'sub/alias.txt')); // absolute, but inside: same file
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('refuses both a folder link and a file link with corpus/path-escapes, reading neither', async () => {
    const { sources, failed, diagnostics } = await discoverSources(corpus);
    expect(sources.map((s) => s.relPath)).toEqual(['inside.txt']);
    expect(failed.map((input) => input.relPath)).toEqual(['single.txt', 'sub/alias.txt']);
    expect(failed[0]!.reason).toBe(`this is a symbolic link that leads outside the corpus folder (to ${path.join(root, 'single.txt')})`);
    expect(failed[1]!.reason).toContain('same file as inside.txt');
    const escapes = diagnostics.filter((d) => d.rule === 'corpus/path-escapes');
    expect(escapes.map((d) => [path.relative(corpus, d.file!), d.severity])).toEqual([
      ['single.txt', 'error'],
      ['sub/etc', 'error'],
    ]);
    expect(escapes[1]!.message).toContain('the documents in it were not analysed');
    expect(escapes[0]!.hint).toContain('--allow-outside-links');
  });

  it('follows them with allowOutsideLinks', async () => {
    const { sources } = await discoverSources(corpus, { selection: { include: [], exclude: [], allowOutsideLinks: true } });
    expect(sources.map((s) => s.relPath)).toEqual(['inside.txt', 'single.txt', 'sub/etc/secret.txt']);
  });
});
