import { describe, expect, it } from 'vitest';
import type { BoilerplateRule } from '../../../src/types.ts';
import { assignBoilerplateRules } from '../../../src/ingest/assign-boilerplate-rules.ts';
import { checkBoilerplateRemovals, checkUnusedRules } from '../../../src/ingest/check-boilerplate-removals.ts';
import type { CorpusEntry } from '../../../src/ingest/read-corpus-metadata.ts';

const rule = (name: string, extra: Partial<BoilerplateRule> = {}): BoilerplateRule =>
  ({ name, position: { line: 3, column: 5 }, scope: 'corpus', drop: 'from', marker: '本作品', plusLines: 0, ...extra }) as BoilerplateRule;
const removal = (name: string, characters: number) => ({ rule: name, characters, lines: characters > 0 ? 1 : 0, words: characters });

describe('assignBoilerplateRules', () => {
  const paths = ['gwr/gwr_2024.txt', 'gwr/gwr_2025.txt', 'local/a.txt'];
  const entries = [{ file: 'local/a.txt', meta: {}, position: { line: 9, column: 11 }, boilerplate: [rule('own', { scope: 'document' })] }] as CorpusEntry[];

  it('gives each document the corpus-wide rules its path matches (all without files), then its own', () => {
    const gwr = rule('licence', { files: [{ glob: 'gwr/*.txt', position: { line: 4, column: 12 } }] });
    const pages = rule('pages');
    const { rulesOf, diagnostics } = assignBoilerplateRules([gwr, pages], entries, paths, 'corpus.yaml');
    expect([...rulesOf].map(([file, rules]) => [file, rules.map((r) => r.name)])).toEqual([
      ['gwr/gwr_2024.txt', ['licence', 'pages']],
      ['gwr/gwr_2025.txt', ['licence', 'pages']],
      ['local/a.txt', ['pages', 'own']],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('warns at the pattern when a rule matches no document', () => {
    const typo = rule('licence', { files: [{ glob: 'GWR/*.txt', position: { line: 4, column: 12 } }] });
    const { rulesOf, diagnostics } = assignBoilerplateRules([typo], [], paths, 'corpus.yaml');
    expect(rulesOf.size).toBe(0);
    expect(diagnostics).toMatchObject([{ severity: 'warning', rule: 'corpus/pattern-matches-nothing', file: 'corpus.yaml', line: 4, column: 12 }]);
  });
});

describe('checkBoilerplateRemovals', () => {
  const aimed = rule('licence', { files: [{ glob: '*.txt' }] });

  it('warns when a rule aimed at the document (files, or its own entry) removed nothing; a rule for every document is not judged here', () => {
    const own = rule('own', { scope: 'document' });
    const everywhere = rule('pages');
    const diagnostics = checkBoilerplateRemovals([removal('licence', 0), removal('own', 0), removal('pages', 0)], [aimed, own, everywhere], 100, 'a.txt');
    expect(diagnostics.map((d) => [d.rule, d.message])).toEqual([
      ['corpus/boilerplate-no-effect', 'Boilerplate rule `licence` (corpus.yaml line 3) removed nothing from this document.'],
      ['corpus/boilerplate-no-effect', 'Boilerplate rule `own` (corpus.yaml line 3) removed nothing from this document.'],
    ]);
    expect(diagnostics[0]!.hint).toContain('starts with `本作品`');
  });

  it('warns when the rules together removed more than half of the text (whitespace aside), naming each share', () => {
    expect(checkBoilerplateRemovals([removal('licence', 50)], [aimed], 100, 'a.txt')).toEqual([]);
    const [warning] = checkBoilerplateRemovals([removal('licence', 40), removal('pages', 11)], [aimed, rule('pages')], 100, 'a.txt');
    expect(warning).toMatchObject({ severity: 'warning', rule: 'corpus/boilerplate-removes-most', file: 'a.txt' });
    expect(warning!.message).toBe("Boilerplate rules removed 51% of this document's text (licence 40%, pages 11%); only the rest is counted.");
  });
});

describe('checkUnusedRules', () => {
  it('warns at the rule when a rule for every document removed nothing from any', () => {
    const removals = [
      [removal('pages', 0), removal('licence', 0)],
      [removal('pages', 0), removal('licence', 3)],
    ];
    const diagnostics = checkUnusedRules([rule('pages'), rule('licence'), rule('aimed', { files: [{ glob: 'x' }] })], removals, 2, 'corpus.yaml');
    expect(diagnostics).toMatchObject([
      {
        severity: 'warning',
        rule: 'corpus/boilerplate-no-effect',
        file: 'corpus.yaml',
        line: 3,
        column: 5,
        message: 'Boilerplate rule `pages` removed nothing from any of the 2 documents.',
      },
    ]);
    expect(checkUnusedRules([rule('pages')], [], 0, 'corpus.yaml')).toEqual([]);
  });
});
