import { describe, expect, it } from 'vitest';
import { tokenize, tokensOf } from '../../../src/text/tokenize.ts';

function norms(text: string): string[] {
  return tokensOf(tokenize(text)).map((t) => t.norm);
}

describe('tokenize', () => {
  it.each([
    ['Low-carbon cities, e-government.', ['low-carbon', 'cities', ',', 'e-government', '.']],
    ["people’s needs and citizens' rights", ["people's", 'needs', 'and', 'citizens', "'", 'rights']],
    ['state‐led and non‑state', ['state-led', 'and', 'non-state']],
    ['--x y- -z', ['-', '-', 'x', 'y', '-', '-', 'z']],
    ['big, data', ['big', ',', 'data']],
    ['建设5G网络', ['建', '设', '5g', '网', '络']],
    ['ＡＩ＋互联网', ['ai', '+', '互', '联', '网']],
    ['R&D 2.0', ['r', '&', 'd', '2', '.', '0']],
    ['naïve café', ['naïve', 'café']],
    ['カメラと日本語', ['カ', 'メ', 'ラ', 'と', '日', '本', '語']],
    ['𠀀a', ['𠀀', 'a']],
    ['smart* city?', ['smart', '*', 'city', '?']],
    // A lone high surrogate is a symbol of one unit: the word after it stays whole.
    ['x \ud800data', ['x', '\ud800', 'data']],
  ])('%j -> %j', (text, expected) => {
    expect(norms(text)).toEqual(expected);
  });

  it('classifies kinds: Latin words, CJK characters, symbols', () => {
    expect(tokensOf(tokenize('建设5G，ok')).map((t) => t.kind)).toEqual(['cjk', 'cjk', 'word', 'symbol', 'word']);
  });

  it('keeps wildcards inside words only when asked (glob values)', () => {
    expect(tokensOf(tokenize('smart* ci?y', { wildcards: true })).map((t) => t.norm)).toEqual(['smart*', 'ci?y']);
  });

  it('records the whitespace before each token', () => {
    const gaps = tokensOf(tokenize('a b\nc\n\nd  \n \ne')).map((t) => t.gap);
    expect(gaps).toEqual(['paragraph', 'space', 'line', 'paragraph', 'paragraph']);
    expect(tokensOf(tokenize('大数\n据')).map((t) => t.gap)).toEqual(['paragraph', 'none', 'line']);
  });

  it('offsets slice back to the original text, also for full-width and astral characters', () => {
    const text = 'ＡＩ赋能 𠀀 e‑gov’s\r\nx';
    const tokens = tokensOf(tokenize(text));
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['ＡＩ', '赋', '能', '𠀀', 'e‑gov’s', 'x']);
  });
});
