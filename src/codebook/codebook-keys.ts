/**
 * The keys the native codebook format accepts at each level. The JSON Schema in
 * `codebooks/policycoder-codebook.schema.json` must list the same keys (a test checks the top level).
 */
export const TOP_LEVEL_KEYS = ['policycoder', 'name', 'description', 'options', 'themes'] as const;
export const OPTION_KEYS = ['case_sensitive', 'kind'] as const;
export const THEME_KEYS = ['label', 'description', 'codes'] as const;
export const CODE_KEYS = [
  'label',
  'definition',
  'include',
  'exclude',
  'examples',
  'case_sensitive',
  'kind',
  'terms',
] as const;
export const TERM_KEYS = ['term', 'case_sensitive', 'kind'] as const;

/** Term kinds the matcher implements today. */
export const TERM_KINDS = ['glob', 'exact'] as const;

/** The only native format version this parser reads. */
export const FORMAT_VERSION = 1;
