import { describe, expect, it } from 'vitest';
import { checkResults, listSome } from '../../../src/analyze/check-results.ts';
import type { CaseVariantCount, CodeCount, DocumentResult } from '../../../src/types.ts';
import { makeCodebook } from '../../support/make-codebook.ts';

interface DocSpec {
  id: string;
  language?: string;
  codes?: CodeCount[];
  sentences?: number;
  paragraphs?: number;
  caseVariants?: CaseVariantCount[];
  sha256?: string;
}

function doc(spec: DocSpec): DocumentResult {
  return {
    meta: { id: spec.id, title: spec.id, ...(spec.language === undefined ? {} : { language: spec.language }) },
    source: { path: `/c/${spec.id}.txt`, relPath: `${spec.id}.txt`, format: 'txt', bytes: 1, sha256: spec.sha256 ?? `sha-of-${spec.id}` },
    words: 1000,
    cjkCharacters: 0,
    pages: 0,
    codes: spec.codes ?? [],
    units: { sentences: spec.sentences ?? 10, paragraphs: spec.paragraphs ?? 4 },
    ...(spec.caseVariants ? { caseVariants: spec.caseVariants } : {}),
  };
}

const code = (theme: string, codeId: string, terms: Record<string, number>): CodeCount => ({
  theme,
  code: codeId,
  count: Object.values(terms).reduce((a, b) => a + b, 0),
  terms: Object.entries(terms).map(([term, count]) => ({ term, count })),
});

const fileOf = (result: DocumentResult) => result.source.relPath;
const rules = (results: DocumentResult[], codebook = makeCodebook({ tech: { data: ['data', 'platform*', '数据'] } })) =>
  checkResults({ results, codebook, fileOf });

describe('checkResults: language', () => {
  const english = makeCodebook({ tech: { data: ['data', 'platform*'] } });

  it('warns once per language whose script no term is written in, naming the documents', () => {
    const diagnostics = checkResults({
      results: [doc({ id: 'a', language: 'zh' }), doc({ id: 'b', language: 'zh' }), doc({ id: 'c', language: 'en' })],
      codebook: english,
      fileOf,
    });
    const warning = diagnostics.filter((d) => d.rule === 'results/no-terms-for-language');
    expect(warning).toHaveLength(1);
    expect(warning[0]!.message).toContain('2 documents in language zh (a.txt, b.txt)');
    expect(warning[0]!.file).toBeUndefined();
  });

  it('names the file when one document is concerned, and reads region and script subtags by their language', () => {
    const diagnostics = checkResults({ results: [doc({ id: 'a', language: 'zh-Hant' })], codebook: english, fileOf });
    expect(diagnostics.find((d) => d.rule === 'results/no-terms-for-language')?.file).toBe('a.txt');
    const found = doc({ id: 'a', language: 'en-GB', codes: [code('tech', 'data', { data: 1 })] });
    expect(checkResults({ results: [found], codebook: english, fileOf })).toEqual([]);
  });

  it('does not warn when a regex term without letters (escapes aside) could match any script', () => {
    for (const value of ['\\d+', '\\p{Script=Han}{2}']) {
      const codebook = makeCodebook({ t: { n: [{ value, kind: 'regex' }] } });
      expect(checkResults({ results: [doc({ id: 'a', language: 'zh' })], codebook, fileOf }).map((d) => d.rule)).not.toContain('results/no-terms-for-language');
    }
  });

  it('warns when the codebook has terms in a language group’s script but finds nothing in any of its documents', () => {
    const results = [doc({ id: 'a', language: 'zh' }), doc({ id: 'b', language: 'en', codes: [code('tech', 'data', { data: 3 })] })];
    const diagnostics = rules(results);
    expect(diagnostics.map((d) => d.rule)).toEqual(['results/nothing-found-in-language']);
    expect(diagnostics[0]!.message).toContain('1 document in language zh (a.txt)');
  });

  it('is silent when one document of the group has a match, and for documents of unknown language', () => {
    const results = [doc({ id: 'a', language: 'zh' }), doc({ id: 'b', language: 'zh', codes: [code('tech', 'data', { 数据: 1 })] }), doc({ id: 'c' })];
    expect(rules(results)).toEqual([]);
  });
});

describe('checkResults: one paragraph', () => {
  it('warns about documents of five or more sentences in one paragraph, and not about shorter ones', () => {
    const results = [doc({ id: 'long', paragraphs: 1, sentences: 5 }), doc({ id: 'short', paragraphs: 1, sentences: 4 }), doc({ id: 'normal' })];
    const diagnostics = rules(results);
    expect(diagnostics.map((d) => d.rule)).toEqual(['results/one-paragraph']);
    expect(diagnostics[0]!.message).toMatch(/^1 of 3 documents are a single paragraph .*\(long\.txt\)/);
    expect(diagnostics[0]!.file).toBe('long.txt');
  });

  it('warns about paragraphs of more than 30 sentences on average (a title line, then the text as one line), not 30 or fewer', () => {
    // 61 sentences in 2 paragraphs: 30.5 each; 60 in 2: 30 each.
    const results = [doc({ id: 'title-then-text', paragraphs: 2, sentences: 61 }), doc({ id: 'long-paragraphs', paragraphs: 2, sentences: 60 })];
    const diagnostics = rules(results);
    expect(diagnostics.map((d) => d.rule)).toEqual(['results/one-paragraph']);
    expect(diagnostics[0]!.message).toMatch(/^1 of 2 documents are a single paragraph .*more than 30 sentences on average \(title-then-text\.txt\)/);
  });

  it('says "All" when every document is one paragraph', () => {
    const diagnostics = rules([doc({ id: 'a', paragraphs: 1 }), doc({ id: 'b', paragraphs: 1 })]);
    expect(diagnostics[0]!.message).toMatch(/^All 2 documents are a single paragraph/);
  });
});

describe('checkResults: case', () => {
  const codebook = makeCodebook({ places: { america: ['US', 'America'] } });
  const variant = (asWritten: number, otherCase: number, example = 'us'): CaseVariantCount => ({
    theme: 'places',
    code: 'america',
    term: 'US',
    asWritten,
    otherCase,
    example,
  });

  it('warns when most matches over the corpus are in another case, adding up the documents', () => {
    // 2 + 1 as written, 1 + 3 otherwise: 4 of 7 in another case.
    const results = [doc({ id: 'a', caseVariants: [variant(2, 1)] }), doc({ id: 'b', caseVariants: [variant(1, 3, 'Us')] })];
    const diagnostics = checkResults({ results, codebook, fileOf });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!).toMatchObject({ rule: 'results/case-mismatch', file: 'test.yaml' });
    expect(diagnostics[0]!.message).toContain('4 of its 7 matches are written otherwise (e.g. "us")');
  });

  it('is silent at half or less in another case, and under three such matches', () => {
    expect(checkResults({ results: [doc({ id: 'a', caseVariants: [variant(4, 4)] })], codebook, fileOf })).toEqual([]);
    expect(checkResults({ results: [doc({ id: 'a', caseVariants: [variant(0, 2)] })], codebook, fileOf })).toEqual([]);
  });
});

describe('checkResults: one term carrying a theme or code', () => {
  const codebook = makeCodebook({ people: { citizens: ['communit*', 'citizen*', 'resident*'], voice: ['consult*', 'hearing*'] } });

  it('warns when one term makes more than half of a theme’s mentions over the corpus', () => {
    // communit* 8 + 5 = 13 of 13 + 4 + 3 + 2 = 22 mentions: 59%. Within its code: 13 of 17 (76%), not repeated as a code warning.
    const results = [
      doc({ id: 'a', codes: [code('people', 'citizens', { 'communit*': 8, 'citizen*': 4 }), code('people', 'voice', { 'consult*': 3 })] }),
      doc({ id: 'b', codes: [code('people', 'citizens', { 'communit*': 5 }), code('people', 'voice', { 'hearing*': 2 })] }),
    ];
    const diagnostics = checkResults({ results, codebook, fileOf });
    expect(diagnostics.map((d) => d.rule)).toEqual(['results/dominant-term']);
    expect(diagnostics[0]!.message).toBe(
      'One term carries theme people: "communit*" (code citizens) makes 13 of its 22 mentions (59%), so the theme\'s rate mostly measures that one word.',
    );
  });

  it('lists codes in which one term makes more than two thirds, in one warning', () => {
    // Theme: 15 + 5 + 20 = 40 mentions, the most from one term 20 (50%: not more than half).
    // Code citizens: communit* 15 of 20 (75%); code voice (two terms): consult* 20 of 20 (100%).
    const results = [doc({ id: 'a', codes: [code('people', 'citizens', { 'communit*': 15, 'citizen*': 5 }), code('people', 'voice', { 'consult*': 20 })] })];
    const diagnostics = checkResults({ results, codebook, fileOf });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toBe(
      'In 2 codes one term makes more than two thirds of the mentions: people/citizens "communit*" 15 of 20 (75%), people/voice "consult*" 20 of 20 (100%).',
    );
  });

  it('is silent under 20 mentions and for a code of one term', () => {
    const few = [doc({ id: 'a', codes: [code('people', 'citizens', { 'communit*': 19 })] })];
    expect(checkResults({ results: few, codebook, fileOf })).toEqual([]);
    const single = makeCodebook({ t: { only: ['data'] } });
    expect(checkResults({ results: [doc({ id: 'a', codes: [code('t', 'only', { data: 50 })] })], codebook: single, fileOf })).toEqual([]);
  });
});

describe('listSome', () => {
  it('lists up to five names, then how many more', () => {
    expect(listSome(['a', 'b'])).toBe('a, b');
    expect(listSome(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a, b, c, d, e and 2 more');
  });
});

describe('checkResults: the same file under two names', () => {
  it('warns once, naming each set of copies and how many documents are extra', () => {
    // c and e are copies of a (the same sha256), d of b: 3 extra documents in 2 sets.
    const results = [
      doc({ id: 'a', sha256: 'x' }),
      doc({ id: 'b', sha256: 'y' }),
      doc({ id: 'c', sha256: 'x' }),
      doc({ id: 'd', sha256: 'y' }),
      doc({ id: 'e', sha256: 'x' }),
      doc({ id: 'f' }),
    ];
    const warnings = rules(results).filter((d) => d.rule === 'results/duplicate-documents');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('3 documents are copies of another (the same bytes, sha256): a.txt = c.txt = e.txt, b.txt = d.txt.');
  });

  it('says nothing when every file differs', () => {
    expect(rules([doc({ id: 'a' }), doc({ id: 'b' })]).filter((d) => d.rule === 'results/duplicate-documents')).toEqual([]);
  });
});
