import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCodebook } from '../../../src/codebook/read-codebook.ts';
import { parseCsv } from '../../../src/validate/parse-csv.ts';

const root = new URL('../../../', import.meta.url).pathname;
const { codebook } = await readCodebook(`${root}codebooks/smart-city.yaml`);

/** 95% Wilson score interval, written out from Wilson (1927): centre +- half-width, both over 1 + z^2/n. */
function wilson(yes: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = yes / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const scale = 1 + (z * z) / n;
  return [(centre - half) / scale, (centre + half) / scale];
}

describe('codebooks/smart-city.yaml: its measured validity', () => {
  it('states that the coders are an AI language model, not humans, one per sample', () => {
    const coder = codebook!.validation?.coder ?? '';
    expect(coder).toMatch(/AI coders, not humans/);
    expect(coder).toMatch(/judged by one coder and the recall\s+sentences coded by another/);
    expect(coder).toMatch(/Claude \(an AI language model/);
    expect(coder).toMatch(/human second coder is\s+recommended/);
  });

  it("records every code's precision as its precision sheet gives it: yes / (yes + no) with the Wilson interval", () => {
    const sheet = codebook!.validation?.precisionSheet;
    expect(sheet).toBe('corpus/gold/precision-review-final.csv');
    const { records } = parseCsv(readFileSync(`${root}${sheet}`, 'utf8'));
    const [header, ...rows] = records.map((record) => record.fields);
    const at = (name: string) => header!.indexOf(name);
    for (const theme of codebook!.themes) {
      for (const code of theme.codes) {
        const judged = rows.filter((row) => row[at('theme')] === theme.id && row[at('code')] === code.id).map((row) => row[at('judgement')]);
        expect(judged.length, code.id).toBe(30);
        expect(
          judged.every((judgement) => ['yes', 'no', 'unsure'].includes(judgement!)),
          code.id,
        ).toBe(true);
        const yes = judged.filter((judgement) => judgement === 'yes').length;
        const n = judged.filter((judgement) => judgement !== 'unsure').length;
        const [low, high] = wilson(yes, n);
        expect(code.validation?.precision, code.id).toEqual({ estimate: round3(yes / n), low: round3(low), high: round3(high), n });
        expect(code.validation?.measuredTermsSha256, code.id).toBe(code.validation?.currentTermsSha256);
      }
    }
  });
});

function round3(x: number): number {
  return Number(x.toFixed(3));
}
