/**
 * The keys the native codebook format accepts at each level. The JSON Schema in
 * `codebooks/policycoder-codebook.schema.json` must list the same keys (a test checks the top level).
 */
export const TOP_LEVEL_KEYS = ['policycoder', 'name', 'description', 'options', 'validation', 'themes'] as const;
export const OPTION_KEYS = ['case_sensitive', 'kind', 'negation'] as const;
export const THEME_KEYS = ['label', 'description', 'codes'] as const;
export const CODE_KEYS = [
  'label',
  'definition',
  'include',
  'exclude',
  'examples',
  'non_examples',
  'case_sensitive',
  'kind',
  'terms',
  'except',
  'negation',
  'near',
  'validation',
] as const;
export const TERM_KEYS = ['term', 'case_sensitive', 'kind', 'weight', 'boundary'] as const;
export const NEGATION_KEYS = ['window', 'cues'] as const;
export const NEAR_KEYS = ['terms', 'window', 'within'] as const;
/** The codebook's `validation:`: how the codes' figures were measured. */
export const VALIDATION_KEYS = ['coder', 'date', 'method', 'corpus', 'precision_sheet', 'recall_sheet'] as const;
/** A code's `validation:`: its figures, the fingerprint of the terms they measured, and what differs from the codebook's record. */
export const CODE_VALIDATION_KEYS = ['precision', 'recall', 'terms_sha256', 'coder', 'date', 'precision_sheet', 'recall_sheet', 'note'] as const;
/** `precision:` and `recall:` of a code's `validation:`. */
export const RATE_KEYS = ['estimate', 'low', 'high', 'n'] as const;

/** Term kinds the matcher implements. */
export const TERM_KINDS = ['glob', 'exact', 'regex', 'stem', 'lemma'] as const;

/** The only native format version this parser reads. */
export const FORMAT_VERSION = 1;
