import type { Diagnostic } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';

/**
 * `path:line:column: error: message [rule]` followed by an indented `hint:` line,
 * the shape compilers and linters use so editors can jump to the place.
 */
export function renderDiagnostic(diagnostic: Diagnostic): string {
  const where = [diagnostic.file, diagnostic.line, diagnostic.line === undefined ? undefined : diagnostic.column]
    .filter((part) => part !== undefined)
    .join(':');
  const head = `${where ? `${where}: ` : ''}${diagnostic.severity}: ${diagnostic.message} [${diagnostic.rule}]`;
  return diagnostic.hint ? `${head}\n  hint: ${diagnostic.hint}` : head;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for reports: by file, position, then rule; names in code-unit order, so the order is the same in every locale. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareCodeUnits(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compareCodeUnits(a.rule, b.rule),
  );
}
