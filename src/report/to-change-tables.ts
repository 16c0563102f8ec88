import { CELL_TERM_LIMIT, type ChangeTest, type EvolutionStep, type SeriesEvolution } from '../types.ts';
import { formatChange, formatInteger, formatP, formatPercent, formatRate } from './format-number.ts';
import { escapeMarkdown, header, row, safeRow } from './markdown-table.ts';

/** How many terms the appeared/vanished and keyness cells list (at most CELL_TERM_LIMIT). */
const LISTED_TERMS = Math.min(8, CELL_TERM_LIMIT);

/** The date a milestone is shown with: its date, else its year, else `n.d.`. */
export function dateCell(step: EvolutionStep): string {
  const { date, year } = step.document;
  if (date?.trim()) return date;
  return year === undefined ? 'n.d.' : String(year);
}

/** `+1.300 (+25.0%)`, or `-` for the first milestone. */
function changeCell(change: number | null, relative: number | null): string {
  if (change === null) return '-';
  return relative === null ? formatChange(change) : `${formatChange(change)} (${relative > 0 ? '+' : ''}${formatPercent(relative)})`;
}

function testCells(test: ChangeTest | null | undefined): string[] {
  if (!test) return ['-', '-', '-', '-', ''];
  const ratio = test.logRatio === null ? '-' : formatChange(test.logRatio);
  return [formatRate(test.g2), formatP(test.p), test.q === undefined ? '-' : formatP(test.q), ratio, isFlagged(test) ? '**yes**' : 'no'];
}

/**
 * Whether a change test is flagged in report.md and report.html: q < 0.05 (Benjamini-Hochberg across
 * the run's tests), or p < 0.05 when no q-values were assigned.
 */
export function isFlagged(test: { p: number | null; q?: number } | null | undefined): boolean {
  if (!test || test.p === null) return false;
  return (test.q ?? test.p) < 0.05;
}

/** A rate's 95% interval, `low to high`, or `-` when not computed. */
export function intervalCell(m: { per1000Low?: number; per1000High?: number }): string {
  return m.per1000Low === undefined || m.per1000High === undefined ? '-' : `${formatRate(m.per1000Low)} to ${formatRate(m.per1000High)}`;
}

/**
 * Per milestone and theme (or code): count, rate and its 95% interval, share, change, G2, p, q, log
 * ratio, whether q < 0.05 (`isFlagged`), and the evidence.csv filter that lists the mentions behind
 * the count. The tables here are made a line at a time as they are written (20,000 milestones make
 * millions of lines).
 */
export function* toChangeTable(series: SeriesEvolution, level: 'theme' | 'code'): Generator<string> {
  const first = level === 'theme' ? ['Date', 'Document', 'Theme'] : ['Date', 'Document', 'Theme', 'Code'];
  yield* header([...first, 'Count:', 'Per 1,000:', '95% CI:', 'Share:', 'Change:', 'G2:', 'p:', 'q:', 'Log2 ratio:', 'q < 0.05', 'Evidence']);
  for (const step of series.steps) {
    const id = step.document.id;
    // Text cells escaped here; the number cells never need it.
    const date = escapeMarkdown(dateCell(step));
    const document = escapeMarkdown(id);
    if (level === 'theme') {
      for (const t of step.themes) {
        yield safeRow([
          date,
          document,
          escapeMarkdown(t.theme),
          formatInteger(t.count),
          formatRate(t.per1000),
          intervalCell(t),
          formatPercent(t.share ?? 0),
          changeCell(t.changePer1000, t.changeRelative),
          ...testCells(t.test),
          escapeMarkdown(`document=${id}, theme=${t.theme}`),
        ]);
      }
    } else {
      for (const c of step.codes ?? []) {
        yield safeRow([
          date,
          document,
          escapeMarkdown(c.theme),
          escapeMarkdown(c.code),
          formatInteger(c.count),
          formatRate(c.per1000),
          intervalCell(c),
          formatPercent(c.share),
          changeCell(c.changePer1000, c.changeRelative),
          ...testCells(c.test),
          escapeMarkdown(`document=${id}, code=${c.code}`),
        ]);
      }
    }
  }
}

/** Per milestone after the first: the terms that appeared and vanished (code: term (n)). */
export function* toTermShiftTable(series: SeriesEvolution): Generator<string> {
  yield* header(['Date', 'Document', 'Previous', 'Appeared (count)', 'Vanished (previous count)']);
  for (const step of series.steps.slice(1)) {
    const appeared = (step.appeared ?? []).map((t) => `${t.code}: ${t.term} (${t.count})`);
    const vanished = (step.vanished ?? []).map((t) => `${t.code}: ${t.term} (${t.previousCount})`);
    const totals = step.termTotals;
    yield row([dateCell(step), step.document.id, step.previous ?? '-', listed(appeared, totals?.appeared), listed(vanished, totals?.vanished)]);
  }
}

/** Per milestone after the first: its most key terms against the previous milestone. */
export function* toKeynessTable(series: SeriesEvolution): Generator<string> {
  yield* header(['Date', 'Document', 'Previous', `Key terms, highest G2 first (code: term count/previous, G2, log2 ratio; * p < 0.05)`]);
  for (const step of series.steps.slice(1)) {
    // The code and term escaped here: the `*` after a significant term is markup of the program's own.
    const terms = (step.keyness ?? [])
      .filter((k) => k.g2 > 0)
      .map((k) => {
        const ratio = k.logRatio === null ? '-' : formatChange(k.logRatio);
        return `${escapeMarkdown(`${k.code}: ${k.term}`)} ${k.count}/${k.previousCount}, ${formatRate(k.g2)}, ${ratio}${k.p < 0.05 ? '*' : ''}`;
      });
    const cells = [dateCell(step), step.document.id, step.previous ?? '-'].map(escapeMarkdown);
    yield safeRow([...cells, listed(terms, step.termTotals?.key)]);
  }
}

/** The first LISTED_TERMS items and how many more there are of `total` (the items may be a cut list). */
function listed(items: readonly string[], total = items.length): string {
  if (items.length === 0) return '(none)';
  const shown = items.slice(0, LISTED_TERMS).join('; ');
  return total > LISTED_TERMS ? `${shown}; ... (${total - LISTED_TERMS} more)` : shown;
}
