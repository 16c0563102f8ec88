import type { BoilerplateRemoval, BoilerplateRule, CjkWordRule, Diagnostic, ExtractedText } from '../types.ts';
import { countWords } from '../text/count-words.ts';
import { tokenize } from '../text/tokenize.ts';
import { checkBoilerplateRemovals } from './check-boilerplate-removals.ts';
import { maskBoilerplate } from './mask-boilerplate.ts';

export interface WithoutBoilerplate {
  /** The text to count: removed lines blanked, offsets, lines and pages unchanged. */
  extracted: ExtractedText;
  /** What each rule removed, in rule order; empty without rules. */
  removals: BoilerplateRemoval[];
  /** Rules that removed nothing from a document they name, or that removed most of it. */
  diagnostics: Diagnostic[];
}

/** Applies a document's boilerplate rules (`maskBoilerplate`) before anything is counted; `file` is the path shown in warnings. */
export function removeBoilerplate(extracted: ExtractedText, rules: readonly BoilerplateRule[], cjkWords: CjkWordRule, file: string): WithoutBoilerplate {
  if (rules.length === 0) return { extracted, removals: [], diagnostics: [] };
  const masked = maskBoilerplate(extracted.text, rules, (removed) => countWords(tokenize(removed), cjkWords).words);
  return {
    extracted: { ...extracted, text: masked.text },
    removals: masked.removals,
    diagnostics: checkBoilerplateRemovals(masked.removals, rules, masked.visibleCharacters, file),
  };
}
