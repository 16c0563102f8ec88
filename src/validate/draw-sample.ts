import { compareCodeUnits } from '../text/compare-code-units.ts';

/** What was drawn from one stratum: how many items it had, and the drawn ones, smallest key first. */
export interface DrawnStratum<T> {
  population: number;
  drawn: T[];
}

/**
 * Keeps, per stratum, the `perStratum` items with the smallest keys (see `sampleKey`): a uniform
 * random sample of each stratum, in one pass and O(strata x perStratum) memory. Strata are
 * returned in the order first met.
 */
export class StratifiedSample<T extends { key: string }> {
  private readonly perStratum: number;
  private readonly strata = new Map<string, DrawnStratum<T>>();

  constructor(perStratum: number) {
    this.perStratum = perStratum;
  }

  add(stratum: string, item: T): void {
    let entry = this.strata.get(stratum);
    if (!entry) this.strata.set(stratum, (entry = { population: 0, drawn: [] }));
    entry.population++;
    const { drawn } = entry;
    if (drawn.length === this.perStratum && compareCodeUnits(item.key, drawn[drawn.length - 1]!.key) >= 0) return;
    let at = drawn.length;
    while (at > 0 && compareCodeUnits(item.key, drawn[at - 1]!.key) < 0) at--;
    drawn.splice(at, 0, item);
    if (drawn.length > this.perStratum) drawn.pop();
  }

  get(stratum: string): DrawnStratum<T> | undefined {
    return this.strata.get(stratum);
  }

  entries(): IterableIterator<[string, DrawnStratum<T>]> {
    return this.strata.entries();
  }
}
