import { describe, it, expect } from 'vitest';
import { buildEvolution } from '../../../src/analyze/build-evolution.ts';
import { renderReports } from '../../../src/report/render-reports.ts';
import { allResults, codebook, themeOrder } from '../analyze/evolution-fixture.ts';

describe('renderReports', () => {
  it('renders the five data reports, each ending with a newline', () => {
    const files = renderReports({ results: allResults, evolution: buildEvolution(allResults, themeOrder), codebook });
    expect(Object.keys(files).sort()).toEqual(['evolution.csv', 'evolution.md', 'frequencies.csv', 'frequencies.json', 'terms.csv']);
    for (const text of Object.values(files)) expect(text.endsWith('\n')).toBe(true);
    // 5 documents x 3 codes + header
    expect(files['frequencies.csv']!.trimEnd().split('\n')).toHaveLength(16);
  });
});
