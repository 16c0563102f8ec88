/**
 * quanteda's YAML dictionary format, read as is: nested keys, lists of values.
 * Two levels map to theme/code; a list directly under a top-level key is both theme
 * and code; deeper keys join the path below the theme with '.' (as quanteda flattens them).
 * Values are case-insensitive globs; a value with spaces is a phrase.
 */
import type { Code, Theme } from '../types.ts';
import { checkCodeTerms } from './check-code-terms.ts';
import type { Reporter } from './create-reporter.ts';
import { describeNode } from './describe-node.ts';
import { parseTermItem } from './parse-term-item.ts';
import type { YamlEntry, YamlMap, YamlSeq } from './parse-yaml-tree.ts';
import { builtInTermDefaults } from './default-negation.ts';

const DEFAULTS = builtInTermDefaults();

export function parseQuantedaDictionary(root: YamlMap, report: Reporter): Theme[] {
  const themes: Theme[] = [];
  let written = 0;
  for (const entry of root.entries) {
    const id = keyOf(entry, report);
    if (id === undefined) continue;
    const theme: Theme = { id, label: id, codes: [], position: entry.keyPosition };
    const node = entry.value;
    if (node.kind === 'seq') {
      written++;
      theme.codes.push(toCode(id, entry, node, report));
    } else if (node.kind === 'map') {
      if (node.entries.length === 0) {
        report.error(
          'codebook/empty-theme',
          entry.keyPosition,
          `Key \`${id}\` has an empty mapping, so it defines no codes.`,
          `Give it values (\`${id}: [value, value]\`) or sub-keys with values, or remove it.`,
        );
      }
      written += collectCodes(theme, node, [], report);
    } else {
      reportNoValues(id, entry, report);
    }
    themes.push(theme);
  }
  if (written === 0) {
    report.error(
      'codebook/no-codes',
      root.position,
      'The dictionary has no keys with values, so there is nothing to count.',
      'Add keys with lists of values, e.g. `technology: [big data, sensor*]`.',
    );
  }
  return themes;
}

/** Walks nested keys below a theme; returns the number of code lists found. */
function collectCodes(theme: Theme, map: YamlMap, path: string[], report: Reporter): number {
  let written = 0;
  for (const entry of map.entries) {
    const key = keyOf(entry, report);
    if (key === undefined) continue;
    const codePath = [...path, key];
    const node = entry.value;
    if (node.kind === 'seq') {
      written++;
      const id = codePath.join('.');
      const clash = theme.codes.find((code) => code.id === id);
      if (clash) {
        report.error(
          'codebook/duplicate-code',
          entry.keyPosition,
          `Code \`${id}\` of theme \`${theme.id}\` is defined twice (first at line ${clash.position?.line}, column ${clash.position?.column}); nested keys are joined with '.'.`,
          'Rename one of the keys so the joined paths differ.',
        );
        continue;
      }
      theme.codes.push(toCode(id, entry, node, report));
    } else if (node.kind === 'map') {
      written += collectCodes(theme, node, codePath, report);
    } else {
      reportNoValues(key, entry, report);
    }
  }
  return written;
}

function toCode(id: string, entry: YamlEntry, list: YamlSeq, report: Reporter): Code {
  const where = `key \`${id}\``;
  const code: Code = { id, label: id, terms: [], position: entry.keyPosition };
  let failed = 0;
  for (const item of list.items) {
    const term = parseTermItem(item, { defaults: DEFAULTS, where, allowObjects: false }, report);
    if (term) code.terms.push(term);
    else failed++;
  }
  report.add(checkCodeTerms(code, where, failed, report.file));
  return code;
}

function keyOf(entry: YamlEntry, report: Reporter): string | undefined {
  if (entry.key !== null && entry.key.trim() !== '') return entry.key;
  report.error(
    'codebook/invalid-type',
    entry.keyPosition,
    'A dictionary key is empty or not text.',
    "Give every key a name; quote it if it contains special characters, e.g. 'A+B'.",
  );
  return undefined;
}

function reportNoValues(key: string, entry: YamlEntry, report: Reporter): void {
  const node = entry.value;
  const empty = node.kind === 'scalar' && node.value === null;
  report.error(
    'codebook/invalid-type',
    empty ? entry.keyPosition : node.position,
    `Key \`${key}\` must hold a list of values or nested keys, but it holds ${describeNode(node)}.`,
    `Write \`${key}: [value, other value]\`, or nest keys under it.`,
  );
}
