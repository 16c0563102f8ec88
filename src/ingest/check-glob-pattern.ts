import { countBraceExpansions } from './count-brace-expansions.ts';

/** A pattern may expand to at most this many patterns (`{a,b}` is 2, `{1..100}` 100). */
export const MAX_BRACE_EXPANSIONS = 1000;
/**
 * At most this many `*` in one path part (`*a*b*.pdf` has 3). The glob library matches with a
 * backtracking regular expression whose time grows with the name length to the power of the stars:
 * on a 250-character name 3 stars take 18 ms, 4 about a second, 5 a minute.
 */
export const MAX_STARS_PER_PART = 3;

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
  return checkGlobCost(glob);
}

/** Patterns that would take the glob library too long or too much memory (none of them a real need). */
function checkGlobCost(glob: string): { message: string; hint: string } | undefined {
  if (/(?:^|[^\\])[*?+@!]\(/.test(glob)) {
    return {
      message: `\`${glob}\` uses an extended glob (\`*(...)\`, \`+(...)\`, \`?(...)\`, \`@(...)\`, \`!(...)\`), which is not supported: it can take hours to match a long file name.`,
      hint: 'Use `*`, `?`, `[abc]` and `{a,b}` (e.g. `{draft,old}-*.txt`); write a literal parenthesis as `\\(`.',
    };
  }
  const expansions = countBraceExpansions(glob, MAX_BRACE_EXPANSIONS);
  if (expansions > MAX_BRACE_EXPANSIONS) {
    return {
      message: `\`${glob}\` expands to more than ${MAX_BRACE_EXPANSIONS} patterns (each \`{a,b}\` multiplies, each range \`{1..100}\` counts every item).`,
      hint: 'Use wildcards instead of listing names or numbers: `report-*.txt`, `[0-9][0-9][0-9][0-9]-*.pdf`.',
    };
  }
  const stars = Math.max(...glob.split('/').map((part) => (part === '**' ? 0 : (part.match(/(?<!\\)\*/g) ?? []).length)));
  if (stars > MAX_STARS_PER_PART) {
    return {
      message: `\`${glob}\` has ${stars} \`*\` in one path part; at most ${MAX_STARS_PER_PART} are allowed, since each one more multiplies the time to match a long name.`,
      hint: 'Join neighbouring wildcards (`*a*b*` rather than `*a*a*a*b*`), or put several patterns in the list.',
    };
  }
  return undefined;
}
