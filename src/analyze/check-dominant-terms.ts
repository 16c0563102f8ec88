import type { Diagnostic } from '../types.ts';
import { termPlace } from './check-case-variants.ts';
import { listSome, type ResultCheckInput } from './check-results.ts';

/** A code or theme needs at least this many mentions over the corpus before one term's share of them says anything. */
export const DOMINANT_MIN_MENTIONS = 20;
/** One term making more than this share of a theme's mentions carries it: most of the theme is one word. */
export const THEME_DOMINANT_SHARE = 0.5;
/**
 * ...and of a code's mentions. Higher, since a code is narrower and often named after its main
 * word (a country code and the country's name); these are reported together in one warning.
 */
export const CODE_DOMINANT_SHARE = 2 / 3;

interface Tally {
  mentions: number;
  /** Mentions per term value (within a code: `code` is the term's code). */
  terms: Map<string, { code: string; count: number }>;
}

/**
 * One word carrying a theme or code: a term that makes most of its mentions over the corpus, in a
 * theme or code with other terms. Its rate then measures that word, not the concept, and a change
 * in the word's use (or one wrong sense of it) moves the whole theme. A term that carries its
 * theme is not also reported for its code.
 */
export function checkDominantTerms({ results, codebook }: ResultCheckInput): Diagnostic[] {
  const themes = new Map<string, Tally>();
  const codes = new Map<string, Tally>();
  for (const result of results) {
    for (const code of result.codes) {
      const codeKey = `${code.theme}/${code.code}`;
      for (const { term, count } of code.terms) {
        add(themes, code.theme, `${code.code}\u0000${term}`, code.code, count);
        add(codes, codeKey, term, code.code, count);
      }
    }
  }
  const diagnostics: Diagnostic[] = [];
  const carried = new Set<string>();
  for (const theme of codebook.themes) {
    const distinct = countTerms(theme.codes.flatMap((code) => code.terms.map((term) => `${code.id}\u0000${term.value}`)));
    const top = dominant(themes.get(theme.id), distinct, THEME_DOMINANT_SHARE);
    if (!top) continue;
    const [code, term] = top.key.split('\u0000') as [string, string];
    carried.add(`${theme.id}/${code}\u0000${term}`);
    diagnostics.push(carriesTheme(theme.id, term, top, { theme: theme.id, code }, codebook));
  }
  const carriedCodes: string[] = [];
  for (const theme of codebook.themes) {
    for (const code of theme.codes) {
      const key = `${theme.id}/${code.id}`;
      const top = dominant(codes.get(key), countTerms(code.terms.map((term) => term.value)), CODE_DOMINANT_SHARE);
      if (top && !carried.has(`${key}\u0000${top.key}`)) carriedCodes.push(`${key} "${top.key}" ${top.count} of ${top.mentions} (${percent(top)})`);
    }
  }
  if (carriedCodes.length > 0) diagnostics.push(carriesCodes(carriedCodes, codebook.path));
  return diagnostics;
}

function add(tallies: Map<string, Tally>, key: string, term: string, code: string, count: number): void {
  const tally = tallies.get(key) ?? { mentions: 0, terms: new Map() };
  tally.mentions += count;
  const entry = tally.terms.get(term) ?? { code, count: 0 };
  entry.count += count;
  tally.terms.set(term, entry);
  tallies.set(key, tally);
}

function countTerms(values: readonly string[]): number {
  return new Set(values).size;
}

/** The term with more than DOMINANT_SHARE of the mentions, when there are enough mentions and more than one term to share them. */
function dominant(tally: Tally | undefined, distinctTerms: number, share: number): Top | undefined {
  if (!tally || distinctTerms < 2 || tally.mentions < DOMINANT_MIN_MENTIONS) return undefined;
  let best: { key: string; count: number } | undefined;
  for (const [key, { count }] of tally.terms) if (!best || count > best.count || (count === best.count && key < best.key)) best = { key, count };
  if (!best || best.count <= tally.mentions * share) return undefined;
  return { ...best, mentions: tally.mentions };
}

interface Top {
  key: string;
  count: number;
  mentions: number;
}

function percent({ count, mentions }: Top): string {
  return `${Math.round((count * 100) / mentions)}%`;
}

function carriesTheme(theme: string, term: string, top: Top, where: { theme: string; code: string }, codebook: ResultCheckInput['codebook']): Diagnostic {
  return {
    severity: 'warning',
    rule: 'results/dominant-term',
    message: `One term carries theme ${theme}: "${term}" (code ${where.code}) makes ${top.count} of its ${top.mentions} mentions (${percent(top)}), so the theme's rate mostly measures that one word.`,
    hint: 'read that term’s evidence (policycoder kwic TERM) to check that it means what the theme means, and consider adding synonyms or narrowing the term',
    ...termPlace(codebook, where.theme, where.code, term),
  };
}

function carriesCodes(codes: readonly string[], file: string): Diagnostic {
  const shown = listSome(codes, 8);
  return {
    severity: 'warning',
    rule: 'results/dominant-term',
    message: `In ${codes.length === 1 ? '1 code' : `${codes.length} codes`} one term makes more than two thirds of the mentions: ${shown}.`,
    hint: 'such a code measures one word: check that word’s evidence (policycoder kwic TERM) before reading the code’s rate as the concept',
    file,
  };
}
