import type { Codebook } from '../../types.ts';
import { toYamlScalar } from './to-yaml-scalar.ts';

/**
 * A codebook as a quanteda YAML dictionary: theme -> code -> list of values, or `theme: [values]`
 * when the theme's only code has the theme's id (a one-level key, read back the same way).
 * Codes keep their ids as single keys (`EAST.BI` stays one key: quanteda flattens it to the same
 * name). Only values carry over; `header` lines are written as `#` comments.
 */
export function toQuantedaYaml(codebook: Codebook, header: readonly string[] = []): string {
  const lines = header.map((line) => `# ${line}`);
  for (const theme of codebook.themes) {
    const [only] = theme.codes;
    if (theme.codes.length === 1 && only?.id === theme.id) {
      lines.push(
        `${toYamlScalar(theme.id)}:${toList(
          only.terms.map((term) => term.value),
          '  ',
        )}`,
      );
      continue;
    }
    lines.push(`${toYamlScalar(theme.id)}:`);
    for (const code of theme.codes)
      lines.push(
        `  ${toYamlScalar(code.id)}:${toList(
          code.terms.map((term) => term.value),
          '    ',
        )}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** ` []` for an empty list, else a block list on the following lines. */
function toList(values: readonly string[], indent: string): string {
  if (values.length === 0) return ' []';
  return values.map((value) => `\n${indent}- ${toYamlScalar(value)}`).join('');
}
