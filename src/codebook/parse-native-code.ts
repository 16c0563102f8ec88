import type { Code } from '../types.ts';
import { CODE_KEYS } from './codebook-keys.ts';
import { checkCodeTerms } from './check-code-terms.ts';
import { checkUnknownKeys } from './check-unknown-keys.ts';
import type { Reporter } from './create-reporter.ts';
import { describeNode } from './describe-node.ts';
import { parseBooleanField, parseKindField, parsePositionedTextList, parseTextField } from './parse-field.ts';
import { parseNativeTerms } from './parse-native-terms.ts';
import { parseCodeRules } from './parse-code-rules.ts';
import { parseCodeValidation } from './parse-validation.ts';
import type { TermDefaults } from './parse-term-item.ts';
import type { YamlEntry } from './parse-yaml-tree.ts';

/** One entry of a theme's `codes` mapping: code id -> code. */
export function parseNativeCode(entry: YamlEntry, defaults: TermDefaults, report: Reporter): Code | undefined {
  const id = entry.key ?? '';
  const where = `code \`${id}\``;
  if (id.trim() === '') {
    report.error(
      'codebook/invalid-type',
      entry.keyPosition,
      'A code id is empty or not text.',
      'Use a short text id such as `digital-infrastructure` as the key.',
    );
    return undefined;
  }
  const node = entry.value;
  if (node.kind === 'seq' || (node.kind === 'scalar' && node.value !== null)) {
    report.error(
      'codebook/invalid-type',
      node.position,
      `Code \`${id}\` must be a mapping (label, definition, terms, ...), but it is ${describeNode(node)}.`,
      node.kind === 'seq'
        ? `Put the list under \`terms\`: \`${id}: { definition: ..., terms: [...] }\`.`
        : "Indent the code's keys (label, definition, terms) under its id.",
    );
    return undefined;
  }
  const entries = node.kind === 'map' ? node.entries : [];
  if (node.kind === 'map') report.add(checkUnknownKeys(node, CODE_KEYS, where, report.file));
  const field = (key: string) => entries.find((candidate) => candidate.key === key)?.value;
  const text = (key: string) => {
    const value = field(key);
    return value ? parseTextField(value, `\`${key}\` of ${where}`, report) : undefined;
  };

  const code: Code = { id, label: text('label') ?? id, terms: [], position: entry.keyPosition };
  const definition = text('definition');
  const include = text('include');
  const exclude = text('exclude');
  if (definition !== undefined) code.definition = definition;
  if (include !== undefined) code.include = include;
  if (exclude !== undefined) code.exclude = exclude;
  const examplesNode = field('examples');
  const examples = examplesNode ? parsePositionedTextList(examplesNode, `\`examples\` of ${where}`, report) : undefined;
  if (examples !== undefined) {
    code.examples = examples.texts;
    code.examplePositions = examples.positions;
  }
  if (definition === undefined) {
    report.warning(
      'codebook/missing-definition',
      entry.keyPosition,
      `Code \`${id}\` has no definition.`,
      'Add `definition:` saying what the code captures, so coders and readers apply it the same way.',
    );
  }

  const caseNode = field('case_sensitive');
  const kindNode = field('kind');
  const codeDefaults: TermDefaults = {
    ...defaults,
    caseSensitive: (caseNode && parseBooleanField(caseNode, `\`case_sensitive\` of ${where}`, report)) ?? defaults.caseSensitive,
    kind: (kindNode && parseKindField(kindNode, `\`kind\` of ${where}`, report)) ?? defaults.kind,
  };
  const termsNode = field('terms');
  const parsed = termsNode ? parseNativeTerms(termsNode, codeDefaults, where, report) : { terms: [], failedItems: 0 };
  code.terms = parsed.terms;
  const nonExamplesNode = field('non_examples');
  const nonExamples = nonExamplesNode ? parsePositionedTextList(nonExamplesNode, `\`non_examples\` of ${where}`, report) : undefined;
  if (nonExamples !== undefined) {
    code.nonExamples = nonExamples.texts;
    code.nonExamplePositions = nonExamples.positions;
  }
  const rules = parseCodeRules(field, codeDefaults, where, report);
  if (rules) code.rules = rules;
  const validationNode = field('validation');
  const validation = validationNode ? parseCodeValidation(validationNode, code, where, report) : undefined;
  if (validation) code.validation = validation;
  report.add(checkCodeTerms(code, where, parsed.failedItems, report.file));
  return code;
}
