import type { Code, Theme } from '../../types.ts';

/**
 * The one-level category a code becomes in LIWC files: the theme id when the code has the
 * theme's id (as one-level files read back), otherwise `theme.code`.
 */
export function categoryName(theme: Theme, code: Code): string {
  return code.id === theme.id ? theme.id : `${theme.id}.${code.id}`;
}
