/**
 * The shared vocabulary of the pipeline. Stages exchange only these records:
 * discover -> extract -> tokenize -> match -> aggregate -> report.
 */

// ---------------------------------------------------------------- diagnostics

export type Severity = 'error' | 'warning' | 'info';

/** One problem, attached to the file it concerns (vfile/ESLint style). */
export interface Diagnostic {
  severity: Severity;
  /** Stable rule id, e.g. `codebook/unknown-key`, `ingest/pdf-no-text`. */
  rule: string;
  /** What happened, in one sentence. */
  message: string;
  /** Path of the file concerned, relative to the working directory where possible. */
  file?: string;
  /** 1-based line and column (YAML and text positions). */
  line?: number;
  column?: number;
  /** How to fix it. */
  hint?: string;
}

/** A 1-based position in a source file (codebook YAML, corpus.yaml). */
export interface SourcePosition {
  line: number;
  column: number;
}

// ---------------------------------------------------------------- ingest

/** `html` covers .html, .htm and .xhtml files. */
export type SourceFormat = 'txt' | 'md' | 'pdf' | 'html' | 'docx';

export interface DocumentMeta {
  /** Unique id used in every output (from corpus.yaml, else the file name without extension). */
  id: string;
  title: string;
  /** As given: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date?: string;
  year?: number;
  issuer?: string;
  /** `national`, `local`, ... */
  level?: string;
  series?: string;
  /** `en`, `zh`, ... */
  language?: string;
  /** `detected` when `language` was guessed from the text (text/detect-language.ts), not given in corpus.yaml. */
  languageSource?: 'metadata' | 'detected';
}

/** A discovered input file. */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the corpus folder, with `/` separators. */
  relPath: string;
  format: SourceFormat;
  bytes: number;
  sha256: string;
}

/** Character range `[start, end)` of one PDF page inside `CorpusDocument.text`. */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

/** The text a file yields, before metadata is attached. */
export interface ExtractedText {
  /** NFC-normalised, `\n` line endings, no BOM. */
  text: string;
  /** Page ranges for paged formats (PDF); empty otherwise. */
  pages: PageSpan[];
}

export interface CorpusDocument {
  meta: DocumentMeta;
  source: SourceFile;
  text: string;
  pages: PageSpan[];
}

/** What happened to one discovered input: every file is accounted for. */
export interface InputRecord {
  relPath: string;
  format: SourceFormat;
  bytes: number;
  sha256: string;
  /** `excluded`: found, but left out by the corpus's include/exclude patterns (never read). */
  status: 'analysed' | 'failed' | 'excluded';
  documentId?: string;
  /** Why it failed or was excluded. */
  reason?: string;
  /** For analysed inputs: what each boilerplate rule removed before counting (rules that removed nothing included). */
  boilerplate?: BoilerplateRemoval[];
}

// ---------------------------------------------------------------- corpus selection and boilerplate

/** A glob pattern of corpus.yaml (with its position) or of the command line (no position). */
export interface GlobPattern {
  glob: string;
  position?: SourcePosition;
}

/** Which files of the corpus folder are documents of this run (corpus.yaml and `--include`/`--exclude`). */
export interface CorpusSelection {
  /** Each list narrows the selection: a file is kept only if it matches a pattern of every list (corpus.yaml's, the command line's). */
  include: GlobPattern[][];
  /** A file matching any of these is excluded. */
  exclude: GlobPattern[];
  /** Follow symbolic links that lead outside the corpus folder (`--allow-outside-links`). */
  allowOutsideLinks?: boolean;
}

/**
 * A rule that removes text that is not the document (a licence footer, a database's citation
 * header, page furniture) before counting. Rules work on whole lines; a marker is literal text
 * that a line starts with (leading whitespace ignored).
 */
export type BoilerplateRule = {
  name: string;
  /** Where the rule is written in corpus.yaml. */
  position: SourcePosition;
  /** `corpus`: top-level `boilerplate:`; `document`: inside one document's entry. */
  scope: 'corpus' | 'document';
  /** Corpus-wide rules: the documents it applies to (globs); absent: every document. */
  files?: GlobPattern[];
} & ({ drop: 'from' | 'until'; marker: string; plusLines: number } | { drop: 'lines'; pattern: string } | { drop: 'between'; start: string; end: string });

/** What one boilerplate rule removed from one document. */
export interface BoilerplateRemoval {
  rule: string;
  /** Characters removed, line breaks not counted. */
  characters: number;
  lines: number;
  /** Words (the denominator's rule) in the removed text. */
  words: number;
}

// ---------------------------------------------------------------- tables (`policycoder add TABLE`)

/** One cell of a table: text, a number, a boolean, a date cell (as `YYYY-MM-DD`), or empty. */
export type TableValue = string | number | boolean | { date: string } | null;

export interface TableRow {
  /** The row a spreadsheet program shows: the sheet row (xlsx), the record with the header as row 1 (CSV), the line (JSONL). */
  number: number;
  /** Line of the file where the row starts (CSV, JSONL), for diagnostics. */
  line?: number;
  /** Cells in the order of `TableSheet.columns`. */
  cells: TableValue[];
}

export interface TableSheet {
  /** The sheet's name (xlsx); CSV and JSONL files have one sheet without a name. */
  name?: string;
  /** Header names, trimmed ('' for a column without one). */
  columns: string[];
  /** Rows below the header that have at least one value. */
  rows: TableRow[];
  /** Rows below the header without any value (not counting the empty rows after the last one). */
  blankRows: number;
  /** Rows that could not be read (JSONL lines that are not a JSON object; the row where a CSV quote never closes). */
  unreadableRows: number[];
}

export interface Table {
  format: 'xlsx' | 'csv' | 'jsonl';
  sheets: TableSheet[];
}

/** A row of a table read as a document: its text and the metadata its mapped columns give. */
export interface TableRecord {
  /** Sheet name (xlsx only). */
  sheet?: string;
  /** `TableRow.number`. */
  row: number;
  line?: number;
  /** The text cell as written ('' when empty). */
  text: string;
  id?: string;
  title?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  /** The date cell as written, when it is not empty and not a date. */
  unreadableDate?: string;
  issuer?: string;
  level?: string;
  series?: string;
  language?: string;
}

// ---------------------------------------------------------------- text

export type TokenKind = 'word' | 'cjk' | 'symbol';

/** The whitespace between a token and the one before it. */
export type GapBefore = 'none' | 'space' | 'line' | 'paragraph';

/**
 * A lossless token: `text.slice(start, end)` is exactly what the document says.
 * `norm` is the matching form: full-width ASCII folded, lower-cased.
 */
export interface Token {
  start: number;
  end: number;
  kind: TokenKind;
  norm: string;
  gap: GapBefore;
}

/**
 * A text's tokens as parallel arrays, token `i` at index `i` of each: no object per token, as a
 * document has tens of thousands. `tokensOf` (text/tokenize.ts) lists them as `Token`s, `normAt`
 * gives one token's norm.
 */
export interface TokenizedText {
  /** The document text, unchanged. */
  text: string;
  /** `text` with full-width ASCII folded to ASCII; same length and offsets as `text`. */
  folded: string;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** `TOKEN_KINDS` index of each token's kind. */
  kinds: Uint8Array;
  /** `GAPS` index of the gap before each token. */
  gaps: Uint8Array;
  /**
   * Each token's norm, or '' for a plain-ASCII word, whose norm (the word lower-cased) is made
   * only when asked for (`normAt`): most words match no term and never need it.
   */
  norms: string[];
  /** For those ASCII words, `hashOfNorm` of the norm, so the matcher finds its cached candidates without it; else 0. */
  hashes: Int32Array;
  /**
   * Words broken by a hyphen at a line end (`low-` / `carbon`): token index -> its text without
   * the hyphen and the line break (`lowcarbon`), which a term may match as well as `low-carbon`.
   */
  unhyphenated?: Map<number, string> | undefined;
}

/** How CJK text counts towards the `words` denominator. */
export type CjkWordRule = 'icu' | 'characters';

// ---------------------------------------------------------------- codebook

/**
 * How a term's value is interpreted, word by word over consecutive tokens:
 * `glob` (`*` any run, `?` one character, over a whole token), `exact` (no wildcards),
 * `regex` (a JavaScript regular expression searched in each token, as quanteda's `regex`),
 * `stem` (same Porter stem), `lemma` (same dictionary form, via compromise).
 */
export type TermKind = 'glob' | 'exact' | 'regex' | 'stem' | 'lemma';

export interface Term {
  /** The value as the coder wrote it. */
  value: string;
  kind: TermKind;
  caseSensitive: boolean;
  /** Language group the term was listed under (`en`, `zh`), if any. */
  language?: string;
  /** Weight of each match in weighted scores (default 1); counts are never weighted. */
  weight?: number;
  /**
   * `word`: a match whose start or end falls inside a word of ICU word segmentation is not counted
   * (rule `boundary`), e.g. 民意 inside 农民|意愿. Opt-in: counts of such a term depend on the ICU version.
   */
  boundary?: 'word';
  position?: SourcePosition;
}

/** Context rules of a code: matches they reject are kept as evidence, not counted. */
export interface CodeRules {
  /** Values (words, globs, phrases) that cancel any match of the code overlapping them (`smart*` but not `smartphone`). */
  except?: Term[];
  /** A match is not counted when a cue ends at most `window` tokens before it in the same sentence. */
  negation?: { window: number; cues: Term[] };
  /** A match counts only with one of `terms` within `window` tokens, or in the same sentence or paragraph. */
  near?: { terms: Term[]; window?: number; within?: 'sentence' | 'paragraph' };
}

export interface Code {
  id: string;
  label: string;
  definition?: string;
  include?: string;
  exclude?: string;
  examples?: string[];
  /** Sentences the code must NOT match (checked by `policycoder lint`). */
  nonExamples?: string[];
  /** Where each item of `examples` is written (same order), for self-test diagnostics. */
  examplePositions?: SourcePosition[];
  /** Where each item of `nonExamples` is written (same order). */
  nonExamplePositions?: SourcePosition[];
  terms: Term[];
  rules?: CodeRules;
  /** The code's measured precision and recall as the codebook records them (`validation:`). */
  validation?: CodeValidation;
  position?: SourcePosition;
}

/** A proportion measured on a sample: its estimate, 95% interval and the sample size behind it. */
export interface MeasuredRate {
  estimate: number;
  low: number;
  high: number;
  n: number;
}

/** Who measured a codebook's validity, when, how, and on which sheets (top-level `validation:`). */
export interface ValidationProvenance {
  coder?: string;
  date?: string;
  method?: string;
  corpus?: string;
  precisionSheet?: string;
  recallSheet?: string;
}

/** A code's `validation:` record, checked against the code as it is now. */
export interface CodeValidation {
  precision?: MeasuredRate;
  recall?: MeasuredRate;
  /** Where the code's figures were measured differently from the codebook's `validation:` (a later re-measurement). */
  coder?: string;
  date?: string;
  precisionSheet?: string;
  recallSheet?: string;
  /** What the figures do not show, e.g. a known weakness. */
  note?: string;
  /** The fingerprint of the code's terms and rules when it was measured, as written (`terms_sha256`). */
  measuredTermsSha256?: string;
  /** The fingerprint of the code's terms and rules as they are now (codeTermsFingerprint). */
  currentTermsSha256: string;
  position?: SourcePosition;
}

export interface Theme {
  id: string;
  label: string;
  description?: string;
  codes: Code[];
  position?: SourcePosition;
}

/** Where a codebook came from: native or quanteda YAML, LIWC `.dic`, LIWC-22 `.dicx`, WordStat `.cat`. */
export type CodebookFormat = 'native' | 'quanteda' | 'liwc' | 'liwc22' | 'wordstat';

export interface Codebook {
  name: string;
  format: CodebookFormat;
  /** Path as given by the user. */
  path: string;
  sha256: string;
  themes: Theme[];
  /** How the codes' recorded precision and recall were measured (native format only). */
  validation?: ValidationProvenance;
}

// ---------------------------------------------------------------- match

/** One counted occurrence of a code's term in a document. */
export interface Match {
  /** Index into the compiled codebook's flat code list. */
  codeIndex: number;
  /** Index into that code's `terms`. */
  termIndex: number;
  /** Character range in the document text. */
  start: number;
  end: number;
  /** Token range `[firstToken, endToken)`. */
  firstToken: number;
  endToken: number;
}

/** A match a context rule rejected, kept so a reviewer can see what the rule removed. */
export interface ExcludedMatch extends Match {
  rule: 'boundary' | 'except' | 'negation' | 'near';
  /** What triggered the rule: the exception or cue text found, or the missing near-terms. */
  reason: string;
}

// ---------------------------------------------------------------- aggregate

export interface TermCount {
  term: string;
  count: number;
}

export interface CodeCount {
  theme: string;
  code: string;
  count: number;
  /** Terms that matched, most frequent first, ties by term. */
  terms: TermCount[];
}

export interface DocumentResult {
  meta: DocumentMeta;
  source: SourceFile;
  /** The denominator: word tokens plus CJK words under the run's rule. */
  words: number;
  /** Number of CJK characters in the text (reported so readers can convert). */
  cjkCharacters: number;
  pages: number;
  /** One entry per code in codebook order, zeros included. */
  codes: CodeCount[];
  /** One row per counted match, in text order (ties in codebook order): `evidence.csv`. */
  evidence?: EvidenceRow[];
  /** The same rows held compactly instead (results from worker threads, where there are millions of rows). */
  compactEvidence?: CompactEvidence;
  /** Matches that context rules removed (not counted), in text order: `excluded.csv`. */
  excluded?: ExcludedEvidenceRow[];
  /** How many sentences and paragraphs the text has (the co-occurrence denominators). */
  units?: TextUnitCounts;
  /** What each boilerplate rule applied to this document removed before counting. */
  boilerplate?: BoilerplateRemoval[];
  /** Its theme co-occurrence counts (analyze/build-cooccurrence.ts `countDocumentCooccurrence`), when worked out as it was analysed. */
  cooccurrence?: Float64Array;
  /** Terms that look case-sensitive (`US`) but match any case: how their matches were written. Absent when none matched. */
  caseVariants?: CaseVariantCount[];
}

/** How the matches of a term that looks case-sensitive (`US`, `AI`) but is matched case-insensitively were written. */
export interface CaseVariantCount {
  theme: string;
  code: string;
  term: string;
  /** Matches written as the term is. */
  asWritten: number;
  /** Matches in another case (`us` for `US`). */
  otherCase: number;
  /** The first match in another case, as written in the text. */
  example?: string;
}

export interface ThemeTotal {
  theme: string;
  count: number;
  words: number;
  per1000: number;
  /** Exact 95% Poisson interval of `per1000` (`attachRateIntervals`); absent until attached. */
  per1000Low?: number;
  per1000High?: number;
}

export interface EvolutionStep {
  document: DocumentMeta;
  words: number;
  /** The decimal year of the milestone's date or year (analyze/decimal-year.ts), for a time axis; absent when undated or not computed. */
  time?: number;
  themes: Array<
    ThemeTotal & {
      /** Change in rate per 1,000 words from the previous milestone; null for the first. */
      changePer1000: number | null;
      /** Relative change (0.25 = +25%); null for the first or when the previous rate was 0. */
      changeRelative: number | null;
      topTerms: TermCount[];
      /** This theme's share of all coded mentions in the document (0 when there are none). */
      share?: number;
      /** Log-likelihood test of the change from the previous milestone; null for the first. */
      test?: ChangeTest | null;
    }
  >;
  /** Id of the previous milestone in the series; absent for the first. */
  previous?: string;
  /** A milestone that pools a period: the ids of its documents, in milestone order (`document` is then the period). */
  members?: string[];
  /** The same measures per code, in codebook order. */
  codes?: CodeStep[];
  /** Terms counted here but not in the previous milestone, and the reverse (at most TERM_LIST_LIMIT each). */
  appeared?: TermShift[];
  vanished?: TermShift[];
  /** The terms counted here or in the previous milestone, tested against it, highest G2 first (at most TERM_LIST_LIMIT). */
  keyness?: KeynessTerm[];
  /** How many terms the three lists above would hold without the limit, and how many of the tested have G2 > 0. */
  termTotals?: TermTotals;
}

/** A milestone's lists of terms keep this many entries: a 10,000-term codebook would otherwise list thousands per milestone. */
export const TERM_LIST_LIMIT = 100;

/**
 * The most terms a report cell lists before "... (n more)" (report.html 12, report.md and
 * evolution.md 8): an evolution made only for those reports keeps no more of each list.
 */
export const CELL_TERM_LIMIT = 12;

export interface TermTotals {
  appeared: number;
  vanished: number;
  /** Terms tested for keyness (counted here or in the previous milestone). */
  tested: number;
  /** Of those, the ones with G2 > 0 (a rate that differs from the previous milestone's). */
  key: number;
}

/** The series of documents that have none in corpus.yaml (reported last). */
export const NO_SERIES = '(no series)';

/** What a milestone of a series is: one document, or every document of a year, quarter or month pooled (`--period`). */
export type Period = 'year' | 'quarter' | 'month' | 'document';

export interface SeriesEvolution {
  series: string;
  steps: EvolutionStep[];
  /** Set when the milestones are periods (each step's `members` are its documents); absent when they are documents. */
  period?: Exclude<Period, 'document'>;
  /** The trend over the whole series per theme, then per code (`buildTrends`); absent when not computed. */
  trends?: TrendTest[];
  /** Years missing among the series' yearly documents (`findSeriesGaps`). */
  gaps?: number[];
  /** How many change tests (themes and codes) the series has: for a multiple-comparison correction. */
  tests?: number;
}

// ---------------------------------------------------------------- evidence, statistics, report

/** One counted match with where it is and what surrounds it: a row of `evidence.csv`. */
export interface EvidenceRow {
  document: string;
  theme: string;
  code: string;
  /** The codebook term as written. */
  term: string;
  /** Exactly `text.slice(start, end)`. */
  matched: string;
  /** UTF-16 offsets into the extracted text. */
  start: number;
  end: number;
  /** 1-based PDF page; null for formats without pages. */
  page: number | null;
  /** 1-based line and column (code units) in the extracted text. */
  line: number;
  column: number;
  /** 1-based sentence and paragraph numbers within the document. */
  sentence: number;
  paragraph: number;
  /** Whitespace-collapsed context inside the sentence, cut to the context width (`…` marks a cut). */
  left: string;
  right: string;
}

/**
 * A document's evidence rows without an object per row: its lines of `evidence.csv`, ready to write,
 * and the rows as objects only when asked for, one document at a time.
 */
export interface CompactEvidence {
  readonly count: number;
  /** The rows as lines of `evidence.csv`, each ending in `\n`, in UTF-8 pieces read when asked for. */
  csv(): Iterable<Uint8Array>;
  /** The rows in text order, made anew on each call: hold them only while they are used. */
  rows(): EvidenceRow[];
  /** Where each row is, without its texts (much cheaper than `rows`), in the same order. */
  places(): EvidencePlace[];
  /** The rows at these positions (in `rows()` order), in the order asked, without making the others. */
  rowsAt(indexes: readonly number[]): EvidenceRow[];
}

/** Which theme and code an evidence row counts for, where it starts, and the sentence and paragraph it lies in. */
export type EvidencePlace = Pick<EvidenceRow, 'theme' | 'code' | 'start' | 'sentence' | 'paragraph'>;

/** A match a context rule removed, where it is, and which rule removed it: a row of `excluded.csv`. */
export interface ExcludedEvidenceRow extends EvidenceRow {
  rule: ExcludedMatch['rule'];
  reason: string;
}

export interface TextUnitCounts {
  sentences: number;
  paragraphs: number;
}

/** Log-likelihood (G2) test of a change between two milestones: 2x2 of mentions vs other words. */
export interface ChangeTest {
  g2: number;
  /** Chi-square survival with 1 degree of freedom. */
  p: number;
  /** log2 of this rate over the previous rate, a zero count replaced by 0.5; null when both are 0. */
  logRatio: number | null;
  /** p < alpha (0.05), uncorrected. */
  significant: boolean;
  /** Benjamini-Hochberg q-value across all the run's tests (`assignQValues`); absent until assigned. */
  q?: number;
}

/** Which of a trend's models gave its test: Poisson, or quasi-Poisson when the counts are overdispersed. */
export type TrendModel = 'poisson' | 'quasi-poisson';

/**
 * The trend of one theme (or code) over a whole series: a log-linear Poisson regression of the
 * counts on time (decimal year) with log(words) as offset (analyze/test-trend.ts).
 */
/** The fit of one trend (analyze/test-trend.ts): null fields and a `reason` when there is no test. */
export interface TrendFit {
  model: TrendModel | null;
  /** Pearson chi-square / (documents - 2), and the chi-square p of the Poisson fit's goodness of fit (the overdispersion check). */
  dispersion: number | null;
  overdispersionP: number | null;
  /** exp(slope): the factor by which the rate changes per year, with its 95% confidence interval. */
  rateRatio: number | null;
  low: number | null;
  high: number | null;
  /** Wald z (Poisson) or t (quasi-Poisson, `df` = documents - 2) of the slope, and its two-sided p. */
  statistic: number | null;
  df: number | null;
  p: number | null;
  reason?: string;
}

export interface TrendTest extends TrendFit {
  series: string;
  theme: string;
  /** null for the theme's own trend. */
  code: string | null;
  /** Documents in the fit (dated, with words), the distinct calendar years among them, their first and last year. */
  documents: number;
  years: number;
  firstYear: number | null;
  lastYear: number | null;
  /** Documents of the series left out: no date or year, or no words. */
  leftOut: number;
  /** Mentions and words of the documents in the fit. */
  count: number;
  words: number;
  q?: number;
  /** Significant trends only: the trend refitted without each document (or year) in turn, the weakest refit. */
  influence?: TrendInfluence;
}

/** A significant trend's leave-one-out check (`checkTrendInfluence`). */
export interface TrendInfluence {
  /** What was left out in turn: each document, or each calendar year in a series of very many documents. */
  unit: 'document' | 'year';
  /** The document id (or year) whose leaving out weakens the trend most: no test, a flipped direction, else the largest p. */
  without: string;
  rateRatio: number | null;
  p: number | null;
  /** Without it the trend is not significant (its p above `cutoff`), changes direction, or has no test. */
  fragile: boolean;
  /** The largest p the run's Benjamini-Hochberg procedure flags (q < 0.05): the refit's p must not exceed it. */
  cutoff: number;
}

/** The metadata fields `--compare-by` can group documents by (those of corpus.yaml entries, and the year). */
export const COMPARE_FIELDS = ['id', 'title', 'date', 'year', 'issuer', 'level', 'series', 'language'] as const;
export type CompareField = (typeof COMPARE_FIELDS)[number];

/** `--compare-by FIELD` (every value against the rest) or `FIELD=VALUE` (that value only). */
export interface CompareBy {
  field: CompareField;
  value?: string;
}

/** The comparisons of one run (`buildComparisons`). */
export interface Comparisons {
  compareBy: CompareBy;
  /** Per group compared (values in code-unit order): its themes (theme order), then its codes (codebook order). */
  rows: GroupComparison[];
  /** Documents without a value for the field: on neither side of any comparison. */
  leftOut: number;
  /** Distinct values of the field among the documents. */
  groups: number;
}

/** One group of `--compare-by FIELD` against all other documents, for one theme (or code). */
export interface GroupComparison {
  field: string;
  group: string;
  theme: string;
  code: string | null;
  /** Documents, mentions and words in the group and in the rest. */
  documents: number;
  count: number;
  words: number;
  restDocuments: number;
  restCount: number;
  restWords: number;
  /** (count / words) / (restCount / restWords); null when undefined. */
  rateRatio: number | null;
  /** The deciding test's 95% interval and p (`test`): the quasi-Poisson test when it could be computed, else the exact one. */
  low: number | null;
  high: number | null;
  p: number | null;
  q?: number;
  /** Which test gives low, high, p and q; null when there is no test. */
  test: ComparisonTestKind | null;
  /** Exact conditional binomial test of equal rates on pooled counts (R's `poisson.test(c(a, b), c(n1, n2))`); null when there are no mentions on either side. */
  exactLow: number | null;
  exactHigh: number | null;
  exactP: number | null;
  /** Quasi-Poisson on document counts: Pearson X2 / (documents - 2), and the t test's df; null when not estimated. */
  dispersion: number | null;
  df: number | null;
  /** Why the quasi-Poisson test does not decide (`compareRatesQuasi`). */
  reason?: string;
  /** A one-document group: its document's rank by rate (1 = highest; ties share the best rank) among the `rankOf` documents with words. */
  rank?: number;
  rankOf?: number;
}

export type ComparisonTestKind = 'quasi-poisson' | 'exact-poisson';

/** A code's measures in one milestone (the theme entries of `EvolutionStep` carry the same). */
export interface CodeStep {
  theme: string;
  code: string;
  count: number;
  words: number;
  per1000: number;
  per1000Low?: number;
  per1000High?: number;
  share: number;
  changePer1000: number | null;
  changeRelative: number | null;
  test: ChangeTest | null;
  topTerms: TermCount[];
}

/** A term that appeared (count > 0, previous 0) or vanished (count 0, previous > 0). */
export interface TermShift {
  theme: string;
  code: string;
  term: string;
  count: number;
  previousCount: number;
}

/** A term's keyness in a milestone against the previous milestone of the series (the reference). */
export interface KeynessTerm extends TermShift {
  g2: number;
  p: number;
  logRatio: number | null;
}

export type CooccurrenceUnit = 'paragraph' | 'sentence';

/** Theme x theme co-occurrence within text units, for one document or summed over a series. */
export interface CooccurrenceRow {
  series: string;
  /** Document id; null for the series total. */
  document: string | null;
  unit: CooccurrenceUnit;
  themeA: string;
  themeB: string;
  /** Units holding at least one match of both themes. */
  both: number;
  aUnits: number;
  bUnits: number;
  units: number;
  /** both / (aUnits + bUnits - both); null when neither theme occurs. */
  jaccard: number | null;
  /** both * units / (aUnits * bUnits); null when either theme is absent. */
  obsExp: number | null;
}

/**
 * Theme x theme co-occurrence of every series, held as counts: the rows are made when asked for
 * (20,000 documents and 10 themes make 1.8 million).
 */
export interface CooccurrenceTable {
  /** Series in evolution order; none when the codebook has fewer than two themes. */
  readonly series: readonly string[];
  /** A series' documents in milestone order. */
  documents(series: string): readonly string[];
  /** One document's rows, or with `document` null the series totals: per unit (paragraph, then sentence; or `unit` only), per pair of themes a < b. */
  rows(series: string, document: string | null, unit?: CooccurrenceUnit): CooccurrenceRow[];
  /** Every row: per series, its documents' rows, then its totals. */
  allRows(): Iterable<CooccurrenceRow>;
}

/** Corpus-wide totals for the overview. */
export interface ReportOverview {
  documents: number;
  failedInputs: number;
  words: number;
  mentions: number;
  themes: Array<{ theme: string; count: number; share: number; per1000: number }>;
}

/** Everything a rendered report (`report.md`, `report.html`) shows, in one record. */
/** A series read from its first to its last milestone, per theme: the answer in one place. */
export interface SeriesFinding {
  series: string;
  from: DocumentMeta;
  to: DocumentMeta;
  milestones: number;
  /** Documents in the first and in the last milestone (1 unless milestones are periods). */
  fromDocuments?: number;
  toDocuments?: number;
  themes: Array<{
    theme: string;
    fromRate: number;
    toRate: number;
    fromShare: number;
    toShare: number;
    /** G2 test of the last milestone against the first; null when either has no words. */
    span: ChangeTest | null;
    /** Consecutive changes that were significant: q < alpha once q-values are assigned, else p < alpha. */
    significantSteps: Array<{ document: DocumentMeta; change: number; p: number; q?: number }>;
    /** The trend over the whole series (`buildTrends`), when computed. */
    trend?: TrendTest;
  }>;
}

export interface ReportModel {
  codebook: Codebook;
  /** Per series, first against last milestone for each theme. */
  findings?: SeriesFinding[];
  /** `--compare-by`: each group against the rest, per theme and code. */
  comparisons?: Comparisons;
  /** How many tests share the Benjamini-Hochberg adjustment (0 or absent: q-values not assigned). */
  adjustedTests?: number;
  /** Documents ordered by id, with their evidence. */
  results: DocumentResult[];
  overview: ReportOverview;
  evolution: SeriesEvolution[];
  cooccurrence: CooccurrenceTable;
  inputs: InputRecord[];
  diagnostics: Diagnostic[];
  settings: {
    cjkWords: CjkWordRule;
    /** Characters of context on each side of a match. */
    contextWidth: number;
    /** Significance level of the change tests. */
    alpha: number;
  };
}
