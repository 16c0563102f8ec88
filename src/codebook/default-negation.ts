import type { Term } from '../types.ts';
import type { TermDefaults } from './parse-term-item.ts';

/**
 * Negation used by `negation: true` when the codebook's options give none. Chinese cues are
 * words, not single characters: 不, 未 and 无 alone would negate terms after 不断 (continuously),
 * 未来 (future) and 无线 (wireless). Add them in `options.negation.cues` if your texts need them.
 */
export const DEFAULT_NEGATION_WINDOW = 3;
const DEFAULT_CUES = {
  en: ['no', 'not', 'without', 'lack of', 'lacks', 'lacking', 'absence of', 'never', 'neither', 'nor', 'fail to', 'fails to', 'failed to'],
  zh: ['没有', '缺乏', '缺少', '尚未', '未能', '不够', '不足'],
};

export function defaultNegationCues(): Term[] {
  return Object.entries(DEFAULT_CUES).flatMap(([language, values]) => values.map((value): Term => ({ value, kind: 'glob', caseSensitive: false, language })));
}

/** Term defaults before any `options`: glob, case-insensitive, the built-in negation. */
export function builtInTermDefaults(): TermDefaults {
  return { kind: 'glob', caseSensitive: false, negation: { window: DEFAULT_NEGATION_WINDOW, cues: defaultNegationCues() } };
}
