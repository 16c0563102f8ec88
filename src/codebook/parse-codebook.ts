import { createHash } from 'node:crypto';
import { parse as parsePath } from 'node:path';
import { hasErrors, sortDiagnostics } from '../diagnostics/render-diagnostic.ts';
import type { Codebook, CodebookFormat, Diagnostic, Theme, ValidationProvenance } from '../types.ts';
import { createReporter } from './create-reporter.ts';
import { describeNode } from './describe-node.ts';
import { parseNativeCodebook } from './parse-native-codebook.ts';
import { parseQuantedaDictionary } from './parse-quanteda-dictionary.ts';
import { parseYamlTree } from './parse-yaml-tree.ts';

export interface ParsedCodebook {
  /** Present only when there are no error-severity diagnostics. */
  codebook?: Codebook;
  diagnostics: Diagnostic[];
}

/**
 * Parses a codebook from its YAML source. Pure: `path` only names the file in diagnostics
 * and gives the default name. The format is native when the top-level mapping has a
 * `policycoder` or `themes` key, otherwise quanteda's dictionary format.
 * Returns every problem found, sorted by position.
 */
export function parseCodebook(source: string, path: string): ParsedCodebook {
  const report = createReporter(path);
  const tree = parseYamlTree(source);
  for (const problem of tree.problems) {
    const hint =
      problem.hint ??
      (problem.duplicateKey
        ? 'Each key may appear only once in a mapping; merge the two entries or rename one.'
        : 'Fix the YAML syntax here: check indentation, colons after keys, and closing brackets or quotes.');
    if (problem.severity === 'error') report.error('codebook/yaml-syntax', problem.position, `${problem.message}.`, hint);
    else report.warning('codebook/yaml-syntax', problem.position, `${problem.message}.`, hint);
  }
  // Duplicate keys leave a usable tree; other syntax errors do not, so stop there.
  const broken = tree.problems.some((problem) => problem.severity === 'error' && !problem.duplicateKey);
  if (broken) return { diagnostics: sortDiagnostics(report.diagnostics) };

  const root = tree.root;
  if (root?.kind !== 'map') {
    report.error(
      'codebook/not-a-mapping',
      root?.position ?? { line: 1, column: 1 },
      `A codebook must be a YAML mapping, but this file holds ${root ? describeNode(root) : 'no document'}.`,
      'Write `themes:` with theme ids, each with `codes:` and terms (native format), or keys with lists of values such as `technology: [big data, sensor*]` (quanteda format).',
    );
    return { diagnostics: sortDiagnostics(report.diagnostics) };
  }

  const isNative = root.entries.some((entry) => entry.key === 'policycoder' || entry.key === 'themes');
  const format: CodebookFormat = isNative ? 'native' : 'quanteda';
  let name = parsePath(path).name;
  let themes: Theme[];
  let validation: ValidationProvenance | undefined;
  if (isNative) {
    const parsed = parseNativeCodebook(root, report);
    themes = parsed.themes;
    validation = parsed.validation;
    if (parsed.name !== undefined) name = parsed.name;
  } else {
    themes = parseQuantedaDictionary(root, report);
  }

  const diagnostics = sortDiagnostics(report.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };
  const sha256 = createHash('sha256').update(source, 'utf8').digest('hex');
  return { codebook: { name, format, path, sha256, themes, ...(validation ? { validation } : {}) }, diagnostics };
}
