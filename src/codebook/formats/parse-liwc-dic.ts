/**
 * LIWC's `.dic` format: a `%` line, one `id name` line per category, a `%` line, then one line
 * per entry: the entry, then the ids of its categories. Separators are runs of tabs or spaces;
 * an entry may itself contain spaces (a phrase) when a tab ends it. LF, CRLF or CR line endings.
 * One level: each category is a theme with one code of the same name (as quanteda's one-level keys).
 */
import type { Code, Theme } from '../../types.ts';
import { createReporter } from '../create-reporter.ts';
import type { Reporter } from '../create-reporter.ts';
import type { ParsedCodebook } from '../parse-codebook.ts';
import { checkImportedCode } from './check-imported-code.ts';
import { finishCodebook } from './finish-codebook.ts';
import { splitLines, type SourceLine } from './split-lines.ts';
import { toImportedTerm } from './to-imported-term.ts';

const LAYOUT_HINT =
  'A .dic file starts with a line holding only `%`, then one `id<TAB>name` line per category, then `%`, then one `entry<TAB>id<TAB>id` line per entry.';

interface Category {
  code: Code;
  theme: Theme;
}

export function parseLiwcDic(source: string, path: string): ParsedCodebook {
  const report = createReporter(path);
  const lines = splitLines(source).filter((line) => line.text.trim() !== '');
  const open = lines[0];
  if (open?.text.trim() !== '%') {
    report.error(
      'codebook/dic-syntax',
      { line: open?.line ?? 1, column: 1 },
      open ? `A LIWC .dic file must start with a line holding only \`%\`, but line ${open.line} holds \`${open.text.trim()}\`.` : 'The file is empty.',
      LAYOUT_HINT,
    );
    return finishCodebook(source, path, 'liwc', [], report);
  }
  const close = lines.findIndex((line, index) => index > 0 && line.text.trim() === '%');
  if (close < 0) {
    report.error(
      'codebook/dic-syntax',
      { line: open.line, column: 1 },
      'The category list opened by `%` here is never closed by a second `%` line.',
      LAYOUT_HINT,
    );
    return finishCodebook(source, path, 'liwc', [], report);
  }
  const categories = readCategories(lines.slice(1, close), report);
  for (const line of lines.slice(close + 1)) readEntry(line, categories, report);

  const themes = [...new Set([...categories.values()].map((category) => category.theme))];
  for (const theme of themes) report.add(checkImportedCode(theme.codes[0]!, `category \`${theme.id}\``, path));
  if (themes.length === 0) {
    report.error('codebook/no-codes', { line: open.line, column: 1 }, 'The category list between the `%` lines is empty.', LAYOUT_HINT);
  }
  return finishCodebook(source, path, 'liwc', themes, report);
}

/** `01  HarmVirtue` lines -> categories by normalised id (`01` and `1` are the same id). */
function readCategories(lines: SourceLine[], report: Reporter): Map<string, Category> {
  const byId = new Map<string, Category>();
  const byName = new Map<string, number>();
  for (const { text, line } of lines) {
    const match = /^(\s*)(\S+)\s+(\S.*?)\s*$/u.exec(text);
    if (!match) {
      report.error(
        'codebook/dic-syntax',
        { line, column: 1 },
        `Category line \`${text.trim()}\` needs an id and a name.`,
        'Write the id, a tab and the name, e.g. `1\tcare.virtue`.',
      );
      continue;
    }
    const [, indent = '', rawId = '', name = ''] = match;
    const position = { line, column: indent.length + 1 };
    const id = normaliseId(rawId);
    if (byId.has(id)) {
      report.error('codebook/duplicate-category', position, `Category id \`${rawId}\` is used twice.`, 'Give every category its own id.');
      continue;
    }
    const first = byName.get(name);
    if (first !== undefined) {
      report.error(
        'codebook/duplicate-code',
        position,
        `Category name \`${name}\` is used twice (first on line ${first}).`,
        'Give every category its own name.',
      );
      continue;
    }
    byName.set(name, line);
    const code: Code = { id: name, label: name, terms: [], position };
    byId.set(id, { code, theme: { id: name, label: name, codes: [code], position } });
  }
  return byId;
}

/** `entry<TAB>id id` (or, without a tab, the trailing known ids) -> one term per category. */
function readEntry({ text, line }: SourceLine, categories: Map<string, Category>, report: Reporter): void {
  const words = [...text.matchAll(/[^\t ]+/gu)].map((match) => ({ text: match[0], column: match.index + 1 }));
  const tab = text.indexOf('\t');
  let split: number;
  if (tab >= 0) {
    split = words.findIndex((word) => word.column > tab);
    if (split < 0) split = words.length;
  } else {
    split = words.length;
    while (split > 1 && categories.has(normaliseId(words[split - 1]!.text))) split--;
  }
  const entryWords = words.slice(0, split);
  const ids = words.slice(split);
  const position = { line, column: entryWords[0]?.column ?? 1 };
  if (entryWords.length === 0) {
    report.error(
      'codebook/empty-term',
      position,
      'This line has category ids but no entry before them.',
      'Write the entry first, then a tab and its category ids.',
    );
    return;
  }
  const value = entryWords.map((word) => word.text).join(' ');
  if (ids.length === 0) {
    report.error(
      'codebook/dic-syntax',
      position,
      `Entry \`${value}\` has no category id.`,
      'Add a tab and the id of at least one category from the list between the `%` lines.',
    );
    return;
  }
  const term = toImportedTerm(value, position, 'LIWC', report);
  if (!term) return;
  for (const id of ids) {
    const category = categories.get(normaliseId(id.text));
    if (!category) {
      const known = [...categories.values()].length;
      report.error(
        'codebook/unknown-category',
        { line, column: id.column },
        `Entry \`${value}\` names category \`${id.text}\`, which is not in the category list.`,
        known > 0
          ? 'Use an id listed between the `%` lines, or add the category there. LIWC2007 conditional entries (`02/03`, `<of>`) are not supported.'
          : 'Add the category between the `%` lines.',
      );
      continue;
    }
    category.code.terms.push({ ...term, position: { ...position } });
  }
}

function normaliseId(id: string): string {
  return /^\d+$/u.test(id) ? String(Number(id)) : id;
}
