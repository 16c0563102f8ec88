import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkTextQuality, countCharacters, judgeCensus, type CharacterCensus } from '../../../src/ingest/check-text-quality.ts';
import { decodeText } from '../../../src/ingest/decode-text.ts';
import { parseCorpusYaml } from '../../../src/ingest/parse-corpus-yaml.ts';
import { parseHtmlText } from '../../../src/ingest/parse-html-text.ts';

const yamlPiece = fc.constantFrom(
  'documents:',
  '- ',
  '-',
  'file: ',
  'file: a.txt',
  'file: ../x.txt',
  'file: /etc/x',
  'file: C:\\x',
  'file: a/./b/../c.md',
  'id: ',
  'id: 007',
  'title: T',
  'date: 2012',
  'date: 2012-02-30',
  'date: 2012-11-22',
  'encoding: gbk',
  'encoding: nope',
  'password: ',
  'series: s',
  'level:',
  ': ',
  ':',
  '  ',
  '    ',
  '\n',
  '\t',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '!!binary ',
  '? ',
  '|',
  '"',
  "'",
  '#',
  '~',
  'null',
  '---',
  '<<: *a',
);
const yamlish = fc.array(yamlPiece, { maxLength: 60 }).map((pieces) => pieces.join(''));
const entry = fc.record(
  {
    file: fc.oneof(fc.string(), fc.jsonValue()),
    id: fc.jsonValue(),
    date: fc.oneof(fc.string(), fc.integer(), fc.jsonValue()),
    encoding: fc.string(),
    password: fc.jsonValue(),
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const shaped = fc.record({ documents: fc.oneof(fc.array(entry, { maxLength: 8 }), fc.jsonValue()) }, { requiredKeys: [] }).map((value) => stringify(value));

function expectEntriesOrDiagnostics(text: string): void {
  const { entries, refused = [], diagnostics } = parseCorpusYaml(text, 'corpus.yaml');
  for (const diagnostic of diagnostics) {
    expect(diagnostic.file).toBe('corpus.yaml');
    expect(diagnostic.line).toBeGreaterThanOrEqual(1);
    expect(diagnostic.hint).toBeTruthy();
  }
  // Every accepted path stays inside the corpus folder; every refused one has an error.
  for (const { file } of entries) {
    expect(file.startsWith('/') || file === '..' || file.startsWith('../') || file.includes('/../')).toBe(false);
  }
  expect(refused.length).toBeLessThanOrEqual(diagnostics.filter((d) => d.rule === 'corpus/path-escapes').length);
  expect(new Set(entries.map((e) => e.file)).size).toBe(entries.length);
}

describe('parseCorpusYaml never throws: any YAML gives entries or diagnostics', () => {
  it('arbitrary Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), expectEntriesOrDiagnostics), { numRuns: 300 });
  });
  it('texts assembled from corpus.yaml fragments', () => {
    fc.assert(fc.property(yamlish, expectEntriesOrDiagnostics), { numRuns: 1000 });
  });
  it('well-formed YAML of corpus.yaml shape with arbitrary values', () => {
    fc.assert(fc.property(shaped, expectEntriesOrDiagnostics), { numRuns: 500 });
  });
});

describe('decoding and HTML text never throw and keep their promises', () => {
  it('decodeText: any bytes give text (no BOM, no CR) or a problem; never U+FFFD that was not in the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(undefined, 'gbk', 'utf-16le', 'big5'), (bytes, encoding) => {
        const result = decodeText(bytes, encoding);
        if ('problem' in result) {
          expect(result.problem.rule).toMatch(/^ingest\//);
          return;
        }
        expect(result.text).not.toContain('\r');
        expect(result.text.startsWith('\ufeff')).toBe(false);
        if (encoding === undefined && result.text.includes('\ufffd')) {
          // Only a literal EF BF BD (UTF-8) or FD FF / FF FD (UTF-16) can put it there.
          expect(Buffer.from(bytes).includes(Buffer.from([0xef, 0xbf, 0xbd])) || bytes[0] === 0xff || bytes[0] === 0xfe).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('decodeText: any text saved as UTF-8 (with or without BOM, CRLF or LF) reads back as its NFC, LF form', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 100 }).filter((s) => !s.includes('\u0000')),
        fc.boolean(),
        fc.boolean(),
        (text, bom, crlf) => {
          const saved = `${bom ? '\ufeff' : ''}${crlf ? text.replace(/\n/g, '\r\n') : text}`;
          const result = decodeText(new TextEncoder().encode(saved));
          expect(result).toEqual({ text: text.replace(/\r\n?/g, '\n').normalize('NFC') });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('decodeText: mostly-ASCII text, carriage returns anywhere, reads back as its NFC, LF form', () => {
    const piece = fc.constantFrom('a', 'Z', ' ', '~', '\t', '\r', '\n', '\r\n', '\u007f', 'e\u0301', 'é', '\u0080');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
        (text) => {
          expect(decodeText(new TextEncoder().encode(text))).toEqual({ text: text.replace(/\r\n?/g, '\n').normalize('NFC') });
        },
      ),
      { numRuns: 1000 },
    );
  });

  const htmlPiece = fc.oneof(
    fc.constantFrom(
      '<p>',
      '</p>',
      '<div>',
      '</div>',
      '<br>',
      '<main>',
      '</main>',
      '<script>',
      '</script>',
      '<table><tr><td>',
      '</td>',
      '<pre>',
      '</pre>',
      '<!--',
      '-->',
      '&amp;',
      '&nbsp;',
      '&#x3000;',
      '<',
      '>',
      '\n',
      ' ',
      '\t',
      '\r\n',
      '<p hidden>',
      '<nav>',
      '</nav>',
      '<template>',
      '<svg>',
    ),
    fc.string({ maxLength: 8 }),
  );
  it('parseHtmlText: any markup gives trimmed text with no CR, no blank-line runs, no script text', () => {
    fc.assert(
      fc.property(fc.array(htmlPiece, { maxLength: 40 }), fc.constantFrom('web' as const, 'docx' as const), (pieces, source) => {
        const { text } = parseHtmlText(pieces.join(''), source) as { text: string };
        expect(text).not.toContain('\r');
        expect(text).not.toMatch(/\n\n\n/);
        expect(text).not.toMatch(/^\n|\n$/);
        expect(text).toBe(text.normalize('NFC'));
        // Script content never shows (without `</script` or `<!--`, which end or re-open script data by the HTML rules).
        const payload = pieces.join('').replace(/<\/script|<!--/gi, '');
        expect(parseHtmlText(`<p>a</p><script>${payload}</script><p>b</p>`, source)).toEqual({ text: 'a\n\nb' });
      }),
      { numRuns: 500 },
    );
  });

  it('countCharacters counts per code point as a for-of loop does; checkTextQuality judges as from the full census', () => {
    // The census as first written: `for (const char of text)`.
    const censusByIteration = (text: string): CharacterCensus => {
      const census = { visible: 0, replacement: 0, privateUse: 0, latin1: 0 };
      for (const char of text) {
        const code = char.codePointAt(0)!;
        if (code <= 0x20 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b) || code === 0x85) continue;
        census.visible += 1;
        if (code === 0xfffd) census.replacement += 1;
        else if ((code >= 0xe000 && code <= 0xf8ff) || code >= 0xf0000) census.privateUse += 1;
        else if (code >= 0xa1 && code <= 0xff) census.latin1 += 1;
      }
      return census;
    };
    const unit = fc.constantFrom(
      'a',
      '大',
      ' ',
      '\n',
      '\u00a0',
      '\u2003',
      '\u200b',
      '\u3000',
      '\u0085',
      '\ufffd',
      '\ue000',
      '\uf8ff',
      'Ä',
      '¿',
      'é',
      '\u00a0',
      '\u{F0000}',
      '\u{10FFFD}',
      '\uDB80',
      '\uDC00',
      '\u{20000}',
      '\u{1F600}',
    );
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 60 }).map((chars) => chars.join('')),
        (text) => {
          expect(countCharacters(text)).toEqual(censusByIteration(text));
          expect(checkTextQuality(text, 'pdf', 'f.pdf')).toEqual(judgeCensus(censusByIteration(text), text, 'pdf', 'f.pdf'));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('checkTextQuality: any text gives at most one diagnostic, and an error exactly when the text is unusable', () => {
    const suspect = fc.constantFrom('a', '大', ' ', '\n', '\ufffd', '\ue000', 'Ä', '¿', 'é');
    fc.assert(
      fc.property(
        fc.array(suspect, { maxLength: 80 }).map((chars) => chars.join('')),
        (text) => {
          const diagnostics = checkTextQuality(text, 'txt', 'f.txt');
          expect(diagnostics.length).toBeLessThanOrEqual(1);
          if (text.trim() === '') expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'ingest/empty' }]);
          if (!/[\ufffd\ue000Ä¿é]/.test(text) && text.trim() !== '') expect(diagnostics).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
