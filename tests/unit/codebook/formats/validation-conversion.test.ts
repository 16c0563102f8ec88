import { describe, expect, it } from 'vitest';
import { checkConversionLoss } from '../../../../src/codebook/formats/check-conversion-loss.ts';
import { toNativeYaml } from '../../../../src/codebook/formats/to-native-yaml.ts';
import { parseCodebook } from '../../../../src/codebook/parse-codebook.ts';

// `terms_sha256` is the fingerprint of [data*] (printf '%s' '{"terms":["[\"data*\",\"glob\",false,null]"],"except":[],"negation":null,"near":null}' | sha256sum)
const source = [
  'policycoder: 1', //                                                            1
  'name: measured', //                                                            2
  'validation:', //                                                               3
  '  coder: "One AI coder: Claude"', //                                           4
  '  date: "2026-12-06"', //                                                      5
  '  precision_sheet: gold/p.csv', //                                             6
  'themes:', //                                                                   7
  '  tech:', //                                                                   8
  '    codes:', //                                                                9
  '      data:', //                                                               10
  '        definition: Data.', //                                                 11
  '        terms: [data*]', //                                                    12
  '        validation:', //                                                       13
  '          terms_sha256: "77de5826bed726c6"', //                                14
  '          precision: { estimate: 0.9, low: 0.744, high: 0.965, n: 30 }', //    15
  '          note: "Weak: 平台."', //                                             16
].join('\n');

describe('validation records when converting a codebook', () => {
  it("fixture: the fingerprint written above is the code's (no warning)", () => {
    expect(parseCodebook(source, 'm.yaml').diagnostics).toEqual([]);
  });

  it('native YAML writes them back and reads them the same', () => {
    const original = parseCodebook(source, 'm.yaml').codebook!;
    const again = parseCodebook(toNativeYaml(original), 'm.yaml');
    expect(again.diagnostics).toEqual([]);
    const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v) => (/^position$|Positions$|^sha256$/.test(key) ? undefined : v)));
    expect(strip(again.codebook)).toEqual(strip(original));
    expect(checkConversionLoss(original, 'native', 'out/m.yaml')).toEqual([]);
  });

  it('other formats lose them, and say so', () => {
    const codebook = parseCodebook(source, 'm.yaml').codebook!;
    const lost = checkConversionLoss(codebook, 'quanteda', 'out/m.yml').map((d) => `${d.line ?? '-'}:${d.column ?? '-'} ${d.message}`);
    expect(lost).toContain(
      "-:- Not carried over to quanteda YAML: how the codes' figures were measured (`validation:`); quanteda YAML has no place for it (1 item, first the codebook).",
    );
    expect(lost).toContain(
      '10:7 Not carried over to quanteda YAML: measured precision and recall (`validation:`); quanteda YAML has no place for them (1 item, first code `data` of theme `tech`).',
    );
  });
});
