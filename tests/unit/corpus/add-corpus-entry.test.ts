import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCorpusEntries, addCorpusEntry } from '../../../src/corpus/add-corpus-entry.ts';
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

  it('keeps flow lists written as the README shows them (`files: [a, b]`) or padded (`[ a ]`)', () => {
    for (const list of ['[national/a.txt, gwr/*.txt]', '[ national/a.txt ]']) {
      const withRules = `boilerplate:\n  - name: licence\n    files: ${list}\n    drop_from: 本作品\n\ndocuments:\n  - file: a.txt\n`;
      expect(added(withRules)).toBe(`${withRules}${entryText}`);
    }
  });

  it('refuses, rather than reformat, a file the yaml library would not write back identically', () => {
    const result = addCorpusEntry('documents: [{file: a.txt}]\n', entry);
    expect(result).toHaveProperty('problem');
    expect(addCorpusEntry('documents:\n  - file: a.txt\n  bad: [\n', entry)).toHaveProperty('problem');
  });
});

describe('addCorpusEntries: rows of a table', () => {
  const row = (n: number) => ({
    file: `t/central-${n}.txt`,
    id: `central-${n}`,
    comments: n === 3 ? { file: 'date in the table: "2013年13月", not a date; add date: by hand' } : {},
    provenance: { table: 'data.xlsx', sha256: '0123', sheet: 'Central: national', row: n },
  });

  it('appends every entry in one go, with its provenance mapping and the comment on its first line', () => {
    const existing = 'documents:\n  - file: a.txt\n    id: a\n';
    const result = addCorpusEntries(existing, [row(2), row(3)]);
    if ('problem' in result) throw new Error(result.problem);
    const entry = (n: number, comment: string) =>
      `  - file: t/central-${n}.txt${comment}\n    id: central-${n}\n    provenance:\n      table: data.xlsx\n      sha256: "0123"\n      sheet: "Central: national"\n      row: ${n}\n`;
    expect(result.text).toBe(`${existing}${entry(2, '')}${entry(3, ' # date in the table: "2013年13月", not a date; add date: by hand')}`);
    const { entries, diagnostics } = parseCorpusYaml(result.text, 'corpus.yaml');
    expect(diagnostics).toEqual([]);
    expect(entries.map((e) => e.meta.id)).toEqual(['a', 'central-2', 'central-3']);
    // A file written this way can be extended again.
    expect(addCorpusEntries(result.text, [row(4)])).toHaveProperty('text');
  });
});
