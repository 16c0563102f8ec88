import type { Codebook, EvolutionStep, SeriesEvolution } from '../types.ts';
import { formatChange, formatInteger, formatRate } from './format-number.ts';
import { formatTerms } from './format-terms.ts';
import { code as inlineCode, escapeMarkdown, row } from './markdown-table.ts';
import { dateCell, toChangeTable, toKeynessTable, toTermShiftTable } from './to-change-tables.ts';
import { joinPieces, linePieces } from './join-pieces.ts';
import { seriesTitle } from './series-title.ts';
import { TREND_NOTE, toTrendTable } from './to-trend-table.ts';

const HOW_TO_READ =
  "**How to read.** Each rate is a theme's coded mentions per 1,000 words of the document. " +
  'The number in brackets is the change from the previous milestone in the same series ' +
  '(this rate minus the previous rate, per 1,000 words); the first milestone of a series has none. ' +
  "A theme's count is the sum of the counts of its codes. Milestones are in date order " +
  '(year when there is no date; undated documents last); "n.d." marks a document without a date.';

const STATISTICS =
  '**Change tests.** Each change from the previous milestone is tested with the log-likelihood G2 ' +
  'of a 2x2 table (mentions vs other words, this vs the previous milestone; p from chi-square with ' +
  '1 df). The log2 ratio is the effect size: +1 = the rate doubled, -1 = it halved (a zero count ' +
  'counts as 0.5). With many tests some pass p < 0.05 by chance, so each test also has a Benjamini-Hochberg ' +
  'q-value across all tests of the run (changes, trends, comparisons) and "q < 0.05" flags it; ' +
  'the number of tests and a Bonferroni threshold are given per series. Per 1,000 words comes with its exact 95% ' +
  "Poisson interval (95% CI). Share = the theme's (or " +
  "code's) part of all coded mentions in the document. Keyness tests each term the same way " +
  'against the previous milestone of the series (the reference). The Evidence column names the ' +
  'rows of evidence.csv behind a count.';

/**
 * `evolution.md`: per series, one table of theme rates (with the change from the previous
 * milestone in brackets) and one of each theme's top terms. Columns follow the codebook's
 * themes. Deterministic: no timestamps, fixed number formats.
 */
export function toEvolutionMarkdown(evolution: readonly SeriesEvolution[], codebook: Codebook): string {
  return joinPieces(linePieces(toEvolutionMarkdownLines(evolution, codebook)));
}

/** The lines of `toEvolutionMarkdown`, made one at a time as they are written. */
export function* toEvolutionMarkdownLines(evolution: readonly SeriesEvolution[], codebook: Codebook): Generator<string> {
  const themeIds = codebook.themes.map((theme) => theme.id);
  yield* [
    '# Theme evolution across milestones',
    '',
    `Codebook: ${escapeMarkdown(codebook.name)} (sha256 \`${codebook.sha256}\`).`,
    '',
    HOW_TO_READ,
    '',
    STATISTICS,
    '',
    'Themes:',
    '',
  ];
  for (const theme of codebook.themes) {
    const label = theme.label && theme.label !== theme.id ? `: ${escapeMarkdown(theme.label)}` : '';
    const codes = theme.codes.map((code) => inlineCode(code.id)).join(', ');
    yield `- ${inlineCode(theme.id)}${label} (codes: ${codes || 'none'})`;
  }
  if (evolution.length === 0) yield* ['', 'No documents were analysed.'];
  for (const series of evolution) yield* seriesLines(series, themeIds);
}

function* seriesLines(series: SeriesEvolution, themeIds: readonly string[]): Generator<string> {
  const { steps } = series;
  yield* ['', `## ${escapeMarkdown(seriesTitle(series.series))}`, ''];
  if (series.period) yield* [periodNote(series.period), ''];
  yield* ['Rates per 1,000 words (change from the previous milestone in brackets):', ''];
  yield row(['Date', 'Document', 'Title', 'Words', ...themeIds]);
  yield row(['---', '---', '---', '---:', ...themeIds.map(() => '---:')]);
  for (const step of steps) {
    const rates = themeIds.map((id) => rateCell(step, id));
    yield row([dateCell(step), step.document.id, step.document.title, formatInteger(step.words), ...rates]);
  }
  yield* ['', 'Top terms per theme (mentions in brackets):', ''];
  yield row(['Date', 'Document', ...themeIds]);
  yield row(['---', '---', ...themeIds.map(() => '---')]);
  for (const step of steps) {
    const terms = themeIds.map((id) => {
      const theme = step.themes.find((t) => t.theme === id);
      return theme === undefined ? 'n/a' : formatTerms(theme.topTerms) || '(none)';
    });
    yield row([dateCell(step), step.document.id, ...terms]);
  }
  if (series.trends) {
    yield* ['', '### Trend over the whole series', '', TREND_NOTE, ''];
    yield* toTrendTable(series.trends, 'theme');
    yield '';
    yield* toTrendTable(series.trends, 'code');
  }
  yield* ['', '### Change tests per theme', '', testsNote(series), ''];
  yield* toChangeTable(series, 'theme');
  yield* ['', '### Change tests per code', ''];
  yield* toChangeTable(series, 'code');
  if (steps.length > 1) {
    yield* ['', '### Terms that appeared or vanished', ''];
    yield* toTermShiftTable(series);
    yield* ['', '### Keyness against the previous milestone', ''];
    yield* toKeynessTable(series);
  }
}

/** How many tests the series has and the Bonferroni threshold for them. */
export function testsNote(series: { tests?: number }, alpha = 0.05): string {
  const tests = series.tests ?? 0;
  if (tests === 0) return 'No change tests: the series has one milestone (or no words to compare).';
  return `${tests} change tests in this series (themes and codes); a Bonferroni-corrected threshold would be p < ${Number((alpha / tests).toPrecision(3))}.`;
}

function rateCell(step: EvolutionStep, themeId: string): string {
  const theme = step.themes.find((t) => t.theme === themeId);
  if (theme === undefined) return 'n/a';
  const rate = formatRate(theme.per1000);
  return theme.changePer1000 === null ? rate : `${rate} (${formatChange(theme.changePer1000)})`;
}

/** What a milestone is when a series is compared by period. */
export function periodNote(period: string): string {
  return `Milestones are ${period === 'quarter' ? 'quarters' : `${period}s`}: each pools the mentions and words of its documents (their own figures are in frequencies.csv; \`--period document\` compares the documents one by one).`;
}
