import type { Code, Codebook, Diagnostic } from '../types.ts';
import { hasErrors, sortDiagnostics } from '../diagnostics/render-diagnostic.ts';
import { readCodebook } from '../codebook/read-codebook.ts';
import { compileCodebook } from '../match/compile-codebook.ts';
import { findMatches } from '../match/find-matches.ts';
import { tokenize } from '../text/tokenize.ts';
import { segmentText } from '../text/segment-text.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { sampleKey } from '../validate/sample-key.ts';
import { StratifiedSample } from '../validate/draw-sample.ts';
import { toReviewSheetCsv } from '../validate/to-review-sheet-csv.ts';
import { splitUnits } from '../validate/split-units.ts';
import { sheetLine } from '../validate/format-stat.ts';
import type { ReviewItem } from '../validate/review-sheet.ts';
import { parseReviewSheet, type ReviewRow } from '../validate/parse-review-sheet.ts';
import { readFile } from 'node:fs/promises';
import { readCorpusDocuments } from './read-corpus-documents.ts';
import { type ReviewDocument, toReviewItem } from './to-review-item.ts';
import { writeSheetFile } from './write-sheet-file.ts';

export interface SampleOptions {
  corpusDir: string;
  codebookPath: string;
  cacheDir: string | null;
  /** The sheet to write. */
  outPath: string;
  /** Any text; the same seed, corpus and codebook give the same sheet. */
  seed: string;
  /** Matches drawn per code, or with `byTerm` per term. */
  perStratum: number;
  byTerm: boolean;
  /** Instead of matches: this many sentences, matched or not, as a gold file for `validate --gold`. */
  sentences?: number;
  /** Replace an existing sheet. */
  force: boolean;
  /** An earlier judged sheet: rows drawn again (same document, code and offsets, same text) keep their judgement and note. */
  judgedPath?: string;
}

export interface SampleOutcome {
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  summary?: string;
}

interface Candidate {
  key: string;
  document: number;
  start: number;
  end: number;
  termIndex: number;
}

/**
 * codebook + corpus -> every counted match -> per code (or term) the matches with the smallest
 * seeded keys (a uniform random sample) -> a review sheet. With `sentences`: a uniform sample of
 * the corpus's sentences as a gold file, for recall.
 */
export async function runSample(options: SampleOptions): Promise<SampleOutcome> {
  // Sentences are drawn without the codebook: the coder codes them blind.
  const { codebook, diagnostics: codebookDiagnostics } =
    options.sentences === undefined ? await readCodebook(options.codebookPath) : { codebook: undefined, diagnostics: [] };
  if (options.sentences === undefined && (!codebook || hasErrors(codebookDiagnostics)))
    return { exitCode: 2, diagnostics: sortDiagnostics(codebookDiagnostics) };
  const corpus = await readCorpusDocuments(options.corpusDir, { cacheDir: options.cacheDir });
  const diagnostics = [...codebookDiagnostics, ...corpus.diagnostics];
  if (corpus.failed || corpus.documents.length === 0) return { exitCode: 2, diagnostics: sortDiagnostics(diagnostics) };
  const documents: ReviewDocument[] = [];
  const seen = new Set<string>();
  let failed = 0;
  for (const document of corpus.documents) {
    diagnostics.push(...document.diagnostics);
    if (!document.extracted || seen.has(document.meta.id)) {
      failed++;
      continue;
    }
    seen.add(document.meta.id);
    const { text, pages } = document.extracted;
    documents.push({ id: document.meta.id, text, pages, segments: { paragraphs: [], sentences: [] } });
  }
  // Sampling must not depend on the order files are found in: documents by id.
  documents.sort((a, b) => compareCodeUnits(a.id, b.id));
  let earlier: Map<string, ReviewRow> | undefined;
  if (options.judgedPath !== undefined) {
    const read = await readJudged(options.judgedPath);
    diagnostics.push(...read.diagnostics);
    if (!read.rows) return { exitCode: 2, diagnostics: sortDiagnostics(diagnostics) };
    earlier = read.rows;
  }
  const drawn = codebook ? drawMatches(codebook, documents, options, earlier) : drawSentences(documents, options.sentences ?? 0, options.seed, options.outPath);
  const problem = await writeSheetFile(options.outPath, drawn.sheet, options.force);
  if (problem) return { exitCode: 2, diagnostics: sortDiagnostics([...diagnostics, problem]) };
  const unread = failed > 0 ? `; ${failed} document${failed === 1 ? '' : 's'} could not be read` : '';
  return { exitCode: failed > 0 || hasErrors(diagnostics) ? 1 : 0, diagnostics: sortDiagnostics(diagnostics), summary: `${drawn.summary}${unread}` };
}

function drawMatches(codebook: Codebook, documents: ReviewDocument[], options: SampleOptions, earlier?: ReadonlyMap<string, ReviewRow>) {
  const { compiled } = compileCodebook(codebook);
  const codes: Array<{ theme: string; code: Code }> = codebook.themes.flatMap((theme) => theme.codes.map((code) => ({ theme: theme.id, code })));
  const sample = new StratifiedSample<Candidate>(options.perStratum);
  let total = 0;
  documents.forEach((document, index) => {
    for (const match of findMatches(tokenize(document.text), compiled)) {
      const { theme, code } = codes[match.codeIndex]!;
      const key = sampleKey(options.seed, [document.id, `${theme}/${code.id}`, match.start, match.end]);
      const stratum = options.byTerm ? `${match.codeIndex}/${match.termIndex}` : `${match.codeIndex}`;
      sample.add(stratum, { key, document: index, start: match.start, end: match.end, termIndex: match.termIndex });
      total++;
    }
  });
  const items: ReviewItem[] = [];
  const short: string[] = [];
  let carried = 0;
  codes.forEach(({ theme, code }, codeIndex) => {
    const strata = options.byTerm ? code.terms.map((_, termIndex) => `${codeIndex}/${termIndex}`) : [`${codeIndex}`];
    for (const stratum of strata) {
      const found = sample.get(stratum);
      if (!options.byTerm && (found?.population ?? 0) < options.perStratum) short.push(`${theme}/${code.id} (${found?.population ?? 0})`);
      for (const candidate of found?.drawn ?? []) {
        const document = withSegments(documents[candidate.document]!);
        const drawnFrom = options.byTerm ? 'term' : 'code';
        const item = toReviewItem(items.length + 1, document, { theme, code, ...candidate, drawnFrom, population: found!.population });
        const before = earlier?.get(judgedKey(item.document, item.theme, item.code, item.start, item.end));
        if (before?.judgement && before.matched === item.matched) {
          item.judgement = before.judgement;
          item.note = before.note;
          carried++;
        }
        items.push(item);
      }
    }
  });
  const unit = options.byTerm ? 'term' : 'code';
  const fewer = short.length > 0 ? `; fewer than ${options.perStratum} matches, all taken: ${short.join(', ')}` : '';
  const kept = earlier
    ? `; ${carried} judgement${carried === 1 ? '' : 's'} carried over from ${options.judgedPath}, ${items.length - carried} row${items.length - carried === 1 ? '' : 's'} to judge`
    : '';
  return {
    sheet: toReviewSheetCsv(items),
    summary: `${items.length} of ${total} counted matches drawn (up to ${options.perStratum} per ${unit}, seed "${options.seed}") from ${documents.length} documents into ${options.outPath}${fewer}${kept}`,
  };
}

function judgedKey(document: string, theme: string, code: string, start: number, end: number): string {
  return [document, theme, code, start, end].join('\u0000');
}

/** The judged rows of an earlier sheet by match; undefined rows when it cannot be read. */
async function readJudged(file: string): Promise<{ rows?: Map<string, ReviewRow>; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return {
      diagnostics: [
        {
          severity: 'error',
          rule: 'review/unreadable',
          message: 'Cannot read the judged sheet.',
          file,
          hint: 'Pass an earlier sheet from policycoder sample with --judged FILE.',
        },
      ],
    };
  }
  const { rows, diagnostics } = parseReviewSheet(text, file);
  if (hasErrors(diagnostics.filter((d) => d.rule === 'review/missing-column'))) return { diagnostics };
  return {
    rows: new Map(rows.filter((row) => row.judgement !== null).map((row) => [judgedKey(row.document, row.theme, row.code, row.start, row.end), row])),
    diagnostics,
  };
}

/** Segments are found only for documents a drawn match lies in. */
function withSegments(document: ReviewDocument): ReviewDocument {
  if (document.segments.sentences.length === 0 && document.text.length > 0) document.segments = segmentText(document.text, document.pages);
  return document;
}

/** A uniform sample of the sentences that hold a letter or digit, as a gold file: `document,unit,code,text,note`, code left for the coder. */
function drawSentences(documents: readonly ReviewDocument[], count: number, seed: string, outPath: string) {
  const sample = new StratifiedSample<{ key: string; document: string; unit: number; text: string }>(count);
  for (const document of documents) {
    for (const unit of splitUnits(document.text, 'sentence', document.pages)) {
      const text = document.text.slice(unit.start, unit.end).replace(/\s+/g, ' ').trim();
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      sample.add('sentences', { key: sampleKey(seed, ['sentence', document.id, unit.index]), document: document.id, unit: unit.index, text });
    }
  }
  const found = sample.get('sentences');
  const rows = [...(found?.drawn ?? [])].sort((a, b) => compareCodeUnits(a.document, b.document) || a.unit - b.unit);
  let sheet = `\uFEFF${sheetLine(['document', 'unit', 'code', 'text', 'note'])}`;
  for (const row of rows) sheet += sheetLine([row.document, row.unit, '', row.text, '']);
  return {
    sheet,
    summary: `${rows.length} of ${found?.population ?? 0} sentences drawn (seed "${seed}") from ${documents.length} documents into ${outPath}; write each sentence's codes in \`code\` (one row per code, \`-\` for none), then run validate --gold`,
  };
}
