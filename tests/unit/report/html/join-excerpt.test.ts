import { describe, it, expect } from 'vitest';
import { joinContext, spaceBetween } from '../../../../src/report/html/join-excerpt.ts';

describe('joinContext', () => {
  it('spaces words apart, but not next to CJK text or inside punctuation', () => {
    expect(joinContext('a path driven by', 'innovation', ', this Ministry')).toEqual(['a path driven by ', ', this Ministry']);
    expect(joinContext('communication technology (', 'ICT', ') industry')).toEqual(['communication technology (', ') industry']);
    expect(joinContext('坚持', '以人为本', '、依法依规')).toEqual(['坚持', '、依法依规']);
    expect(joinContext('an economy of', 'innovation', '.')).toEqual(['an economy of ', '.']);
    expect(joinContext('', 'Green', 'and low-carbon')).toEqual(['', ' and low-carbon']);
  });

  it('adds nothing to an empty side; mixed CJK and Latin join without a space', () => {
    expect(spaceBetween('', 'x')).toBe('');
    expect(spaceBetween('x', '')).toBe('');
    expect(spaceBetween('开展', '5G')).toBe('');
    expect(spaceBetween('the', '“smart”')).toBe(' ');
  });
});
