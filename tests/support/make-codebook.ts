import type { Codebook, Term, TermKind } from '../../src/types.ts';

export type TermSpec = string | { value: string; caseSensitive?: boolean; kind?: TermKind };

/** Builds a Codebook in memory: `{ theme: { code: [terms] } }`, so matcher tests do not depend on the YAML parser. */
export function makeCodebook(themes: Record<string, Record<string, TermSpec[]>>): Codebook {
  return {
    name: 'test',
    format: 'native',
    path: 'test.yaml',
    sha256: '0'.repeat(64),
    themes: Object.entries(themes).map(([themeId, codes]) => ({
      id: themeId,
      label: themeId,
      codes: Object.entries(codes).map(([codeId, terms]) => ({
        id: codeId,
        label: codeId,
        terms: terms.map(toTerm),
      })),
    })),
  };
}

function toTerm(spec: TermSpec): Term {
  if (typeof spec === 'string') return { value: spec, kind: 'glob', caseSensitive: false };
  return { value: spec.value, kind: spec.kind ?? 'glob', caseSensitive: spec.caseSensitive ?? false };
}
