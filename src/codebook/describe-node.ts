import type { YamlNode } from './parse-yaml-tree.ts';

/** A short phrase for messages: "a number (5)", "a list", "an empty value". */
export function describeNode(node: YamlNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  const { value } = node;
  if (value === null) return 'an empty value';
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `a boolean (${value})`;
  return `a string (${JSON.stringify(value)})`;
}

export function isNullNode(node: YamlNode): boolean {
  return node.kind === 'scalar' && node.value === null;
}
