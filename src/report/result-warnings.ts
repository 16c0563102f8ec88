import type { Diagnostic } from '../types.ts';

/** The run's warnings about what its numbers mean (`results/...` rules), which a reader must see before quoting them. */
export function resultWarnings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.rule.startsWith('results/'));
}

/** The one-paragraph warning's message, for the co-occurrence section whose paragraph figures it qualifies. */
export function oneParagraphWarning(diagnostics: readonly Diagnostic[]): string | undefined {
  return diagnostics.find((d) => d.rule === 'results/one-paragraph')?.message;
}
