import type { Diagnostic } from '../types.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import type { CorpusRow } from './corpus-row.ts';

/**
 * The problems `policycoder corpus --check` fails on: documents not in corpus.yaml, documents
 * without a date (evolution orders milestones by date), unknown series, two files with the same
 * content, two documents with the same id, and documents whose text could not be extracted.
 *
 * Unknown series: corpus.yaml has no list of series, so a series is "unknown" when only one
 * document uses it and its name is close to another series' name (a typo such as `shenzen`,
 * an error). A series used by one document with no near neighbour is a warning: it is valid,
 * but a series of one milestone shows no change.
 */
export function checkCorpus(rows: readonly CorpusRow[], corpusYaml: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (row: CorpusRow) => (row.listed && row.position ? { file: corpusYaml, ...row.position } : { file: row.file });
  const bySeries = new Map<string, CorpusRow[]>();
  for (const row of rows) if (row.series !== undefined) bySeries.set(row.series, [...(bySeries.get(row.series) ?? []), row]);
  const firstBySha = new Map<string, CorpusRow>();
  const firstById = new Map<string, CorpusRow>();

  for (const row of rows) {
    if (!row.listed) {
      diagnostics.push({
        severity: 'error',
        rule: 'corpus/not-listed',
        message: `${row.file} is not described in corpus.yaml; it is analysed with id "${row.id}", no date and no series.`,
        file: row.file,
        hint: `Register it with \`policycoder add ${row.file} --date YYYY-MM-DD --series NAME\`, or add an entry to corpus.yaml by hand.`,
      });
    } else if (row.date === undefined) {
      diagnostics.push({
        severity: 'error',
        rule: 'corpus/missing-date',
        message: `Document "${row.id}" has no date, so it cannot be placed in its series' order.`,
        ...at(row),
        hint: 'Add `date: YYYY-MM-DD` (or YYYY-MM, or YYYY) to its entry.',
      });
    }
    const series = row.series;
    if (series !== undefined && bySeries.get(series)!.length === 1) {
      const others = [...bySeries.keys()].filter((name) => name !== series && bySeries.get(name)!.length > 1);
      const suggestion = didYouMean(series, others);
      diagnostics.push({
        severity: suggestion ? 'error' : 'warning',
        rule: suggestion ? 'corpus/unknown-series' : 'corpus/single-document-series',
        message: suggestion
          ? `Series "${series}" is used only by "${row.id}" and looks like a misspelling.`
          : `Series "${series}" has only one document ("${row.id}"), so the evolution report shows no change for it.`,
        ...at(row),
        hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Add the series\' other milestones, or leave it: a series may start with one document.',
      });
    }
    const sameContent = firstBySha.get(row.sha256);
    if (sameContent) {
      diagnostics.push({
        severity: 'error',
        rule: 'corpus/duplicate-content',
        message: `${row.file} has the same content as ${sameContent.file}; it would be counted twice.`,
        file: row.file,
        hint: 'Delete one of the two copies.',
      });
    } else firstBySha.set(row.sha256, row);
    const sameId = firstById.get(row.id);
    if (sameId) {
      diagnostics.push({
        severity: 'error',
        rule: 'corpus/duplicate-id',
        message: `Document id "${row.id}" is used by ${sameId.file} and ${row.file}; the second is not analysed.`,
        ...at(row),
        hint: 'Give each document its own `id` in corpus.yaml.',
      });
    } else firstById.set(row.id, row);
    if (row.words === null) {
      diagnostics.push({
        severity: 'error',
        rule: 'corpus/unreadable-document',
        message: `The text of ${row.file} could not be extracted (${row.problems.join(', ') || 'unknown reason'}); it would fail in every run.`,
        file: row.file,
        hint: 'See the message above for the cause; fix or remove the file.',
      });
    }
  }
  return diagnostics;
}
