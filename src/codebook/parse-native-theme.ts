import type { Code, Theme } from '../types.ts';
import { THEME_KEYS } from './codebook-keys.ts';
import { checkUnknownKeys } from './check-unknown-keys.ts';
import type { Reporter } from './create-reporter.ts';
import { describeNode } from './describe-node.ts';
import { parseTextField } from './parse-field.ts';
import { parseNativeCode } from './parse-native-code.ts';
import type { TermDefaults } from './parse-term-item.ts';
import type { YamlEntry } from './parse-yaml-tree.ts';

const CODES_SHAPE = 'codes: { <code-id>: { label: ..., definition: ..., terms: [...] } }';

/** One entry of `themes`: theme id -> { label, description, codes }. Codes keep their written order. */
export function parseNativeTheme(entry: YamlEntry, defaults: TermDefaults, report: Reporter): Theme | undefined {
  const id = entry.key ?? '';
  const where = `theme \`${id}\``;
  if (id.trim() === '') {
    report.error('codebook/invalid-type', entry.keyPosition, 'A theme id is empty or not text.', 'Use a short text id such as `sustainability` as the key.');
    return undefined;
  }
  const node = entry.value;
  if (node.kind !== 'map') {
    if (node.kind === 'scalar' && node.value === null) {
      report.error('codebook/missing-key', entry.keyPosition, `Theme \`${id}\` has no \`codes\`.`, `Add the theme's codes: ${CODES_SHAPE}.`);
    } else {
      report.error(
        'codebook/invalid-type',
        node.position,
        `Theme \`${id}\` must be a mapping (label, description, codes), but it is ${describeNode(node)}.`,
        `Write the theme as a mapping with ${CODES_SHAPE}.`,
      );
    }
    return undefined;
  }
  report.add(checkUnknownKeys(node, THEME_KEYS, where, report.file));
  const field = (key: string) => node.entries.find((candidate) => candidate.key === key)?.value;
  const labelNode = field('label');
  const descriptionNode = field('description');
  const label = labelNode ? parseTextField(labelNode, `\`label\` of ${where}`, report) : undefined;
  const description = descriptionNode ? parseTextField(descriptionNode, `\`description\` of ${where}`, report) : undefined;
  const theme: Theme = { id, label: label ?? id, codes: [], position: entry.keyPosition };
  if (description !== undefined) theme.description = description;

  const codesEntry = node.entries.find((candidate) => candidate.key === 'codes');
  const codesNode = codesEntry?.value;
  if (!codesEntry || !codesNode || (codesNode.kind === 'scalar' && codesNode.value === null)) {
    report.error(
      'codebook/missing-key',
      codesEntry?.keyPosition ?? entry.keyPosition,
      codesEntry ? `\`codes\` of ${where} is empty.` : `Theme \`${id}\` has no \`codes\`.`,
      `Add the theme's codes: ${CODES_SHAPE}.`,
    );
    return theme;
  }
  if (codesNode.kind !== 'map') {
    report.error(
      'codebook/invalid-type',
      codesNode.position,
      `\`codes\` of ${where} must be a mapping from code id to code, but it is ${describeNode(codesNode)}.`,
      `Write ${CODES_SHAPE}.`,
    );
    return theme;
  }
  if (codesNode.entries.length === 0) {
    report.error(
      'codebook/empty-theme',
      codesEntry.keyPosition,
      `Theme \`${id}\` has an empty \`codes\` mapping.`,
      `Add at least one code: ${CODES_SHAPE}, or remove the theme.`,
    );
    return theme;
  }
  theme.codes = codesNode.entries.map((codeEntry) => parseNativeCode(codeEntry, defaults, report)).filter((code): code is Code => code !== undefined);
  return theme;
}
