import type { BoilerplateRemoval } from '../types.ts';
import type { CorpusRow } from './corpus-row.ts';

const HEADER = ['id', 'date', 'series', 'level', 'lang', 'words', 'pages', 'cached', 'problems', 'file'];

/**
 * The corpus as an aligned plain-text table, one document per line (numbers right-aligned).
 * `lang` is marked `?` when guessed from the text; `cached` is `yes`/`no` for PDFs and `-` otherwise;
 * `problems` lists extraction rule ids without their `ingest/` prefix, plus `not-listed`.
 * `boilerplate removed` (only when corpus.yaml has boilerplate rules): what each rule removed (`words` counts only the rest).
 * A last column, `source`, appears when some corpus.yaml entry gives one.
 * `excluded`: documents left out (patterns, hidden files, READMEs not in corpus.yaml), counted in the footer.
 */
export function toCorpusTable(rows: readonly CorpusRow[], excluded = 0): string {
  const withRules = rows.some((row) => row.boilerplate !== undefined);
  const withSource = rows.some((row) => row.source !== undefined);
  const header = [...HEADER, ...(withRules ? ['boilerplate removed'] : []), ...(withSource ? ['source'] : [])];
  const cells = rows.map((row) => [
    ...toCells(row),
    ...(withRules ? [row.boilerplate ? row.boilerplate.map(describeRemoval).join('; ') : '-'] : []),
    ...(withSource ? [row.source ?? '-'] : []),
  ]);
  const widths = header.map((name, column) => Math.max(name.length, ...cells.map((line) => width(line[column]!))));
  const numeric = new Set([5, 6]);
  const render = (line: readonly string[]) =>
    line
      .map((cell, column) => (numeric.has(column) ? pad(cell, widths[column]!, true) : pad(cell, widths[column]!, false)))
      .join('  ')
      .trimEnd();
  const words = rows.reduce((sum, row) => sum + (row.words ?? 0), 0);
  const left = excluded > 0 ? ` (${excluded} more excluded: by include/exclude patterns, hidden or READMEs)` : '';
  const footer = `${rows.length} ${rows.length === 1 ? 'document' : 'documents'}${left}, ${words.toLocaleString('en-US')} words; lang "?" = guessed from the text, date "YYYY?" = year from the file name`;
  return `${[render(header), ...cells.map(render)].join('\n')}\n${footer}\n`;
}

/** The same rows as CSV (`--format csv`). */
export function toCorpusCsvRows(rows: readonly CorpusRow[]): string[][] {
  return [
    [
      'id', 'file', 'title', 'date', 'year', 'series', 'level', 'language', 'language_guessed', 'words', 'pages', 'cached', 'listed', 'problems',
      'boilerplate', 'sha256', 'number', 'source',
    ],
    ...rows.map((row) => [
      row.id, row.file, row.title, row.date ?? '', row.year === undefined ? '' : String(row.year), row.series ?? '', row.level ?? '',
      row.language ?? '', row.languageGuessed ? 'yes' : 'no', row.words === null ? '' : String(row.words), row.pages === null ? '' : String(row.pages),
      row.cached === null ? '' : row.cached ? 'yes' : 'no', row.listed ? 'yes' : 'no', row.problems.join(';'),
      (row.boilerplate ?? []).map((r) => `${r.rule}:${r.characters}:${r.lines}:${r.words}`).join(';'), row.sha256, row.number ?? '', row.source ?? '',
    ]),
  ];
}

function toCells(row: CorpusRow): string[] {
  const problems = [...row.problems.map((rule) => rule.replace(/^ingest\//, '')), ...(row.listed ? [] : ['not-listed'])];
  return [
    row.id,
    row.date ?? (row.year === undefined ? '-' : `${row.year}?`),
    row.series ?? '-',
    row.level ?? '-',
    row.language === undefined ? '-' : `${row.language}${row.languageGuessed ? '?' : ''}`,
    row.words === null ? '-' : row.words.toLocaleString('en-US'),
    row.pages === null || row.pages === 0 ? '-' : String(row.pages),
    row.cached === null ? '-' : row.cached ? 'yes' : 'no',
    problems.join(',') || '-',
    row.file,
  ];
}

/** `wikisource-licence: 1,204 chars, 25 lines, 1,066 words`, or `NAME: nothing`. */
export function describeRemoval(removal: BoilerplateRemoval): string {
  if (removal.lines === 0) return `${removal.rule}: nothing`;
  const n = (value: number) => value.toLocaleString('en-US');
  const plural = (value: number, word: string) => `${n(value)} ${word}${value === 1 ? '' : 's'}`;
  return `${removal.rule}: ${plural(removal.characters, 'char')}, ${plural(removal.lines, 'line')}, ${plural(removal.words, 'word')}`;
}

/** Display width: CJK and other wide characters take two columns. */
function width(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(char) ? 2 : 1;
  return columns;
}

function pad(text: string, size: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return right ? fill + text : text + fill;
}
