import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PDFParse } from 'pdf-parse';
import { textToPdf, wrapLine } from '../../support/text-to-pdf.ts';

const repoRoot = new URL('../../../', import.meta.url);
const demoSource = new URL('tests/fixtures/demo-pdf-source/2018-shenzhen-new-type-smart-city-plan.txt', repoRoot);
const demoPdf = new URL('tests/fixtures/demo-corpus/shenzhen/2018-shenzhen-new-type-smart-city-plan.pdf', repoRoot);

const words = (text: string): string[] => text.trim().split(/\s+/);
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

async function extractPages(data: Uint8Array): Promise<string[]> {
  const parser = new PDFParse({ data });
  try {
    const result = await parser.getText();
    return result.pages.map((p) => p.text);
  } finally {
    await parser.destroy();
  }
}

// Ten output lines with maxLineLength 20 (worked out in the comments), four per page -> pages of 4, 4, 2.
const sample = [
  'Title (draft)', // 1 line
  '', // 1 empty line
  'alpha beta gamma delta epsilon zeta eta theta', // "alpha beta gamma" / "delta epsilon zeta" / "eta theta"
  'supercalifragilisticexpialidocious-and-more words', // long word whole / "words"
  '', // 1 empty line
  'back\\slash café naïve', // 21 chars: "back\slash café" / "naïve"
].join('\n');

describe('wrapLine', () => {
  it.each([
    ['short line', 20, ['short line']],
    ['alpha beta gamma delta epsilon zeta eta theta', 20, ['alpha beta gamma', 'delta epsilon zeta', 'eta theta']],
    ['exactly twenty chars', 20, ['exactly twenty chars']],
    ['exactly twenty chars!', 20, ['exactly twenty', 'chars!']],
    ['abcdefghijklmnopqrstuvwxyz tail', 10, ['abcdefghijklmnopqrstuvwxyz', 'tail']],
    ['abcdefghijklmnopqrstuvwxyz', 10, ['abcdefghijklmnopqrstuvwxyz']],
    ['', 10, ['']],
    ['trailing spaces   ', 40, ['trailing spaces']],
  ])('wraps %j at %i', (line, max, expected) => {
    expect(wrapLine(line, max)).toEqual(expected);
  });

  it('never splits or loses a word, and only a lone word exceeds the limit', () => {
    const word = fc.stringMatching(/^[a-z]{1,15}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (ws, max) => {
        const pieces = wrapLine(ws.join(' '), max);
        expect(words(pieces.join('\n'))).toEqual(ws);
        for (const piece of pieces) {
          if (piece.length > max) expect(piece).not.toContain(' ');
        }
      }),
    );
  });
});

describe('textToPdf', () => {
  it('writes a multi-page PDF whose pages hold the wrapped lines in order', async () => {
    const pages = await extractPages(textToPdf(sample, { linesPerPage: 4, maxLineLength: 20 }));
    expect(pages).toHaveLength(3);
    expect(words(pages[0] ?? '')).toEqual(['Title', '(draft)', 'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta']);
    expect(words(pages[1] ?? '')).toEqual(['eta', 'theta', 'supercalifragilisticexpialidocious-and-more', 'words']);
    expect(words(pages[2] ?? '')).toEqual(['back\\slash', 'café', 'naïve']);
    expect(words(pages.join('\n'))).toEqual(words(sample));
  });

  it('escapes ( ) \\ and writes non-ASCII WinAnsi characters as octal escapes', () => {
    const raw = latin1(textToPdf('f(x) = a\\b\ncafé ’quoted’'));
    expect(raw).toContain('(f\\(x\\) = a\\\\b) Tj');
    expect(raw).toContain('(caf\\351 \\222quoted\\222) Tj');
    expect(raw).toContain('/BaseFont /Helvetica /Encoding /WinAnsiEncoding');
  });

  it('keeps a blank line as an empty line (a bare T*)', () => {
    const raw = latin1(textToPdf('one\n\ntwo'));
    expect(raw).toContain('T* (one) Tj\nT*\nT* (two) Tj');
  });

  it('has a cross-reference table whose offsets point at the objects', () => {
    const raw = latin1(textToPdf(sample, { linesPerPage: 4, maxLineLength: 20 }));
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(raw)?.[1]);
    expect(raw.slice(startxref, startxref + 5)).toBe('xref\n');
    const entries = [...raw.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    // catalog, pages, font, 3 x (page + content stream), info = 10 objects
    expect(entries).toHaveLength(10);
    for (const [i, offset] of entries.entries()) expect(raw.slice(offset).startsWith(`${i + 1} 0 obj\n`)).toBe(true);
    expect(raw).toContain('/Size 11 ');
    expect(raw).toContain('/Count 3 ');
  });

  it('gives each content stream its exact /Length', () => {
    const raw = latin1(textToPdf(sample, { linesPerPage: 4, maxLineLength: 20 }));
    const streams = [...raw.matchAll(/<< \/Length (\d+) >>\nstream\n/g)];
    expect(streams).toHaveLength(3);
    for (const m of streams) {
      const start = (m.index ?? 0) + m[0].length;
      expect(raw.slice(start + Number(m[1])).startsWith('endstream')).toBe(true);
    }
  });

  it('writes one empty page for empty text', async () => {
    expect(await extractPages(textToPdf(''))).toHaveLength(1);
  });

  it('rejects characters outside WinAnsi with the line and code point', () => {
    expect(() => textToPdf('ok\n智慧城市')).toThrow(/line 2: character '智' \(U\+667A\)/);
    expect(() => textToPdf('bad\u0007bell')).toThrow(/U\+0007/);
  });

  it('rejects nonsensical options', () => {
    expect(() => textToPdf('x', { linesPerPage: 0 })).toThrow(/linesPerPage/);
    expect(() => textToPdf('x', { maxLineLength: 2.5 })).toThrow(/maxLineLength/);
  });
});

describe('the demo corpus PDF (tests/fixtures/demo-corpus, invented text)', () => {
  const source = readFileSync(demoSource, 'utf8');

  it('is exactly what textToPdf makes from its source text, and small', () => {
    const committed = readFileSync(demoPdf);
    expect(Buffer.from(textToPdf(source)).equals(committed)).toBe(true);
    expect(committed.length).toBeLessThan(20_000);
  });

  it('extracts to the same sequence of words as its source, over several pages', async () => {
    const pages = await extractPages(readFileSync(demoPdf));
    expect(pages.length).toBeGreaterThan(1);
    expect(words(pages.join('\n'))).toEqual(words(source));
  });
});
