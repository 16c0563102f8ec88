import { describe, expect, it } from 'vitest';
import { buildEvolution } from '../../../src/analyze/build-evolution.ts';
import { toEvolutionJson, toEvolutionJsonChunks } from '../../../src/report/to-evolution-json.ts';
import type { SeriesEvolution } from '../../../src/types.ts';
import { allResults, themeOrder } from '../analyze/evolution-fixture.ts';

describe('evolution.json in pieces', () => {
  const evolution = buildEvolution(allResults, themeOrder);

  it('joins to exactly the bytes of one JSON.stringify, one piece per milestone', () => {
    expect(evolution.length).toBeGreaterThan(1);
    const chunks = [...toEvolutionJsonChunks(evolution, 0.05)];
    expect(chunks.join('')).toBe(toEvolutionJson(evolution, 0.05));
    const milestones = evolution.reduce((sum, one) => sum + one.steps.length, 0);
    expect(chunks.filter((chunk) => chunk.startsWith('        {\n'))).toHaveLength(milestones);
  });

  it('also without series, and for a series without milestones', () => {
    expect([...toEvolutionJsonChunks([], 0.01)].join('')).toBe(toEvolutionJson([], 0.01));
    const empty: SeriesEvolution = { ...evolution[0]!, steps: [], tests: 0 };
    expect([...toEvolutionJsonChunks([empty], 0.05)].join('')).toBe(toEvolutionJson([empty], 0.05));
    expect([...toEvolutionJsonChunks([empty, evolution[1]!], 0.05)].join('')).toBe(toEvolutionJson([empty, evolution[1]!], 0.05));
  });
});
