import { describe, expect, it } from 'vitest';
import { type JudgedPassage, suggestTermFixes } from '../../../src/run/suggest-term-fixes.ts';
import type { Term } from '../../../src/types.ts';

/** A judged passage: the sentence with the match written [like this]. */
function passage(marked: string, accepted: boolean): JudgedPassage {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return { accepted, text: marked.replace('[', '').replace(']', ''), start, end };
}

const glob = (value: string): Term => ({ value, kind: 'glob', caseSensitive: false });

describe('suggestTermFixes', () => {
  it('phrases that keep every accepted passage and no rejected one, then case sensitivity, best first', () => {
    const passages = [
      passage('We build big [data] centres.', true),
      passage('Open [data] portals help.', true),
      passage('The big [data] plan is ready.', true),
      passage('Use open [data] now.', true),
      passage('The [data] was late.', false),
      passage('[Data] on noise came in.', false),
    ];
    const fixes = suggestTermFixes(glob('data*'), passages, false);
    // By hand: `big data*` and `open data*` each cover two accepted passages and no rejected one;
    // case-sensitive `data*` drops only the capitalised "Data" (1 of 2 rejected): 4 / 5 = 0.8.
    expect(fixes.map((fix) => [fix.kind, fix.change, fix.removedRejected, fix.removedAccepted, fix.precisionAfter])).toEqual([
      ['phrase', 'replace `data*` by the phrases `big data*`, `open data*`', 2, 0, 1],
      ['case', '`{ term: data*, case_sensitive: true }`', 1, 0, 0.8],
    ]);
  });

  it('an except from the word the rejected passages share, unless an accepted passage has it too', () => {
    const passages = [passage('New [parks] open.', true), passage('The car [park] closes.', false), passage('A car [park] fee.', false)];
    expect(suggestTermFixes(glob('park*'), passages, true)[0]).toMatchObject({
      kind: 'except',
      change: "add car park* to the code's `except` list",
      removedRejected: 2,
    });
    const shared = [...passages, passage('The car [parks] and green space.', true)];
    expect(suggestTermFixes(glob('park*'), shared, false).map((fix) => fix.kind)).not.toContain('except');
  });

  it('removal when nothing separates the rejected passages from the accepted ones, or nothing was accepted', () => {
    const mixed = [
      passage('A [plan] for parks.', true),
      passage('A [plan] for lunch.', false),
      passage('The [plan] for roads.', true),
      passage('The [plan] for tea.', false),
    ];
    expect(suggestTermFixes(glob('plan'), mixed, false)).toEqual([
      { kind: 'remove', change: 'remove `plan`', rejected: 2, removedRejected: 2, accepted: 2, removedAccepted: 2, precisionAfter: null },
    ]);
    const none = [passage('Let [us] go.', false), passage('Tell [us] more.', false)];
    expect(suggestTermFixes(glob('US'), none, false)[0]!.kind).toBe('remove');
  });
});
