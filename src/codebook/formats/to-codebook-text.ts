import type { Codebook } from '../../types.ts';
import type { CodebookFileFormat } from './codebook-file-format.ts';
import { toLiwcDic } from './to-liwc-dic.ts';
import { toLiwcDicx } from './to-liwc-dicx.ts';
import { toNativeYaml } from './to-native-yaml.ts';
import { toQuantedaYaml } from './to-quanteda-yaml.ts';
import { toWordstatCat } from './to-wordstat-cat.ts';

/** A codebook as the text of a file in `format`; `header` lines become comments where the format has them (YAML). */
export function toCodebookText(codebook: Codebook, format: CodebookFileFormat, header: readonly string[] = []): string {
  switch (format) {
    case 'native':
      return toNativeYaml(codebook, header);
    case 'quanteda':
      return toQuantedaYaml(codebook, header);
    case 'liwc':
      return toLiwcDic(codebook);
    case 'liwc22':
      return toLiwcDicx(codebook);
    case 'wordstat':
      return toWordstatCat(codebook);
  }
}
