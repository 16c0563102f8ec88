import { describe, it, expect } from 'vitest';
import { buildCooccurrence, countDocumentCooccurrence } from '../../../src/analyze/build-cooccurrence.ts';
import { buildEvolution } from '../../../src/analyze/build-evolution.ts';
import { collectEvidence } from '../../../src/analyze/collect-evidence.ts';
import type { CodeRef } from '../../../src/match/compile-codebook.ts';
import type { DocumentResult, Match } from '../../../src/types.ts';
import { segmentText } from '../../../src/text/segment-text.ts';

const themes = ['tech', 'green', 'people'];
const codes: CodeRef[] = themes.map((theme) => ({ theme, code: theme, terms: [{ value: theme, kind: 'glob', caseSensitive: false }] }));
const codeOf: Record<string, number> = { 'Big data': 0, data: 0, Sensors: 0, Green: 1, green: 1, Citizens: 2 };

/** A document whose matches are the listed words (each found left to right). */
function documentOf(id: string, date: string, text: string, words: string[]): DocumentResult {
  let from = 0;
  const matches: Match[] = words.map((word) => {
    const start = text.indexOf(word, from);
    from = start + word.length;
    return { codeIndex: codeOf[word]!, termIndex: 0, start, end: from, firstToken: 0, endToken: 0 };
  });
  const segments = segmentText(text);
  return {
    meta: { id, title: id, date, series: 's' },
    source: { path: `/${id}.txt`, relPath: `${id}.txt`, format: 'txt', bytes: 1, sha256: 'x' },
    words: 10,
    cjkCharacters: 0,
    pages: 0,
    codes: codes.map((code, index) => ({ theme: code.theme, code: code.code, count: matches.filter((m) => m.codeIndex === index).length, terms: [] })),
    evidence: collectEvidence({ documentId: id, text, pages: [], segments }, matches, codes),
    units: { sentences: segments.sentences.length, paragraphs: segments.paragraphs.length },
  };
}

// Paragraph 1: sentence 1 tech, sentence 2 green. Paragraph 2: sentence 3 people + tech + green.
// Paragraph 3: sentence 4 tech.
const three = documentOf('three', '2012', 'Big data helps. Green parks grow.\n\nCitizens use data and green energy.\n\nSensors everywhere.', [
  'Big data',
  'Green',
  'Citizens',
  'data',
  'green',
  'Sensors',
]);
const greenOnly = documentOf('green-only', '2014', 'Green only.', ['Green']);
const results = [greenOnly, three];
const rows = [...buildCooccurrence(results, buildEvolution(results, themes), themes).allRows()];
const pick = (document: string | null, unit: string) =>
  rows.filter((r) => r.document === document && r.unit === unit).map((r) => [r.themeA, r.themeB, r.both, r.aUnits, r.bUnits, r.units, r.jaccard, r.obsExp]);

describe('buildCooccurrence on a hand-made 3-paragraph text', () => {
  it('paragraphs: tech in 3, green in 2, people in 1 of 3', () => {
    expect(pick('three', 'paragraph')).toEqual([
      // tech & green share paragraphs 1 and 2: jaccard 2/(3+2-2), obs/exp 2*3/(3*2)
      ['tech', 'green', 2, 3, 2, 3, 2 / 3, 1],
      // tech & people share paragraph 2: 1/(3+1-1), 1*3/(3*1)
      ['tech', 'people', 1, 3, 1, 3, 1 / 3, 1],
      // green & people: 1/(2+1-1), 1*3/(2*1)
      ['green', 'people', 1, 2, 1, 3, 1 / 2, 1.5],
    ]);
  });

  it('sentences: tech in 3, green in 2, people in 1 of 4; only sentence 3 holds two themes', () => {
    expect(pick('three', 'sentence')).toEqual([
      ['tech', 'green', 1, 3, 2, 4, 1 / 4, 4 / 6],
      ['tech', 'people', 1, 3, 1, 4, 1 / 3, 4 / 3],
      ['green', 'people', 1, 2, 1, 4, 1 / 2, 2],
    ]);
  });

  it('a second document with one green paragraph; the series total sums the counts', () => {
    expect(pick('green-only', 'paragraph')[0]).toEqual(['tech', 'green', 0, 0, 1, 1, 0, null]);
    // 4 paragraphs: tech 3, green 3, both 2 -> jaccard 2/(3+3-2) = 0.5, obs/exp 2*4/(3*3)
    expect(pick(null, 'paragraph')[0]).toEqual(['tech', 'green', 2, 3, 3, 4, 0.5, 8 / 9]);
  });

  it('rows: series, documents in date order then the total, paragraph before sentence', () => {
    expect(rows.map((r) => `${r.document ?? '(total)'}/${r.unit}`).filter((v, i, all) => all.indexOf(v) === i)).toEqual([
      'three/paragraph',
      'three/sentence',
      'green-only/paragraph',
      'green-only/sentence',
      '(total)/paragraph',
      '(total)/sentence',
    ]);
  });

  it('no theme present: jaccard and obs/exp are null', () => {
    const empty = { ...greenOnly, meta: { ...greenOnly.meta, id: 'empty' }, evidence: [] };
    const [row] = buildCooccurrence([empty], buildEvolution([empty], themes), themes).allRows();
    expect([row!.both, row!.jaccard, row!.obsExp]).toEqual([0, null, null]);
  });
});

describe('buildCooccurrence with five themes (every pair kept apart)', () => {
  const five = ['a', 'b', 'c', 'd', 'e'];
  const place = (theme: string, paragraph: number) => ({
    document: 'five',
    theme,
    code: theme,
    term: theme,
    matched: theme,
    page: null,
    line: 1,
    column: 1,
    sentence: paragraph,
    paragraph,
    start: 0,
    end: 1,
    left: '',
    right: '',
  });
  // Paragraph 1 holds a, c, e; paragraph 2 b, e; paragraph 3 d (sentences = paragraphs).
  const document: DocumentResult = {
    meta: { id: 'five', title: 'five', series: 's' },
    source: { path: '/five.txt', relPath: 'five.txt', format: 'txt', bytes: 1, sha256: 'x' },
    words: 10,
    cjkCharacters: 0,
    pages: 0,
    codes: five.map((theme) => ({ theme, code: theme, count: 1, terms: [] })),
    evidence: [place('a', 1), place('c', 1), place('e', 1), place('b', 2), place('e', 2), place('d', 3)],
    units: { sentences: 3, paragraphs: 3 },
  };
  const table = buildCooccurrence([document], buildEvolution([document], five), five);

  it('counts both themes per pair: a+c, a+e, c+e (paragraph 1) and b+e (paragraph 2), no other pair', () => {
    const both = table
      .rows('s', 'five')
      .filter((r) => r.unit === 'paragraph')
      .map((r) => `${r.themeA}${r.themeB}=${r.both}`);
    expect(both).toEqual(['ab=0', 'ac=1', 'ad=0', 'ae=1', 'bc=0', 'bd=0', 'be=1', 'cd=0', 'ce=1', 'de=0']);
  });

  it('counts the same when the rows do not come in unit order, and the same from counts made where the document was analysed', () => {
    const shuffled = { ...document, evidence: [place('e', 2), place('a', 1), place('d', 3), place('e', 1), place('b', 2), place('c', 1)] };
    const again = buildCooccurrence([shuffled], buildEvolution([shuffled], five), five);
    expect([...again.allRows()]).toEqual([...table.allRows()]);
    const counted = { ...document, evidence: [], cooccurrence: countDocumentCooccurrence(document.units, document.evidence!, five) };
    expect([...buildCooccurrence([counted], buildEvolution([counted], five), five).allRows()]).toEqual([...table.allRows()]);
  });

  it('units per theme: e in 2 paragraphs, the others in 1; the series total equals the one document', () => {
    const rows = table.rows('s', 'five').filter((r) => r.unit === 'sentence');
    expect(table.rows('s', 'five', 'sentence')).toEqual(rows);
    expect(rows.find((r) => r.themeA === 'd' && r.themeB === 'e')).toMatchObject({ aUnits: 1, bUnits: 2, units: 3, both: 0 });
    expect(table.rows('s', null).map((r) => r.both)).toEqual(table.rows('s', 'five').map((r) => r.both));
    expect(table.series).toEqual(['s']);
    expect(table.documents('s')).toEqual(['five']);
  });
});
