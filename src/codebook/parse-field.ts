/**
 * Typed values of optional native-format fields. Each returns `undefined` when the field
 * is empty (`key:` with no value) or has the wrong type; wrong types are reported as
 * `codebook/invalid-type` at the value's position.
 */
import type { TermKind } from '../types.ts';
import { TERM_KINDS } from './codebook-keys.ts';
import type { Reporter } from './create-reporter.ts';
import { describeNode } from './describe-node.ts';
import type { YamlNode } from './parse-yaml-tree.ts';

const INVALID = 'codebook/invalid-type';

/** Text such as a label or a definition; trimmed; whitespace-only counts as absent. */
export function parseTextField(node: YamlNode, what: string, report: Reporter): string | undefined {
  if (node.kind === 'scalar' && node.value === null) return undefined;
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    const text = node.value.trim();
    return text === '' ? undefined : text;
  }
  report.error(
    INVALID,
    node.position,
    `${what} must be text, but it is ${describeNode(node)}.`,
    `Write a single string, quoted if it contains a colon or starts with a special character: "..."`,
  );
  return undefined;
}

export function parseBooleanField(node: YamlNode, what: string, report: Reporter): boolean | undefined {
  if (node.kind === 'scalar' && node.value === null) return undefined;
  if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
  report.error(
    INVALID,
    node.position,
    `${what} must be true or false, but it is ${describeNode(node)}.`,
    'Write `true` or `false` without quotes.',
  );
  return undefined;
}

export function parseKindField(node: YamlNode, what: string, report: Reporter): TermKind | undefined {
  if (node.kind === 'scalar' && node.value === null) return undefined;
  const allowed = TERM_KINDS.map((kind) => `\`${kind}\``).join(' or ');
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    const kind = TERM_KINDS.find((candidate) => candidate === node.value);
    if (kind) return kind;
    const isRegex = /^(regex|regexp|regular[ _-]?expression|re)$/i.test(node.value);
    report.error(
      INVALID,
      node.position,
      `${what} is \`${node.value}\`, which is not a supported term kind${isRegex ? ' (regular expressions are not supported yet)' : ''}.`,
      `Use ${allowed}: \`glob\` (the default) treats \`*\` as any run of characters and \`?\` as one character within a token; \`exact\` matches the value literally.`,
    );
    return undefined;
  }
  report.error(INVALID, node.position, `${what} must be ${allowed}, but it is ${describeNode(node)}.`, `Write \`kind: glob\` or \`kind: exact\`.`);
  return undefined;
}

/** A list of texts, e.g. `examples`. Items of the wrong type are reported and skipped. */
export function parseTextListField(node: YamlNode, what: string, report: Reporter): string[] | undefined {
  if (node.kind === 'scalar' && node.value === null) return undefined;
  if (node.kind !== 'seq') {
    report.error(
      INVALID,
      node.position,
      `${what} must be a list of texts, but it is ${describeNode(node)}.`,
      'Write one item per line starting with `- `, or a flow list: ["first example", "second example"].',
    );
    return undefined;
  }
  const texts: string[] = [];
  for (const item of node.items) {
    if (item.kind === 'scalar' && typeof item.value === 'string' && item.value.trim() !== '') {
      texts.push(item.value.trim());
      continue;
    }
    report.error(
      INVALID,
      item.position,
      `Each item of ${what} must be non-empty text, but this one is ${describeNode(item)}.`,
      'Write the item as a string, quoted if needed, or remove it.',
    );
  }
  return texts;
}
