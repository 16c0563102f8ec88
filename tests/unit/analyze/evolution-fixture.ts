import type { Codebook, DocumentMeta, DocumentResult, TermCount } from '../../../src/types.ts';

/**
 * A hand-made corpus for the analyze and report tests: 2 themes, 3 codes, 5 documents.
 * Rates worked out by hand (count * 1000 / words):
 *   nat-2012  1500 words  tech 4+2=6 -> 4.000   sust 3 -> 2.000
 *   nat-2014   500 words  tech 2+1=3 -> 6.000   sust 0 -> 0.000
 *   nat-undated  0 words  tech 0     -> 0.000   sust 0 -> 0.000
 *   sz-2010   2000 words  tech 1     -> 0.500   sust 5 -> 2.500
 *   misc      1000 words  tech 2     -> 2.000   sust 0 -> 0.000
 */
export const codebook: Codebook = {
  name: 'demo codebook',
  format: 'native',
  path: 'codebooks/demo.yaml',
  sha256: 'abc123',
  themes: [
    {
      id: 'tech',
      label: 'Technology',
      codes: [
        { id: 'ict', label: 'ICT', terms: [] },
        { id: 'data', label: 'Data', terms: [] },
      ],
    },
    { id: 'sust', label: 'Sustainability', codes: [{ id: 'green', label: 'Green', terms: [] }] },
  ],
};

export const themeOrder = ['tech', 'sust'];

function sum(terms: TermCount[]): number {
  return terms.reduce((total, t) => total + t.count, 0);
}

export function makeResult(meta: DocumentMeta, words: number, terms: { ict?: TermCount[]; data?: TermCount[]; green?: TermCount[] }): DocumentResult {
  const ict = terms.ict ?? [];
  const data = terms.data ?? [];
  const green = terms.green ?? [];
  return {
    meta,
    source: { path: `/corpus/${meta.id}.txt`, relPath: `${meta.id}.txt`, format: 'txt', bytes: 10, sha256: 'f00' },
    words,
    cjkCharacters: 0,
    pages: 0,
    codes: [
      { theme: 'tech', code: 'ict', count: sum(ict), terms: ict },
      { theme: 'tech', code: 'data', count: sum(data), terms: data },
      { theme: 'sust', code: 'green', count: sum(green), terms: green },
    ],
  };
}

export const nat2012 = makeResult(
  {
    id: 'nat-2012',
    title: 'Notice on "smart city" pilots, 2012',
    date: '2012-11',
    series: 'national',
    level: 'national',
    language: 'en',
  },
  1500,
  {
    // deliberately not in final order: the code must sort them
    ict: [
      { term: 'internet of things', count: 1 },
      { term: 'ict', count: 3 },
    ],
    data: [{ term: 'big data', count: 2 }],
    green: [
      { term: 'low-carbon', count: 1 },
      { term: 'Green', count: 1 },
      { term: 'eco', count: 1 },
    ],
  },
);

export const nat2014 = makeResult({ id: 'nat-2014', title: 'Guiding opinions', date: '2014-08', year: 2014, series: 'national' }, 500, {
  ict: [
    { term: 'ict', count: 1 },
    { term: 'cloud', count: 1 },
  ],
  data: [{ term: 'cloud', count: 1 }],
  green: [{ term: 'green', count: 0 }],
});

export const natUndated = makeResult({ id: 'nat-undated', title: 'Undated notice', series: 'national' }, 0, {});

export const sz2010 = makeResult({ id: 'sz-2010', title: 'Shenzhen master plan', year: 2010, series: 'shenzhen' }, 2000, {
  ict: [{ term: 'ict', count: 1 }],
  green: [
    { term: 'low-carbon', count: 2 },
    { term: 'green', count: 3 },
  ],
});

export const misc = makeResult({ id: 'misc', title: 'Plan | annex', date: '2018-07-30' }, 1000, {
  ict: [{ term: '5G', count: 2 }],
});

/** Sorted by id, as run.ts passes them. */
export const allResults = [misc, nat2012, nat2014, natUndated, sz2010];
