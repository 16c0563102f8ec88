import type { CodeRules, Term } from '../types.ts';
import { NEAR_KEYS, NEGATION_KEYS } from './codebook-keys.ts';
import { checkUnknownKeys } from './check-unknown-keys.ts';
import type { Reporter } from './create-reporter.ts';
import { describeNode } from './describe-node.ts';
import { parseCountField } from './parse-field.ts';
import { parseNativeTerms } from './parse-native-terms.ts';
import type { TermDefaults } from './parse-term-item.ts';
import type { YamlNode } from './parse-yaml-tree.ts';

export type Negation = NonNullable<CodeRules['negation']>;

/** A code's `except`, `negation` and `near`; undefined when it has none. */
export function parseCodeRules(field: (key: string) => YamlNode | undefined, defaults: TermDefaults, where: string, report: Reporter): CodeRules | undefined {
  const rules: CodeRules = {};
  const exceptNode = field('except');
  if (exceptNode) {
    const { terms } = parseNativeTerms(exceptNode, defaults, `\`except\` of ${where}`, report);
    if (terms.length > 0) rules.except = terms;
  }
  const negationNode = field('negation');
  if (negationNode) {
    const negation = parseNegation(negationNode, defaults.negation, `\`negation\` of ${where}`, defaults, report);
    if (negation) rules.negation = negation;
  }
  const nearNode = field('near');
  if (nearNode) {
    const near = parseNear(nearNode, `\`near\` of ${where}`, defaults, report);
    if (near) rules.near = near;
  }
  return Object.keys(rules).length > 0 ? rules : undefined;
}

/** `true` (the defaults), `false`, or `{ window, cues }` (each falling back to the defaults). */
export function parseNegation(node: YamlNode, fallback: Negation, what: string, defaults: TermDefaults, report: Reporter): Negation | undefined {
  if (node.kind === 'scalar' && (node.value === true || node.value === null)) return fallback;
  if (node.kind === 'scalar' && node.value === false) return undefined;
  if (node.kind !== 'map') {
    report.error(
      'codebook/invalid-type',
      node.position,
      `${what} must be true, false or a mapping with \`window\` and \`cues\`, but it is ${describeNode(node)}.`,
      'Write `negation: true` for the default cues, or `negation: { window: 3, cues: [no, lack of, 缺乏] }`.',
    );
    return undefined;
  }
  report.add(checkUnknownKeys(node, NEGATION_KEYS, what, report.file));
  const windowNode = node.entries.find((entry) => entry.key === 'window')?.value;
  const cuesNode = node.entries.find((entry) => entry.key === 'cues')?.value;
  const window = windowNode ? parseCountField(windowNode, `\`window\` of ${what}`, report) : undefined;
  const cues: Term[] = cuesNode
    ? parseNativeTerms(cuesNode, { ...defaults, kind: 'glob', caseSensitive: false }, `\`cues\` of ${what}`, report).terms
    : fallback.cues;
  return { window: window ?? fallback.window, cues };
}

function parseNear(node: YamlNode, what: string, defaults: TermDefaults, report: Reporter): CodeRules['near'] {
  if (node.kind !== 'map') {
    report.error(
      'codebook/invalid-type',
      node.position,
      `${what} must be a mapping with \`terms\` and \`window\` or \`within\`, but it is ${describeNode(node)}.`,
      'Write `near: { terms: [sustainab*, green], window: 10 }` or `near: { terms: [...], within: sentence }`.',
    );
    return undefined;
  }
  report.add(checkUnknownKeys(node, NEAR_KEYS, what, report.file));
  const entry = (key: string) => node.entries.find((candidate) => candidate.key === key);
  const termsNode = entry('terms')?.value;
  const terms = termsNode ? parseNativeTerms(termsNode, defaults, `\`terms\` of ${what}`, report).terms : [];
  const windowNode = entry('window')?.value;
  const withinNode = entry('within')?.value;
  const window = windowNode ? parseCountField(windowNode, `\`window\` of ${what}`, report) : undefined;
  const within = withinNode ? parseWithin(withinNode, what, report) : undefined;
  if (terms.length === 0 || (window === undefined) === (within === undefined)) {
    report.error(
      'codebook/invalid-rule',
      node.position,
      `${what} needs \`terms\` and exactly one of \`window\` (tokens) or \`within\` (sentence or paragraph).`,
      'Write `near: { terms: [sustainab*], window: 10 }` or `near: { terms: [sustainab*], within: sentence }`.',
    );
    return undefined;
  }
  return window !== undefined ? { terms, window } : { terms, within: within! };
}

function parseWithin(node: YamlNode, what: string, report: Reporter): 'sentence' | 'paragraph' | undefined {
  if (node.kind === 'scalar' && (node.value === 'sentence' || node.value === 'paragraph')) return node.value;
  report.error(
    'codebook/invalid-type',
    node.position,
    `\`within\` of ${what} must be \`sentence\` or \`paragraph\`, but it is ${describeNode(node)}.`,
    'Write `within: sentence` or `within: paragraph`.',
  );
  return undefined;
}
