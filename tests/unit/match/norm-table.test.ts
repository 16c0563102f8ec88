import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NormTable } from '../../../src/match/norm-table.ts';

describe('NormTable', () => {
  it('answers every get as a Map given the same sets would, through growth', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', 'a', 'data', '大', '\uD840', '\u{20000}'));
    const operation = fc.tuple(fc.boolean(), key, fc.integer());
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const table = new NormTable<number>(4);
        const map = new Map<string, number>();
        for (const [isSet, k, value] of operations) {
          if (isSet) {
            table.set(k, value);
            map.set(k, value);
          }
          expect(table.get(k)).toBe(map.get(k));
        }
        expect(table.size).toBe(map.size);
        for (const k of map.keys()) expect(table.get(k)).toBe(map.get(k));
      }),
      { numRuns: 500 },
    );
  });
});
