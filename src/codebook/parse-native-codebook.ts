import type { Theme, ValidationProvenance } from '../types.ts';
import { FORMAT_VERSION, OPTION_KEYS, TOP_LEVEL_KEYS } from './codebook-keys.ts';
import { checkUnknownKeys } from './check-unknown-keys.ts';
import type { Reporter } from './create-reporter.ts';
import { describeNode } from './describe-node.ts';
import { parseBooleanField, parseKindField, parseTextField } from './parse-field.ts';
import { parseNativeTheme } from './parse-native-theme.ts';
import { parseNegation } from './parse-code-rules.ts';
import { checkValidationCoverage, parseValidationProvenance } from './parse-validation.ts';
import { builtInTermDefaults } from './default-negation.ts';
import type { TermDefaults } from './parse-term-item.ts';
import type { YamlMap, YamlNode } from './parse-yaml-tree.ts';

export interface ParsedNativeCodebook {
  name?: string;
  themes: Theme[];
  validation?: ValidationProvenance;
}

/** The native format's top level: policycoder, name, description, options, validation, themes. */
export function parseNativeCodebook(root: YamlMap, report: Reporter): ParsedNativeCodebook {
  report.add(checkUnknownKeys(root, TOP_LEVEL_KEYS, 'the codebook', report.file));
  const entry = (key: string) => root.entries.find((candidate) => candidate.key === key);
  const result: ParsedNativeCodebook = { themes: [] };

  const version = entry('policycoder')?.value;
  if (version) checkVersion(version, report);
  const nameNode = entry('name')?.value;
  const name = nameNode ? parseTextField(nameNode, '`name`', report) : undefined;
  if (name !== undefined) result.name = name;
  const descriptionNode = entry('description')?.value;
  if (descriptionNode) parseTextField(descriptionNode, '`description`', report);
  const optionsNode = entry('options')?.value;
  const defaults = optionsNode ? parseOptions(optionsNode, report) : builtInTermDefaults();
  const validationNode = entry('validation')?.value;
  const validation = validationNode ? parseValidationProvenance(validationNode, report) : undefined;
  if (validation) result.validation = validation;

  const themesEntry = entry('themes');
  if (!themesEntry) {
    report.error(
      'codebook/missing-key',
      root.position,
      'The codebook has no `themes`.',
      'Add `themes:` mapping theme ids to themes, each with `codes:` (see codebooks/README.md).',
    );
    return result;
  }
  const themes = themesEntry.value;
  if (themes.kind === 'map') {
    for (const themeEntry of themes.entries) {
      const theme = parseNativeTheme(themeEntry, defaults, report);
      if (theme) result.themes.push(theme);
    }
  } else if (!(themes.kind === 'scalar' && themes.value === null)) {
    report.error(
      'codebook/invalid-type',
      themes.position,
      `\`themes\` must be a mapping from theme id to theme, but it is ${describeNode(themes)}.`,
      'Write `themes:` followed by indented theme ids, e.g. `  sustainability:` with `codes:` under it.',
    );
    return result;
  }
  const codes = result.themes.flatMap((theme) => theme.codes.map((code) => ({ code, where: `code \`${code.id}\` of theme \`${theme.id}\`` })));
  checkValidationCoverage(codes, validation !== undefined, report);
  if (countWrittenCodes(themes) === 0) {
    report.error(
      'codebook/no-codes',
      themesEntry.keyPosition,
      'The codebook has no codes, so there is nothing to count.',
      'Add at least one theme with `codes:` and terms under `themes:`.',
    );
  }
  return result;
}

/** Code entries as written under every theme's `codes`, whether or not they parsed. */
function countWrittenCodes(themes: YamlNode): number {
  if (themes.kind !== 'map') return 0;
  let count = 0;
  for (const theme of themes.entries) {
    if (theme.value.kind !== 'map') continue;
    const codes = theme.value.entries.find((entry) => entry.key === 'codes')?.value;
    if (codes?.kind === 'map') count += codes.entries.length;
  }
  return count;
}

function checkVersion(node: YamlNode, report: Reporter): void {
  if (node.kind === 'scalar' && typeof node.value === 'number') {
    if (node.value !== FORMAT_VERSION) {
      report.error(
        'codebook/unsupported-version',
        node.position,
        `This codebook declares format version ${node.value}, but this policycoder reads version ${FORMAT_VERSION}.`,
        `Write \`policycoder: ${FORMAT_VERSION}\` and use only the keys documented in codebooks/README.md, or upgrade policycoder.`,
      );
    }
    return;
  }
  report.error(
    'codebook/invalid-type',
    node.position,
    `\`policycoder\` must be the number ${FORMAT_VERSION}, but it is ${describeNode(node)}.`,
    `Write \`policycoder: ${FORMAT_VERSION}\` without quotes.`,
  );
}

function parseOptions(node: YamlNode, report: Reporter): TermDefaults {
  const defaults = builtInTermDefaults();
  if (node.kind === 'scalar' && node.value === null) return defaults;
  if (node.kind !== 'map') {
    report.error(
      'codebook/invalid-type',
      node.position,
      `\`options\` must be a mapping, but it is ${describeNode(node)}.`,
      'Write `options: { case_sensitive: false, kind: glob }`.',
    );
    return defaults;
  }
  report.add(checkUnknownKeys(node, OPTION_KEYS, '`options`', report.file));
  const field = (key: string) => node.entries.find((candidate) => candidate.key === key)?.value;
  const caseNode = field('case_sensitive');
  const kindNode = field('kind');
  const caseSensitive = caseNode ? parseBooleanField(caseNode, '`options.case_sensitive`', report) : undefined;
  const kind = kindNode ? parseKindField(kindNode, '`options.kind`', report) : undefined;
  const negationNode = field('negation');
  const negation = negationNode ? parseNegation(negationNode, defaults.negation, '`options.negation`', defaults, report) : undefined;
  return {
    caseSensitive: caseSensitive ?? defaults.caseSensitive,
    kind: kind ?? defaults.kind,
    negation: negation ?? defaults.negation,
  };
}
