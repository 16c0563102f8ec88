/**
 * The one adapter around the `yaml` package: parses a YAML source into a small,
 * library-independent tree where every node carries its 1-based line:column.
 * The rest of `codebook/` sees only these types, never `yaml`'s own classes.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlLibNode } from 'yaml';
import type { SourcePosition } from '../types.ts';

export type ScalarValue = string | number | boolean | null;

export interface YamlScalar {
  kind: 'scalar';
  value: ScalarValue;
  position: SourcePosition;
}

export interface YamlEntry {
  /** The key as text (numbers and booleans as written); `null` when the key is not a scalar. */
  key: string | null;
  keyPosition: SourcePosition;
  value: YamlNode;
}

export interface YamlMap {
  kind: 'map';
  entries: YamlEntry[];
  position: SourcePosition;
}

export interface YamlSeq {
  kind: 'seq';
  items: YamlNode[];
  position: SourcePosition;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq;

/** A problem reported by the YAML parser itself. */
export interface YamlProblem {
  severity: 'error' | 'warning';
  /** The parser's message without its source excerpt. */
  message: string;
  position: SourcePosition;
  /** True for duplicate mapping keys: the rest of the tree is still trustworthy. */
  duplicateKey: boolean;
  /** How to fix it, when the problem has a hint of its own (else the caller's general YAML hint). */
  hint?: string;
}

export interface YamlTree {
  /** `null` for an empty document (nothing but comments or whitespace). */
  root: YamlNode | null;
  problems: YamlProblem[];
}

/** Upper bound on nodes produced by alias expansion (guards against "billion laughs"). */
const MAX_ALIAS_NODES = 100_000;

/** Collections inside collections at most; a native codebook needs 7 (themes > theme > codes > code > terms > language > list). */
export const MAX_YAML_DEPTH = 100;

const TOO_DEEP_HINT =
  'A codebook needs about 7 levels: themes > theme > codes > code > terms > language > list. Look for brackets that are never closed, or indentation that keeps growing.';

const ALIAS_BOMB_HINT = 'Each *alias copies its whole &anchor, so aliases inside anchors multiply: write the terms out, or nest aliases fewer levels deep.';

export function parseYamlTree(source: string): YamlTree {
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined): SourcePosition => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { root: null, problems: [tooDeepToRead({ line: 1, column: 1 })] };
  }
  const problems: YamlProblem[] = [];
  for (const [severity, list] of [
    ['error', doc.errors],
    ['warning', doc.warnings],
  ] as const) {
    for (const problem of list) {
      const first = problem.linePos?.[0];
      const position = first ? { line: first.line, column: first.col } : at(problem.pos[0]);
      // The parser ran out of stack: one message for it, and none of what followed from it.
      if (problem.code === 'RESOURCE_EXHAUSTION' || problem.message.includes('Maximum call stack size exceeded')) {
        return { root: null, problems: [tooDeepToRead(position)] };
      }
      problems.push({
        severity,
        message: friendlyMessage(problem.code, cleanMessage(problem.message), source, problem.pos[0]),
        position,
        duplicateKey: problem.code === 'DUPLICATE_KEY',
      });
    }
  }

  let aliasNodes = 0;
  let aliasOverflowReported = false;
  let tooDeepReported = false;
  const convert = (node: unknown, fallback: SourcePosition, viaAlias: boolean, depth: number, level = 0): YamlNode => {
    if (level > MAX_YAML_DEPTH) {
      if (!tooDeepReported) {
        tooDeepReported = true;
        const position = hasRange(node) ? at(node.range[0]) : fallback;
        problems.push({
          severity: 'error',
          message: `Collections are nested more than ${MAX_YAML_DEPTH} levels deep here`,
          position,
          duplicateKey: false,
          hint: TOO_DEEP_HINT,
        });
      }
      return { kind: 'scalar', value: null, position: fallback };
    }
    if (viaAlias && ++aliasNodes > MAX_ALIAS_NODES) {
      if (!aliasOverflowReported) {
        aliasOverflowReported = true;
        problems.push({
          severity: 'error',
          message: `Aliases expand to more than ${MAX_ALIAS_NODES.toLocaleString('en-US')} nodes`,
          position: fallback,
          duplicateKey: false,
          hint: ALIAS_BOMB_HINT,
        });
      }
      return { kind: 'scalar', value: null, position: fallback };
    }
    if (isAlias(node)) {
      const aliasPosition = at(node.range?.[0]);
      const target = depth > 50 ? undefined : node.resolve(doc as Document);
      if (target) return convert(target, aliasPosition, true, depth + 1, level);
      problems.push({
        severity: 'error',
        message: `Alias *${node.source} refers to no anchor &${node.source} defined before it`,
        position: aliasPosition,
        duplicateKey: false,
      });
      return { kind: 'scalar', value: null, position: aliasPosition };
    }
    const position = hasRange(node) ? at(node.range[0]) : fallback;
    if (isMap(node)) {
      const entries: YamlEntry[] = [];
      for (const pair of node.items) {
        const keyNode = pair.key as YamlLibNode | null;
        const keyPosition = hasRange(keyNode) ? at(keyNode.range[0]) : position;
        const key = isScalar(keyNode) ? scalarText(keyNode.value, keyNode.source) : null;
        entries.push({ key, keyPosition, value: convert(pair.value, keyPosition, viaAlias, depth, level + 1) });
      }
      return { kind: 'map', entries, position };
    }
    if (isSeq(node)) {
      const items = node.items.map((item) => {
        const converted = convert(item, position, viaAlias, depth, level + 1);
        // An empty block item (`-` alone) starts after its dash; point at the dash instead.
        if (converted.kind === 'scalar' && converted.value === null && hasRange(item)) {
          const dash = dashBefore(source, item.range[0]);
          if (dash !== undefined) converted.position = at(dash);
        }
        return converted;
      });
      return { kind: 'seq', items, position };
    }
    if (isScalar(node)) return { kind: 'scalar', value: scalarValue(node.value), position };
    return { kind: 'scalar', value: null, position };
  };

  const root = doc.contents === null ? null : convert(doc.contents, { line: 1, column: 1 }, false, 0);
  return { root, problems };
}

function tooDeepToRead(position: SourcePosition): YamlProblem {
  const message = 'Collections are nested too deeply to read (hundreds of levels or more); the parser gave up here';
  return { severity: 'error', message, position, duplicateKey: false, hint: TOO_DEEP_HINT };
}

/** Offset of the `-` just before `offset` (skipping spaces and tabs), if there is one. */
function dashBefore(source: string, offset: number): number | undefined {
  let i = offset - 1;
  while (i >= 0 && (source[i] === ' ' || source[i] === '\t')) i--;
  return source[i] === '-' ? i : undefined;
}

function hasRange(node: unknown): node is { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { range?: unknown }).range);
}

function scalarValue(value: unknown): ScalarValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Key text: strings as parsed, other scalars as written (`1.0`, `true`), null keys as null. */
function scalarText(value: unknown, source: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return null;
  return typeof source === 'string' ? source : String(value);
}

/** Rewords the few parser messages that speak of the library rather than the file. */
function friendlyMessage(code: string, message: string, source: string, offset: number): string {
  if (code === 'DUPLICATE_KEY') {
    const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n,{}]+?)\s*:/.exec(source.slice(offset))?.[1];
    return key ? `Duplicate key \`${key.trim()}\` in this mapping` : 'Duplicate key in this mapping';
  }
  if (code === 'MULTIPLE_DOCS') return 'The file contains more than one YAML document (separated by `---`)';
  return message;
}

/** `Map keys must be unique at line 2, column 1:\n\n...` -> `Map keys must be unique`. */
function cleanMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
}
