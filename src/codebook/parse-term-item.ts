import type { Term, TermKind } from '../types.ts';
import { TERM_KEYS } from './codebook-keys.ts';
import { checkUnknownKeys } from './check-unknown-keys.ts';
import type { Reporter } from './create-reporter.ts';
import { describeNode } from './describe-node.ts';
import { normaliseTermValue } from './normalise-term-value.ts';
import { parseBooleanField, parseBoundaryField, parseKindField, parseWeightField } from './parse-field.ts';
import { compileLinearRegex } from '../text/compile-linear-regex.ts';

const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
import type { SourcePosition } from '../types.ts';
import type { YamlNode } from './parse-yaml-tree.ts';

export interface TermDefaults {
  kind: TermKind;
  caseSensitive: boolean;
  /** What `negation: true` means in this codebook (options.negation, else the built-in cues). */
  negation: { window: number; cues: Term[] };
}

export interface TermItemContext {
  defaults: TermDefaults;
  /** Language group key (`en`, `zh`) when the terms are grouped. */
  language?: string;
  /** Names the code in messages, e.g. "code `sensors`". */
  where: string;
  /** Whether `{ term: ..., case_sensitive: ..., kind: ... }` items are allowed (native format only). */
  allowObjects: boolean;
}

/** One list item of a code's terms: a string, or (native) a mapping with `term`. */
export function parseTermItem(item: YamlNode, context: TermItemContext, report: Reporter): Term | undefined {
  if (item.kind === 'scalar') {
    if (item.value === null) return emptyTerm(item.position, context, report);
    if (typeof item.value !== 'string') {
      report.error(
        'codebook/invalid-type',
        item.position,
        `A term of ${context.where} must be text, but it is ${describeNode(item)}.`,
        `Quote the value so it is read as text: "${String(item.value)}".`,
      );
      return undefined;
    }
    return makeTerm(item.value, item.position, context.defaults, context, report);
  }
  if (item.kind === 'map' && context.allowObjects) return parseTermObject(item, context, report);
  report.error(
    'codebook/invalid-type',
    item.position,
    `A term of ${context.where} must be ${context.allowObjects ? 'text or a mapping with `term`' : 'text'}, but it is ${describeNode(item)}.`,
    context.allowObjects
      ? 'Write the term as a string, or as { term: AI, case_sensitive: true }.'
      : 'Write each value as a string in the list, e.g. [smart city, sensor*].',
  );
  return undefined;
}

function parseTermObject(item: YamlNode & { kind: 'map' }, context: TermItemContext, report: Reporter): Term | undefined {
  report.add(checkUnknownKeys(item, TERM_KEYS, `a term of ${context.where}`, report.file));
  const field = (key: string) => item.entries.find((entry) => entry.key === key)?.value;
  const caseNode = field('case_sensitive');
  const kindNode = field('kind');
  const caseSensitive = caseNode ? parseBooleanField(caseNode, `\`case_sensitive\` of a term of ${context.where}`, report) : undefined;
  const kind = kindNode ? parseKindField(kindNode, `\`kind\` of a term of ${context.where}`, report) : undefined;
  const weightNode = field('weight');
  const weight = weightNode ? parseWeightField(weightNode, `\`weight\` of a term of ${context.where}`, report) : undefined;
  const boundaryNode = field('boundary');
  const boundary = boundaryNode ? parseBoundaryField(boundaryNode, `\`boundary\` of a term of ${context.where}`, report) : undefined;
  const defaults: TermDefaults = {
    ...context.defaults,
    caseSensitive: caseSensitive ?? context.defaults.caseSensitive,
    kind: kind ?? context.defaults.kind,
  };
  const valueNode = field('term');
  if (!valueNode) {
    report.error(
      'codebook/missing-key',
      item.position,
      `A term of ${context.where} is a mapping without \`term\`.`,
      'Add the value, e.g. { term: AI, case_sensitive: true }.',
    );
    return undefined;
  }
  if (valueNode.kind === 'scalar' && valueNode.value === null) return emptyTerm(valueNode.position, context, report);
  if (valueNode.kind !== 'scalar' || typeof valueNode.value !== 'string') {
    report.error(
      'codebook/invalid-type',
      valueNode.position,
      `\`term\` of a term of ${context.where} must be text, but it is ${describeNode(valueNode)}.`,
      valueNode.kind === 'scalar' ? `Quote the value: term: "${String(valueNode.value)}".` : 'Write one value per term.',
    );
    return undefined;
  }
  const term = makeTerm(valueNode.value, item.position, defaults, context, report);
  if (term && weight !== undefined) term.weight = weight;
  if (term && boundary !== undefined) {
    term.boundary = boundary;
    if (!HAS_CJK.test(term.value)) {
      report.warning(
        'codebook/boundary-without-cjk',
        boundaryNode!.position,
        `\`boundary: word\` on the term \`${term.value}\` of ${context.where} has no effect: the term has no Chinese or Japanese characters, and other words always match whole tokens.`,
        'Remove `boundary` from this term; it is meant for CJK terms that might be read across a word boundary (民意 inside 农民意愿).',
      );
    }
  }
  return term;
}

function makeTerm(raw: string, position: SourcePosition, defaults: TermDefaults, context: TermItemContext, report: Reporter): Term | undefined {
  const value = normaliseTermValue(raw);
  if (value === '') return emptyTerm(position, context, report);
  const term: Term = { value, kind: defaults.kind, caseSensitive: defaults.caseSensitive, position };
  if (context.language !== undefined) term.language = context.language;
  if (term.kind === 'regex' && !checkRegex(value, position, context, report)) return undefined;
  return term;
}

/** Each whitespace-separated word of a regex term is one pattern, for the linear-time engine (RE2 syntax; see text/compile-linear-regex.ts). */
function checkRegex(value: string, position: SourcePosition, context: TermItemContext, report: Reporter): boolean {
  for (const pattern of value.split(/\s+/)) {
    const compiled = compileLinearRegex(pattern, { ignoreCase: false });
    if ('problem' in compiled) {
      report.error(
        'codebook/invalid-regex',
        position,
        `The regular expression \`${pattern}\` of ${context.where} cannot be used: ${compiled.problem}.`,
        "Fix the pattern (RE2 syntax, close to JavaScript's without lookaround or backreferences: escape `( ) [ ] { } . * + ? ^ $ | \\` to match them literally), or use `kind: glob` for simple wildcards.",
      );
      return false;
    }
  }
  return true;
}

function emptyTerm(position: SourcePosition, context: TermItemContext, report: Reporter): undefined {
  report.error('codebook/empty-term', position, `A term of ${context.where} is empty.`, 'Write a word, glob or phrase, or remove the empty item.');
  return undefined;
}
