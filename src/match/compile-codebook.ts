import type { Codebook, Diagnostic, Term } from '../types.ts';
import { compileTermSteps, type CompiledTerm } from './compile-term.ts';

export interface CodeRef {
  theme: string;
  code: string;
  terms: Term[];
}

/**
 * A codebook compiled once per run into an index keyed by the first token each term needs, so the
 * matcher looks at a handful of candidates per token whatever the codebook's size. Glob-initial
 * terms are tested once per distinct token form and remembered in `candidateCache`.
 */
export interface CompiledCodebook {
  codes: CodeRef[];
  byFirstLiteral: Map<string, CompiledTerm[]>;
  globInitial: CompiledTerm[];
  candidateCache: Map<string, CompiledTerm[]>;
}

export function compileCodebook(codebook: Codebook): { compiled: CompiledCodebook; diagnostics: Diagnostic[] } {
  const compiled: CompiledCodebook = { codes: [], byFirstLiteral: new Map(), globInitial: [], candidateCache: new Map() };
  const diagnostics: Diagnostic[] = [];
  for (const theme of codebook.themes) {
    for (const code of theme.codes) {
      const codeIndex = compiled.codes.length;
      compiled.codes.push({ theme: theme.id, code: code.id, terms: code.terms });
      code.terms.forEach((term, termIndex) => {
        const result = compileTermSteps(term);
        if ('problem' in result) {
          diagnostics.push({
            severity: 'warning',
            rule: 'codebook/unmatchable-term',
            message: `In code "${theme.id}/${code.id}", ${result.problem}; the term is ignored.`,
            file: codebook.path,
            line: term.position?.line,
            column: term.position?.column,
            hint: result.hint,
          });
          return;
        }
        addToIndex(compiled, {
          codeIndex,
          termIndex,
          steps: result.steps,
          caseSensitive: term.caseSensitive,
          literal: result.steps.every((step) => step.kind === 'literal'),
        });
      });
    }
  }
  return { compiled, diagnostics };
}

function addToIndex(compiled: CompiledCodebook, term: CompiledTerm): void {
  const first = term.steps[0]!;
  if (first.kind !== 'literal') {
    compiled.globInitial.push(term);
    return;
  }
  const bucket = compiled.byFirstLiteral.get(first.norm);
  if (bucket) bucket.push(term);
  else compiled.byFirstLiteral.set(first.norm, [term]);
}
