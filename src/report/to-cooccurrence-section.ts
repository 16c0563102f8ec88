import type { CooccurrenceRow, DocumentResult, EvidenceRow, ReportModel } from '../types.ts';
import { evidenceRows } from './evidence-rows.ts';
import { formatInteger, formatRate } from './format-number.ts';
import { formatExcerpt, formatLocation } from './format-excerpt.ts';
import { escapeMarkdown, header, row } from './markdown-table.ts';
import { pushAll } from '../text/push-all.ts';
import { seriesTitle } from './series-title.ts';
import { oneParagraphWarning } from './result-warnings.ts';

const ratio = (x: number | null) => (x === null ? '-' : formatRate(x));

/**
 * Per series: the totals for every pair of themes within paragraphs and within sentences, each
 * document's paragraph counts, and one sentence per pair where both themes are mentioned.
 */
export function toCooccurrenceSection(model: ReportModel): string[] {
  const out = [
    '## Co-occurrence of themes',
    '',
    'A unit (paragraph or sentence) holds a theme when at least one counted mention of the theme lies in it. ' +
      '"Both" counts units holding both themes; Jaccard = both / (units with A + units with B - both); ' +
      'obs/exp = both x units / (units with A x units with B): 1 = together as often as chance, below 1 = less. ' +
      'Per-document rows for both units are in cooccurrence.csv.',
  ];
  const oneParagraph = oneParagraphWarning(model.diagnostics);
  if (oneParagraph) out.push('', `**Paragraph figures:** ${escapeMarkdown(oneParagraph)} Read the sentence rows instead.`);
  const table = model.cooccurrence;
  for (const name of table.series) {
    const totals = table.rows(name, null);
    out.push('', `### ${escapeMarkdown(seriesTitle(name))}`, '');
    pushAll(out, totalsTable(totals));
    const documents = table.documents(name);
    const pairs = totals.filter((r) => r.unit === 'paragraph');
    if (pairs.length > 0 && documents.length > 0) {
      out.push('', 'Paragraphs holding both themes, per document (of all its paragraphs):', '');
      pushAll(out, header(['Document', 'Paragraphs:', ...pairs.map((p) => `${escapeMarkdown(`${p.themeA} + ${p.themeB}`)}:`)]));
      for (const document of documents) {
        // Rows in the order of `pairs`: the same pairs, paragraphs first.
        const own = table.rows(name, document, 'paragraph');
        out.push(row([document, formatInteger(own[0]?.units ?? 0), ...own.map((r) => formatInteger(r.both))]));
      }
    }
    out.push('', 'One sentence per pair where both themes are mentioned (first in milestone and text order):', '');
    pushAll(out, sentenceExamples(pairs, documents, model));
  }
  if (table.series.length === 0) out.push('', 'No co-occurrence: no documents, or fewer than two themes.');
  return out;
}

function totalsTable(rows: readonly CooccurrenceRow[]): string[] {
  const out = header([
    'Theme A',
    'Theme B',
    'Paragraphs both:',
    'A:',
    'B:',
    'Of:',
    'Jaccard:',
    'Obs/exp:',
    'Sentences both:',
    'A:',
    'B:',
    'Of:',
    'Jaccard:',
    'Obs/exp:',
  ]);
  for (const p of rows.filter((r) => r.unit === 'paragraph')) {
    const s = rows.find((r) => r.unit === 'sentence' && r.themeA === p.themeA && r.themeB === p.themeB);
    const cells = (r: CooccurrenceRow | undefined) =>
      r
        ? [formatInteger(r.both), formatInteger(r.aUnits), formatInteger(r.bUnits), formatInteger(r.units), ratio(r.jaccard), ratio(r.obsExp)]
        : ['-', '-', '-', '-', '-', '-'];
    out.push(row([p.themeA, p.themeB, ...cells(p), ...cells(s)]));
  }
  return out;
}

function sentenceExamples(pairs: readonly CooccurrenceRow[], documents: readonly string[], model: ReportModel): string[] {
  const out: string[] = [];
  const sentences = findSentences(pairs, documents, model.results);
  for (const [k, pair] of pairs.entries()) {
    const found = sentences[k];
    if (!found) {
      out.push(`- ${escapeMarkdown(`${pair.themeA} + ${pair.themeB}`)}: never in the same sentence.`);
      continue;
    }
    const [a, b] = found;
    out.push(
      `- ${escapeMarkdown(`${pair.themeA} + ${pair.themeB}`)}: ${escapeMarkdown(a.document)} ${formatLocation(a)}, sentence ${a.sentence}: ${formatExcerpt(a)} ` +
        `(${escapeMarkdown(pair.themeB)}: "${escapeMarkdown(b.matched)}")`,
    );
  }
  return out;
}

type SentencePair = [EvidenceRow, EvidenceRow];

/**
 * Per pair, from the first document (in `documents` order) that has one: the first mention of
 * theme A in text order whose sentence mentions theme B, and B's first mention there. Each
 * document's rows are made once for all pairs, and no more documents are read once all are found.
 */
function findSentences(pairs: readonly CooccurrenceRow[], documents: readonly string[], results: readonly DocumentResult[]): Array<SentencePair | undefined> {
  const byId = new Map(results.map((result) => [result.meta.id, result]));
  const found = new Array<SentencePair | undefined>(pairs.length).fill(undefined);
  let missing = pairs.length;
  for (const document of documents) {
    if (missing === 0) break;
    const result = byId.get(document);
    const rows = result ? evidenceRows(result) : [];
    if (rows.length === 0) continue;
    for (const [k, pair] of pairs.entries()) {
      if (found[k]) continue;
      found[k] = findSentence(pair.themeA, pair.themeB, rows);
      if (found[k]) missing--;
    }
  }
  return found;
}

function findSentence(themeA: string, themeB: string, rows: readonly EvidenceRow[]): SentencePair | undefined {
  const bySentence = new Map<number, EvidenceRow>();
  for (const row of rows) if (row.theme === themeB && !bySentence.has(row.sentence)) bySentence.set(row.sentence, row);
  for (const row of rows) {
    const partner = row.theme === themeA ? bySentence.get(row.sentence) : undefined;
    if (partner) return [row, partner];
  }
  return undefined;
}
