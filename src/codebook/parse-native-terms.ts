import type { Term } from '../types.ts';
import type { Reporter } from './create-reporter.ts';
import { describeNode } from './describe-node.ts';
import { parseTermItem } from './parse-term-item.ts';
import type { TermDefaults } from './parse-term-item.ts';
import type { YamlNode } from './parse-yaml-tree.ts';

export interface ParsedTerms {
  terms: Term[];
  /** Items that were reported as errors (so an empty result is not also "empty-code"). */
  failedItems: number;
}

/**
 * A native code's `terms`: either a list, or a mapping language tag -> list.
 * An empty value (`terms:`) yields no terms.
 */
export function parseNativeTerms(node: YamlNode, defaults: TermDefaults, where: string, report: Reporter): ParsedTerms {
  const result: ParsedTerms = { terms: [], failedItems: 0 };
  if (node.kind === 'scalar' && node.value === null) return result;
  if (node.kind === 'seq') {
    collect(node.items, undefined);
    return result;
  }
  if (node.kind === 'map') {
    for (const entry of node.entries) {
      if (entry.key === null || entry.key.trim() === '') {
        report.error(
          'codebook/invalid-type',
          entry.keyPosition,
          `A language key under \`terms\` of ${where} is empty or not text.`,
          'Use a language tag such as `en` or `zh` as the key.',
        );
        result.failedItems++;
        continue;
      }
      const group = entry.value;
      if (group.kind === 'scalar' && group.value === null) continue;
      if (group.kind !== 'seq') {
        report.error(
          'codebook/invalid-type',
          group.position,
          `Terms under \`${entry.key}\` of ${where} must be a list, but they are ${describeNode(group)}.`,
          `Write a list: ${entry.key}: [first term, second term].`,
        );
        result.failedItems++;
        continue;
      }
      collect(group.items, entry.key);
    }
    return result;
  }
  report.error(
    'codebook/invalid-type',
    node.position,
    `\`terms\` of ${where} must be a list or a mapping from language to list, but it is ${describeNode(node)}.`,
    'Write `terms: [broadband, sensor*]`, or group by language: `terms: { en: [broadband], zh: [宽带] }`.',
  );
  result.failedItems++;
  return result;

  function collect(items: YamlNode[], language: string | undefined): void {
    for (const item of items) {
      const context = language === undefined ? { defaults, where, allowObjects: true } : { defaults, where, allowObjects: true, language };
      const term = parseTermItem(item, context, report);
      if (term) result.terms.push(term);
      else result.failedItems++;
    }
  }
}
