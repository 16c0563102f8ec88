import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseDocument } from '../../../src/engine/analyse-document.ts';
import { openEvidenceSpill } from '../../../src/engine/evidence-spill.ts';
import { PART_ROWS, toCompactEvidence } from '../../../src/engine/pack-evidence.ts';
import { readCodebook } from '../../../src/codebook/read-codebook.ts';
import { compileCodebook } from '../../../src/match/compile-codebook.ts';
import type { SourceFile } from '../../../src/types.ts';

/**
 * A made-up document dense with matches ("Data is here. " 5,000 times: 5,000 sentences of one match each).
 * Its evidence must reach the spill a part at a time, never as one string: a 50 MB document like
 * it died with `RangeError: Invalid string length` when its lines were joined (issue 14, item 7).
 */
describe('analyseDocument on a document dense with matches', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'policycoder-dense-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('writes its evidence to the spill in parts of PART_ROWS rows, and reads every row back', async () => {
    const file = path.join(work, 'dense.txt');
    const text = 'Data is here. '.repeat(5000);
    await writeFile(file, text);
    await writeFile(path.join(work, 'codebook.yaml'), 'tech:\n  data:\n    - data\n');
    const { codebook } = await readCodebook(path.join(work, 'codebook.yaml'));
    const { compiled } = compileCodebook(codebook!);
    const source: SourceFile = { path: file, relPath: 'dense.txt', format: 'txt', bytes: text.length, sha256: '' };
    const spill = openEvidenceSpill();
    try {
      const outcome = await analyseDocument(
        { source, meta: { id: 'dense', title: 'dense' } },
        compiled,
        { cacheDir: null, cjkWords: 'characters', themeOrder: ['tech'] },
        spill.append,
      );
      if (!('evidence' in outcome)) throw new Error(outcome.reason);
      expect(PART_ROWS).toBe(4096);
      expect(outcome.evidence.parts.map((part) => part.rows)).toEqual([4096, 904]);
      expect(outcome.result.codes[0]!.count).toBe(5000);
      const rows = toCompactEvidence(outcome.evidence, spill.read).rows();
      expect(rows).toHaveLength(5000);
      // Row 4,097 (the first of the second part) is the match in sentence 4,097, at 14 x 4,096.
      expect(rows[4096]).toMatchObject({ matched: 'Data', start: 57344, end: 57348, sentence: 4097, line: 1, column: 57345 });
      const csv = Buffer.concat([...toCompactEvidence(outcome.evidence, spill.read).csv()]).toString('utf8');
      expect(csv.split('\n')).toHaveLength(5001);
      // The theme is in every sentence, alone: 5,000 sentences hold it, none holds a pair.
      expect([...outcome.result.cooccurrence!]).toEqual([1, 1, 5000, 5000]);
    } finally {
      spill.close();
    }
  });
});
