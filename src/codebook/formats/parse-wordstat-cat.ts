/**
 * WordStat's `.cat` categorization dictionary: a tab-indented hierarchy. A line ending in a
 * weight in brackets (`ART (1)`, `GALLER* (1)`) is an entry of the category above it; any other
 * line is a category name (names may contain spaces, `+`, `=`, `-`). Entries are UPPERCASE,
 * `*` is a wildcard, matching ignores case. Theme = top-level category; code = the rest of the
 * path joined with `.`, so a name used under two parents (CONSERVATIVE) stays two codes; entries
 * directly under a top-level category form a code named after the theme. Weights other than 1
 * are kept in `Term.weight`.
 */
import type { Code, Theme } from '../../types.ts';
import { createReporter } from '../create-reporter.ts';
import type { Reporter } from '../create-reporter.ts';
import type { ParsedCodebook } from '../parse-codebook.ts';
import { checkImportedCode } from './check-imported-code.ts';
import { finishCodebook } from './finish-codebook.ts';
import { splitLines } from './split-lines.ts';
import { toImportedTerm } from './to-imported-term.ts';

const ENTRY = /^(.*?)\s*\(\s*([-+]?(?:\d+\.?\d*|\.\d+))\s*\)$/u;

interface Category {
  path: string[];
  line: number;
  hasChildren: boolean;
  hasEntries: boolean;
}

export function parseWordstatCat(source: string, path: string): ParsedCodebook {
  const report = createReporter(path);
  const themes = new Map<string, Theme>();
  const codes = new Map<string, { code: Code; theme: Theme; firstLine: number; paths: Set<string> }>();
  const categories = new Map<string, Category>();
  const codeOf = (categoryPath: string[], line: number): Code => {
    const themeId = categoryPath[0]!;
    const theme = themes.get(themeId)!;
    const id = categoryPath.length === 1 ? themeId : categoryPath.slice(1).join('.');
    const pathKey = categoryPath.join('\u0000');
    let found = codes.get(`${themeId}\u0000${id}`);
    if (found && !found.paths.has(pathKey)) {
      found.paths.add(pathKey);
      report.warning(
        'codebook/duplicate-code',
        { line, column: categoryPath.length },
        `Category \`${categoryPath.join(' > ')}\` gives code id \`${id}\` in theme \`${themeId}\`, which another category gives too; their entries are merged.`,
        'Rename one of the categories so the codes stay apart.',
      );
    }
    if (!found) {
      const code: Code = { id, label: id, terms: [], position: { line: categories.get(pathKey)!.line, column: categoryPath.length } };
      found = { code, theme, firstLine: line, paths: new Set([pathKey]) };
      codes.set(`${themeId}\u0000${id}`, found);
    }
    return found.code;
  };

  let stack: string[] = [];
  for (const { text, line } of splitLines(source)) {
    const content = text.trim();
    if (content === '') continue;
    const depth = /^\t*/u.exec(text)![0].length;
    if (/^\t* /u.test(text)) {
      report.error(
        'codebook/cat-syntax',
        { line, column: 1 },
        'This line is indented with spaces; WordStat indents with tabs.',
        'Indent with one tab per level.',
      );
      continue;
    }
    const entry = ENTRY.exec(content);
    if (entry) {
      if (depth === 0 || depth > stack.length) {
        report.error(
          'codebook/cat-syntax',
          { line, column: depth + 1 },
          depth === 0 ? `Entry \`${content}\` is not indented under a category.` : `Entry \`${content}\` is indented deeper than the category above it.`,
          'Put entries one tab deeper than their category.',
        );
        continue;
      }
      stack = stack.slice(0, depth);
      const position = { line, column: depth + 1 };
      const term = toImportedTerm(entry[1]!, position, 'WordStat', report);
      if (!term) continue;
      const weight = Number(entry[2]);
      if (weight !== 1) term.weight = weight;
      if (term.value.includes('_')) warnUnderscore(term.value, position, report);
      categories.get(stack.join('\u0000'))!.hasEntries = true;
      codeOf(stack, line).terms.push(term);
      continue;
    }
    if (depth > stack.length) {
      report.error(
        'codebook/cat-syntax',
        { line, column: depth + 1 },
        `Category \`${content}\` is indented more than one level below the category above it.`,
        'Indent a sub-category one tab deeper than its parent.',
      );
      continue;
    }
    stack = [...stack.slice(0, depth), content];
    const key = stack.join('\u0000');
    const parent = categories.get(stack.slice(0, -1).join('\u0000'));
    if (parent) parent.hasChildren = true;
    const previous = categories.get(key);
    if (previous) {
      report.warning(
        'codebook/duplicate-category',
        { line, column: depth + 1 },
        `Category \`${content}\` appears a second time under the same parent (first on line ${previous.line}); their entries are merged.`,
        'Merge the two categories, or rename one.',
      );
      continue;
    }
    categories.set(key, { path: stack, line, hasChildren: false, hasEntries: false });
    if (depth === 0) themes.set(content, { id: content, label: content, codes: [], position: { line, column: 1 } });
  }

  // Categories with neither entries nor sub-categories still become (empty) codes.
  for (const category of categories.values()) {
    if (!category.hasChildren && !category.hasEntries) codeOf(category.path, category.line);
  }
  for (const { code, theme } of [...codes.values()].sort((a, b) => a.firstLine - b.firstLine)) theme.codes.push(code);
  for (const theme of themes.values()) {
    for (const code of theme.codes) {
      const name = code.id === theme.id ? theme.id : `${theme.id} > ${code.id}`;
      report.add(checkImportedCode(code, `category \`${name}\``, path));
    }
  }
  if (codes.size === 0) {
    report.error(
      'codebook/no-codes',
      { line: 1, column: 1 },
      'The file defines no categories.',
      'Write a category name on its own line, then its entries indented by one tab, e.g. `\tART (1)`.',
    );
  }
  return finishCodebook(source, path, 'wordstat', [...themes.values()], report);
}

function warnUnderscore(value: string, position: { line: number; column: number }, report: Reporter): void {
  report.warning(
    'codebook/underscore-term',
    position,
    `Entry \`${value}\` contains \`_\`; it matches only text with the underscores (as in quanteda).`,
    `If the underscores join the words of a phrase, write it with spaces: \`${value.replace(/_/gu, ' ')}\`.`,
  );
}
