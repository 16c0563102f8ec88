import { isMap, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import type { BoilerplateRule, Diagnostic, GlobPattern } from '../types.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { checkLinePattern } from './check-line-pattern.ts';
import { parseGlobList } from './parse-glob-list.ts';
import type { Locate } from './parse-corpus-entry.ts';

const KINDS = ['drop_from', 'drop_until', 'drop_lines', 'drop_between'] as const;
const RULE_KEYS = ['name', 'files', ...KINDS, 'plus_lines'] as const;
const EXAMPLE = 'e.g. `- name: wikisource-licence` then `drop_from: 本作品` (see "Boilerplate" in the README)';

/**
 * A `boilerplate:` list, corpus-wide (top level, where `files:` may choose the documents) or of
 * one document (inside its entry). Every problem is reported with its line:column; a rule with
 * a problem is left out. Names must be unique within the list (`taken` holds names used before).
 */
export function parseBoilerplateRules(
  node: unknown,
  file: string,
  locate: Locate,
  scope: 'corpus' | 'document',
  taken: ReadonlySet<string> = new Set(),
): { rules: BoilerplateRule[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (at: Node | null | undefined, rule: string, message: string, hint: string) =>
    diagnostics.push({ severity: 'error', rule, message, file, ...locate(at), hint });
  if (!isSeq(node)) {
    error(node as Node, 'corpus/wrong-type', '`boilerplate` must be a list of rules.', `Write one \`- name: ...\` item per rule, ${EXAMPLE}.`);
    return { rules: [], diagnostics };
  }
  const rules: BoilerplateRule[] = [];
  const names = new Set(taken);
  for (const item of node.items) {
    const rule = parseRule(item, scope, error, locate);
    if (!rule) continue;
    if (names.has(rule.name)) {
      error(
        item as Node,
        'corpus/duplicate-rule',
        `A boilerplate rule named \`${rule.name}\` is already defined.`,
        'Give each rule its own name: reports list what each rule removed by name.',
      );
      continue;
    }
    names.add(rule.name);
    rules.push(rule);
  }
  return { rules, diagnostics };
}

type Report = (at: Node | null | undefined, rule: string, message: string, hint: string) => void;

function parseRule(item: unknown, scope: 'corpus' | 'document', error: Report, locate: Locate): BoilerplateRule | undefined {
  if (!isMap(item)) {
    error(item as Node, 'corpus/wrong-type', 'Each boilerplate rule must be a mapping.', `Write \`- name: ...\` with one of ${KINDS.join(', ')}, ${EXAMPLE}.`);
    return undefined;
  }
  const values = new Map<string, { key: Node; value: unknown }>();
  let ok = true;
  for (const pair of item.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if ((RULE_KEYS as readonly string[]).includes(key)) {
      values.set(key, { key: pair.key as Node, value: pair.value });
      continue;
    }
    const suggestion = didYouMean(key, RULE_KEYS);
    error(
      pair.key as Node,
      'corpus/unknown-key',
      `Unknown key \`${key}\` in a boilerplate rule.`,
      suggestion ? `Did you mean \`${suggestion}\`?` : `Allowed keys: ${RULE_KEYS.join(', ')}.`,
    );
    ok = false;
  }
  const name = values.get('name');
  const nameText = name ? textOf(name.value) : undefined;
  if (nameText === undefined) {
    error(
      name ? (name.value as Node) : item,
      name ? 'corpus/wrong-type' : 'corpus/missing-key',
      'This boilerplate rule has no `name:`.',
      'Name each rule (`name: wikisource-licence`); reports say what each rule removed by its name.',
    );
    ok = false;
  }
  const kinds = KINDS.filter((kind) => values.has(kind));
  if (kinds.length !== 1) {
    const at = kinds.length === 0 ? item : values.get(kinds[1]!)!.key;
    const message = kinds.length === 0 ? `This boilerplate rule says nothing to drop.` : `This boilerplate rule has both \`${kinds[0]}\` and \`${kinds[1]}\`.`;
    error(at, 'corpus/boilerplate-kind', message, `Give exactly one of ${KINDS.join(', ')} per rule; write two rules to drop two things.`);
    return undefined;
  }
  const kind = kinds[0]!;
  const files = values.get('files');
  let patterns: GlobPattern[] | undefined;
  if (files && scope === 'document') {
    error(
      files.key,
      'corpus/wrong-type',
      '`files` does not apply to a rule inside a documents entry: it applies to that document.',
      'Move the rule to the top-level `boilerplate:` list to apply it to several files.',
    );
    ok = false;
  } else if (files) {
    const parsed = parseGlobList(files.value, 'files', error, locate);
    if (parsed === undefined) ok = false;
    else patterns = parsed;
  }
  const plus = values.get('plus_lines');
  let plusLines = 0;
  if (plus && kind !== 'drop_from' && kind !== 'drop_until') {
    error(plus.key, 'corpus/wrong-type', `\`plus_lines\` applies to drop_from and drop_until only, not to ${kind}.`, 'Remove `plus_lines`.');
    ok = false;
  } else if (plus) {
    const value = isScalar(plus.value) ? plus.value.value : undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1000) plusLines = value;
    else {
      error(
        plus.value as Node,
        'corpus/wrong-type',
        '`plus_lines` must be a whole number from 0 to 1000.',
        'e.g. `plus_lines: 1` also drops the line after the marker line (drop_until) or before it (drop_from).',
      );
      ok = false;
    }
  }
  const drop = parseDrop(kind, values.get(kind)!, plusLines, error);
  if (!ok || drop === undefined || nameText === undefined) return undefined;
  const rule = { name: nameText, position: locate(item), scope, ...(patterns ? { files: patterns } : {}) };
  return { ...rule, ...drop };
}

type Drop =
  | { drop: 'from' | 'until'; marker: string; plusLines: number }
  | { drop: 'lines'; pattern: string }
  | { drop: 'between'; start: string; end: string };

function parseDrop(kind: (typeof KINDS)[number], { value }: { key: Node; value: unknown }, plusLines: number, error: Report): Drop | undefined {
  if (kind === 'drop_between') {
    const pair = isSeq(value) && value.items.length === 2 ? value.items.map(textOf) : [];
    if (pair.length !== 2 || pair.some((text) => text === undefined)) {
      error(
        value as Node,
        'corpus/wrong-type',
        '`drop_between` must be a list of two markers: the first and the last line of the block.',
        'e.g. `drop_between: [编者按, 编者按完]`.',
      );
      return undefined;
    }
    return { drop: 'between', start: pair[0]!.normalize('NFC'), end: pair[1]!.normalize('NFC') };
  }
  const text = kind === 'drop_lines' && isScalar(value) && typeof value.value === 'string' && value.value !== '' ? value.value : textOf(value);
  if (text === undefined) {
    error(
      value as Node,
      'corpus/wrong-type',
      `\`${kind}\` must be a single non-empty text.`,
      kind === 'drop_lines' ? "e.g. `drop_lines: '^\\s*- \\d+ -\\s*$'` (quote it)." : 'e.g. `drop_from: 本作品`: the text a line starts with.',
    );
    return undefined;
  }
  if (kind === 'drop_lines') {
    const problem = checkLinePattern(text);
    if (problem) {
      error(value as Node, problem.rule, problem.message, problem.hint);
      return undefined;
    }
    return { drop: 'lines', pattern: text };
  }
  return { drop: kind === 'drop_from' ? 'from' : 'until', marker: text.normalize('NFC'), plusLines };
}

/** A non-empty string (trimmed) or number as written, else undefined. */
function textOf(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value.trim() === '' ? undefined : node.value.trim();
  if (typeof node.value === 'number') return (node.source ?? String(node.value)).trim();
  return undefined;
}
