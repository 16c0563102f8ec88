import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCorpusEntry } from '../../../src/corpus/add-corpus-entry.ts';
import { parseCorpusYaml } from '../../../src/ingest/parse-corpus-yaml.ts';

const bundled = readFileSync(path.resolve(import.meta.dirname, '../../../corpus/corpus.yaml'), 'utf8');
const entry = { file: 'shenzhen/2019-cycle-plan.txt', id: 'sz-2019-cycle', title: 'Cycle plan: draft', date: '2019', series: 'shenzhen', language: 'en', comments: { language: 'guessed' } };
const entryText = [
  '  - file: shenzhen/2019-cycle-plan.txt',
  '    id: sz-2019-cycle',
  '    title: "Cycle plan: draft"',
  '    date: 2019',
  '    series: shenzhen',
  '    language: en # guessed',
  '',
].join('\n');

function added(existing: string | null): string {
  const result = addCorpusEntry(existing, entry);
  if ('problem' in result) throw new Error(result.problem);
  return result.text;
}

describe('addCorpusEntry', () => {
  it('keeps the bundled corpus.yaml byte for byte (comments, blank lines, order) and appends the entry after a blank line', () => {
    expect(added(bundled)).toBe(`${bundled}\n${entryText}`);
  });

  it('writes an entry that the corpus.yaml reader accepts with the same values', () => {
    const { entries, diagnostics } = parseCorpusYaml(added(bundled), 'corpus.yaml');
    expect(diagnostics).toEqual([]);
    expect(entries.at(-1)).toMatchObject({
      file: 'shenzhen/2019-cycle-plan.txt',
      meta: { id: 'sz-2019-cycle', title: 'Cycle plan: draft', date: '2019', series: 'shenzhen', language: 'en' },
    });
    expect(entries).toHaveLength(parseCorpusYaml(bundled, 'corpus.yaml').entries.length + 1);
  });

  it('keeps comments inside entries and follows a compact, unindented list style', () => {
    const compact = '# my corpus\ndocuments:\n- file: a.txt # first one\n  id: a\n- file: b.txt\n  id: b\n';
    expect(added(compact)).toBe(`${compact}${entryText.replace(/^  /gm, '')}`);
  });

  it('creates the list in a missing, empty or comment-only file', () => {
    expect(added(null)).toMatch(/^# Corpus metadata for policycoder[^\n]*\n#[^\n]*\n\ndocuments:\n  - file: shenzhen\/2019-cycle-plan.txt\n/);
    expect(added('# notes only\n')).toBe(`# notes only\n\ndocuments:\n${entryText}`);
    expect(added('documents:\n')).toBe(`documents:\n${entryText}`);
  });

  it('refuses, rather than reformat, a file the yaml library would not write back identically', () => {
    const result = addCorpusEntry('documents: [{file: a.txt}]\n', entry);
    expect(result).toHaveProperty('problem');
    expect(addCorpusEntry('documents:\n  - file: a.txt\n  bad: [\n', entry)).toHaveProperty('problem');
  });
});
