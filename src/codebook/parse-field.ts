/**
 * Typed values of optional native-format fields. Each returns `undefined` when the field
 * is empty (`key:` with no value) or has the wrong type; wrong types are reported as
 * `codebook/invalid-type` at the value's position.
 */
import type { SourcePosition, TermKind } from '../types.ts';
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
  report.error(INVALID, node.position, `${what} must be true or false, but it is ${describeNode(node)}.`, 'Write `true` or `false` without quotes.');
  return undefined;
}

export function parseKindField(node: YamlNode, what: string, report: Reporter): TermKind | undefined {
  if (node.kind === 'scalar' && node.value === null) return undefined;
  const allowed = TERM_KINDS.map((kind) => `\`${kind}\``).join(' or ');
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    const kind = TERM_KINDS.find((candidate) => candidate === node.value);
    if (kind) return kind;
    const suggestion = /^(regexp|regular[ _-]?expression|re)$/i.test(node.value) ? ' (did you mean `regex`?)' : '';
    report.error(
      INVALID,
      node.position,
      `${what} is \`${node.value}\`, which is not a supported term kind${suggestion}.`,
      `Use ${allowed}: \`glob\` (the default: \`*\` any run of characters, \`?\` one, within a token), \`exact\` (literal), \`regex\` (a regular expression searched in each token), \`stem\` (same Porter stem), \`lemma\` (same dictionary form).`,
    );
    return undefined;
  }
  report.error(INVALID, node.position, `${what} must be ${allowed}, but it is ${describeNode(node)}.`, `Write one of them, e.g. \`kind: stem\`.`);
  return undefined;
}

/** A whole number of tokens, 0 or more (rule windows). */
export function parseCountField(node: YamlNode, what: string, report: Reporter): number | undefined {
  if (node.kind === 'scalar' && node.value === null) return undefined;
  if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 0) return node.value;
  report.error(INVALID, node.position, `${what} must be a whole number of tokens (0 or more), but it is ${describeNode(node)}.`, 'Write a number such as `3`.');
  return undefined;
}

/** A positive number (term weights). */
export function parseWeightField(node: YamlNode, what: string, report: Reporter): number | undefined {
  if (node.kind === 'scalar' && node.value === null) return undefined;
  if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isFinite(node.value) && node.value > 0) return node.value;
  report.error(
    INVALID,
    node.position,
    `${what} must be a positive number, but it is ${describeNode(node)}.`,
    'Write a number such as `2` or `0.5` (the default weight is 1).',
  );
  return undefined;
}

/** A list of texts, e.g. `examples`. Items of the wrong type are reported and skipped. */
export function parseTextListField(node: YamlNode, what: string, report: Reporter): string[] | undefined {
  return parsePositionedTextList(node, what, report)?.texts;
}

/** Like `parseTextListField`, with where each kept item is written (`positions[i]` is `texts[i]`'s). */
export function parsePositionedTextList(node: YamlNode, what: string, report: Reporter): { texts: string[]; positions: SourcePosition[] } | undefined {
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
  const positions: SourcePosition[] = [];
  for (const item of node.items) {
    if (item.kind === 'scalar' && typeof item.value === 'string' && item.value.trim() !== '') {
      texts.push(item.value.trim());
      positions.push(item.position);
      continue;
    }
    report.error(
      INVALID,
      item.position,
      `Each item of ${what} must be non-empty text, but this one is ${describeNode(item)}.`,
      'Write the item as a string, quoted if needed, or remove it.',
    );
  }
  return { texts, positions };
}

/** A term's `boundary`: only `word` (reject matches that start or end inside an ICU word). */
export function parseBoundaryField(node: YamlNode, what: string, report: Reporter): 'word' | undefined {
  if (node.kind === 'scalar' && node.value === null) return undefined;
  if (node.kind === 'scalar' && node.value === 'word') return 'word';
  report.error(
    INVALID,
    node.position,
    `${what} must be \`word\`, but it is ${describeNode(node)}.`,
    'Write `boundary: word` to count the term only where ICU word segmentation puts a word boundary at both its ends, or leave `boundary` out.',
  );
  return undefined;
}
