import type { Diagnostic, Severity, SourcePosition } from '../types.ts';

/** Collects diagnostics for one codebook file; every diagnostic names the file and a position. */
export interface Reporter {
  readonly file: string;
  readonly diagnostics: Diagnostic[];
  error(rule: string, at: SourcePosition, message: string, hint: string): void;
  warning(rule: string, at: SourcePosition, message: string, hint: string): void;
  /** Adds diagnostics returned by a `check*` function. */
  add(found: readonly Diagnostic[]): void;
}

export function toDiagnostic(severity: Severity, rule: string, file: string, at: SourcePosition, message: string, hint: string): Diagnostic {
  return { severity, rule, message, file, line: at.line, column: at.column, hint };
}

export function createReporter(file: string): Reporter {
  const diagnostics: Diagnostic[] = [];
  const add = (severity: Severity, rule: string, at: SourcePosition, message: string, hint: string): void => {
    diagnostics.push(toDiagnostic(severity, rule, file, at, message, hint));
  };
  return {
    file,
    diagnostics,
    error: (rule, at, message, hint) => add('error', rule, at, message, hint),
    warning: (rule, at, message, hint) => add('warning', rule, at, message, hint),
    add: (found) => {
      diagnostics.push(...found);
    },
  };
}
