import type { DocumentResult, EvolutionStep, ReportModel, SeriesEvolution } from '../types.ts';
import { formatChange, formatInteger, formatP, formatRate } from './format-number.ts';
import { formatExcerpt, formatLocation, pickExampleIndexes } from './format-excerpt.ts';
import { escapeMarkdown, header, safeRow } from './markdown-table.ts';
import { dateCell, isFlagged, toChangeTable, toKeynessTable, toTermShiftTable } from './to-change-tables.ts';
import { periodNote, testsNote } from './to-evolution-markdown.ts';
import { seriesTitle } from './series-title.ts';
import { evidencePlaces, evidenceRowsAt } from './evidence-rows.ts';

/** Evidence excerpts shown per milestone and theme. */
const EXAMPLES = 2;

/** Per series: rates with changes, the change tests, significant code changes, term shifts, keyness and evidence; lines made as written. */
export function* toEvolutionSection(model: ReportModel): Generator<string> {
  yield '## Evolution across milestones';
  if (model.evolution.length === 0) yield* ['', 'No documents were analysed.'];
  const byId = new Map(model.results.map((result) => [result.meta.id, result]));
  for (const series of model.evolution) {
    yield* ['', `### ${escapeMarkdown(seriesTitle(series.series))}`, ''];
    if (series.period) yield* [periodNote(series.period), ''];
    yield* rateTable(series, model);
    yield '';
    yield* ['Rates per 1,000 words; in brackets the change from the previous milestone; * = q < 0.05 (G2 test, Benjamini-Hochberg across the run).', ''];
    yield* [testsNote(series, model.settings.alpha), ''];
    yield* ['#### Change tests per theme', ''];
    yield* toChangeTable(series, 'theme');
    yield* ['', '#### Codes that changed significantly (q < 0.05)', ''];
    yield* significantCodes(series);
    if (series.steps.length > 1) {
      yield* ['', '#### Terms that appeared or vanished', ''];
      yield* toTermShiftTable(series);
      yield* ['', '#### Keyness against the previous milestone', ''];
      yield* toKeynessTable(series);
    }
    yield* [
      '',
      '#### Where the text says so',
      '',
      `Up to ${EXAMPLES} mentions per theme and milestone (first of each code in text order); all are in evidence.csv.`,
    ];
    for (const step of series.steps) {
      if (step.members) yield* periodExamples(step, step.members, byId, model);
      else yield* examples(step, byId.get(step.document.id), model);
    }
  }
}

function rateTable(series: SeriesEvolution, model: ReportModel): string[] {
  const themeIds = model.codebook.themes.map((theme) => theme.id);
  const out = header(['Date', 'Document', 'Words:', ...themeIds.map((id) => `${escapeMarkdown(id)}:`)]);
  for (const step of series.steps) {
    const cells = themeIds.map((id) => {
      const t = step.themes.find((theme) => theme.theme === id);
      if (!t) return 'n/a';
      if (t.changePer1000 === null) return formatRate(t.per1000);
      return `${formatRate(t.per1000)} (${formatChange(t.changePer1000)}${isFlagged(t.test) ? '*' : ''})`;
    });
    // The `*` of a significant change is markup of the program's own: only the date and id are user text.
    out.push(safeRow([escapeMarkdown(dateCell(step)), documentCell(step), formatInteger(step.words), ...cells]));
  }
  return out;
}

/** The milestone's document, or the period and how many documents it pools (a period of 2 short documents can carry a "significant" step). */
function documentCell(step: SeriesEvolution['steps'][number]): string {
  const id = escapeMarkdown(step.document.id);
  if (!step.members) return id;
  return `${id} (${formatInteger(step.members.length)} document${step.members.length === 1 ? '' : 's'})`;
}

function significantCodes(series: SeriesEvolution): string[] {
  const rows: string[] = [];
  const stepById = new Map(series.steps.map((step) => [step.document.id, step]));
  for (const step of series.steps) {
    for (const c of step.codes ?? []) {
      if (!c.test || !isFlagged(c.test)) continue;
      const before = (step.previous === undefined ? undefined : stepById.get(step.previous))?.codes?.find((p) => p.code === c.code);
      // Numbers and `->` are the program's own; the rest is user text.
      rows.push(
        safeRow([
          escapeMarkdown(dateCell(step)),
          escapeMarkdown(step.document.id),
          escapeMarkdown(`${c.theme}/${c.code}`),
          `${formatRate(before?.per1000 ?? 0)} -> ${formatRate(c.per1000)}`,
          `${before?.count ?? 0} -> ${c.count}`,
          formatRate(c.test.g2),
          formatP(c.test.p),
          c.test.logRatio === null ? '-' : formatChange(c.test.logRatio),
          escapeMarkdown(`document=${step.document.id}, code=${c.code}`),
          c.test.q === undefined ? '-' : formatP(c.test.q),
        ]),
      );
    }
  }
  if (rows.length === 0) return ['None.'];
  return [...header(['Date', 'Document', 'Code', 'Per 1,000 (previous -> this)', 'Count', 'G2:', 'p:', 'Log2 ratio:', 'Evidence', 'q:']), ...rows];
}

function examples(step: EvolutionStep, result: DocumentResult | undefined, model: ReportModel): string[] {
  const out = ['', `**${escapeMarkdown(`${dateCell(step)} ${step.document.id}`)}**: ${escapeMarkdown(step.document.title)}`, ''];
  // Where the rows are first; only the few shown are made in full (a big codebook gives millions of rows).
  const places = result ? evidencePlaces(result) : [];
  const byTheme = model.codebook.themes.map((theme) => {
    const indexes: number[] = [];
    for (let index = 0; index < places.length; index++) if (places[index]!.theme === theme.id) indexes.push(index);
    return {
      theme: theme.id,
      count: indexes.length,
      picked: pickExampleIndexes(
        indexes.map((index) => places[index]!),
        EXAMPLES,
      ).map((k) => indexes[k]!),
    };
  });
  const shown = result
    ? evidenceRowsAt(
        result,
        byTheme.flatMap(({ picked }) => picked),
      )
    : [];
  for (const { theme, count, picked } of byTheme) {
    if (count === 0) {
      out.push(`- ${escapeMarkdown(theme)}: no mentions.`);
      continue;
    }
    out.push(`- ${escapeMarkdown(theme)}: ${formatInteger(count)} mentions (${escapeMarkdown(`evidence.csv: document=${step.document.id}, theme=${theme}`)})`);
    for (const e of shown.splice(0, picked.length)) out.push(`  - ${formatLocation(e)}, ${escapeMarkdown(e.code)}: ${formatExcerpt(e)}`);
  }
  return out;
}

/**
 * A period's examples: per theme, those of the first of its documents (milestone order) that
 * mentions the theme, each naming its document; the count is the period's.
 */
function periodExamples(step: EvolutionStep, members: readonly string[], byId: ReadonlyMap<string, DocumentResult>, model: ReportModel): string[] {
  const out = ['', `**${escapeMarkdown(dateCell(step))}**: ${escapeMarkdown(step.document.title)}`, ''];
  for (const theme of model.codebook.themes.map((t) => t.id)) {
    const count = step.themes.find((t) => t.theme === theme)?.count ?? 0;
    if (count === 0) {
      out.push(`- ${escapeMarkdown(theme)}: no mentions.`);
      continue;
    }
    out.push(
      `- ${escapeMarkdown(theme)}: ${formatInteger(count)} mentions (${escapeMarkdown(`evidence.csv: the documents of ${dateCell(step)}, theme=${theme}`)})`,
    );
    for (const id of members) {
      const result = byId.get(id);
      const places = result ? evidencePlaces(result) : [];
      const indexes: number[] = [];
      for (let index = 0; index < places.length; index++) if (places[index]!.theme === theme) indexes.push(index);
      if (indexes.length === 0) continue;
      const picked = pickExampleIndexes(
        indexes.map((index) => places[index]!),
        EXAMPLES,
      ).map((k) => indexes[k]!);
      for (const e of evidenceRowsAt(result!, picked))
        out.push(`  - ${escapeMarkdown(id)}, ${formatLocation(e)}, ${escapeMarkdown(e.code)}: ${formatExcerpt(e)}`);
      break;
    }
  }
  return out;
}
