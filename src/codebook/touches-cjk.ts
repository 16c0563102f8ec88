import type { Token } from '../types.ts';

/** Whether token `k` is glued (no gap) to a Chinese/Japanese character before or after it. */
export function touchesCjk(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k]!;
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return (before?.kind === 'cjk' && token.gap === 'none') || (after?.kind === 'cjk' && after.gap === 'none');
}
