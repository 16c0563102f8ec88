import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toYamlScalar } from '../../../../src/codebook/formats/to-yaml-scalar.ts';
import { parseYamlTree } from '../../../../src/codebook/parse-yaml-tree.ts';

const asValue = (text: string) => {
  const { root, problems } = parseYamlTree(`key: ${toYamlScalar(text)}\n`);
  expect(problems).toEqual([]);
  return root?.kind === 'map' && root.entries[0]?.value.kind === 'scalar' ? root.entries[0].value.value : undefined;
};
const asKeyAndFlowItem = (text: string) => {
  const { root, problems } = parseYamlTree(`${toYamlScalar(text)}: [${toYamlScalar(text)}, x]\n`);
  expect(problems).toEqual([]);
  const entry = root?.kind === 'map' ? root.entries[0] : undefined;
  return [entry?.key, entry?.value.kind === 'seq' && entry.value.items[0]?.kind === 'scalar' ? entry.value.items[0].value : undefined];
};

describe('toYamlScalar', () => {
  it('leaves ordinary words, globs, phrases and CJK plain', () => {
    for (const text of ['sensor*', 'big data', 'low-carbon', "people's", 'why?', '5G', '智慧城市', 'CON ENVIRONMENT']) {
      expect(toYamlScalar(text)).toBe(text);
    }
  });

  it('quotes what YAML would read otherwise: booleans, null, numbers, dates, leading symbols, colons, commas, hashes', () => {
    for (const text of [
      'true',
      'No',
      'null',
      '~',
      '2030',
      '1e3',
      '0x1F',
      '.inf',
      '2020-01-02',
      '*ware',
      '+STATE+',
      '=STATE=',
      '-STATE-',
      'a: b',
      'a, b',
      'a #b',
      '[x]',
      '',
      ' x',
      'x ',
      'two\nlines',
    ]) {
      expect(toYamlScalar(text)).toBe(JSON.stringify(text));
      expect(asValue(text)).toBe(text);
    }
  });

  it('any text reads back unchanged as a value, a key and a flow-list item', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' })), (text) => {
        expect(asValue(text)).toBe(text);
        expect(asKeyAndFlowItem(text)).toEqual([text, text]);
      }),
      { numRuns: 400 },
    );
  });
});
