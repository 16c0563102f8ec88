import { describe, it, expect } from 'vitest';
import { toFrequenciesJson, toFrequenciesJsonChunks } from '../../../src/report/to-frequencies-json.ts';
import { codebook, nat2012, natUndated } from '../analyze/evolution-fixture.ts';

describe('toFrequenciesJson', () => {
  const text = toFrequenciesJson([nat2012, natUndated], codebook);
  const parsed = JSON.parse(text);

  it('is 2-space indented with a trailing newline', () => {
    expect(text.startsWith('{\n  "codebook": {\n    "name": "demo codebook",\n    "sha256": "abc123"\n  },')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('nests themes, codes and terms with rates rounded to 3 decimals', () => {
    const [doc] = parsed.documents;
    expect(Object.keys(doc)).toEqual(['id', 'title', 'date', 'year', 'series', 'level', 'language', 'words', 'cjk_characters', 'pages', 'themes']);
    expect(doc.year).toBeNull();
    expect(doc.date).toBe('2012-11');
    expect(doc.themes[0]).toEqual({
      theme: 'tech',
      count: 6,
      per_1000: 4,
      codes: [
        {
          code: 'ict',
          count: 4,
          per_1000: 2.667,
          terms: [
            { term: 'ict', count: 3 },
            { term: 'internet of things', count: 1 },
          ],
        },
        { code: 'data', count: 2, per_1000: 1.333, terms: [{ term: 'big data', count: 2 }] },
      ],
    });
    expect(doc.themes[1].theme).toBe('sust');
    expect(doc.themes[1].per_1000).toBe(2);
  });

  it('writes null for every missing metadata field and 0 rates for 0 words', () => {
    const doc = parsed.documents[1];
    expect([doc.date, doc.year, doc.level, doc.language]).toEqual([null, null, null, null]);
    expect(doc.series).toBe('national');
    expect(doc.themes.map((t: { per_1000: number }) => t.per_1000)).toEqual([0, 0]);
  });

  it('is written in pieces, one per document, that join into exactly what JSON.stringify makes of the whole', () => {
    for (const results of [[], [nat2012], [nat2012, natUndated]]) {
      const pieces = [...toFrequenciesJsonChunks(results, codebook)];
      const joined = pieces.join('');
      expect(joined).toBe(`${JSON.stringify(JSON.parse(joined), null, 2)}\n`);
      expect(JSON.parse(joined).documents).toHaveLength(results.length);
      expect(pieces).toHaveLength(results.length === 0 ? 1 : results.length + 2); // head, documents, closing brackets
    }
    expect(toFrequenciesJson([], codebook)).toBe('{\n  "codebook": {\n    "name": "demo codebook",\n    "sha256": "abc123"\n  },\n  "documents": []\n}\n');
  });
});
