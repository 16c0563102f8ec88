/** What is wrong with a selection pattern (corpus.yaml `include`/`exclude`/`files`, `--include`/`--exclude`), or undefined. */
export function checkGlobPattern(glob: string): { message: string; hint: string } | undefined {
  const hint = 'Patterns are relative to the corpus folder with `/` separators, e.g. `drafts/**` or `**/*.pdf`.';
  if (glob.trim() === '') return { message: 'An empty pattern selects nothing.', hint };
  if (glob.startsWith('!'))
    return {
      message: `\`${glob}\` starts with \`!\`; negated patterns are not used here.`,
      hint: 'Put the pattern under `exclude` (or pass it to --exclude) without the `!`.',
    };
  if (glob.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob)) return { message: `\`${glob}\` is an absolute path.`, hint };
  if (glob.split('/').includes('..')) {
    return { message: `\`${glob}\` points outside the corpus folder.`, hint: `${hint} Only documents inside the corpus folder are analysed.` };
  }
  return undefined;
}
