/** A reviewer's verdict on one sampled match: is it an instance of its code? */
export type Judgement = 'yes' | 'no' | 'unsure';

/** Which stratum a sheet row was drawn from: its code (`sample`) or its term (`sample --per-term`). */
export type Stratum = 'code' | 'term';

/** One sampled match as the review sheet shows it. */
export interface ReviewItem {
  id: number;
  document: string;
  page: number | null;
  line: number;
  theme: string;
  code: string;
  term: string;
  /** Exactly the matched text. */
  matched: string;
  /** The match's sentence, white space collapsed, the match marked 【like this】. */
  passage: string;
  /** The end of the sentence before and the start of the sentence after (same paragraph or not). */
  before: string;
  after: string;
  definition: string;
  include: string;
  exclude: string;
  /** Filled in by the reviewer (or carried over from an earlier sheet). */
  judgement: string;
  note: string;
  start: number;
  end: number;
  drawnFrom: Stratum;
  /** Counted matches in the stratum when the sample was drawn. */
  population: number;
}

/** The review sheet's columns, in order: what the reviewer reads first, the bookkeeping last. */
export const REVIEW_SHEET_COLUMNS = [
  'id',
  'document',
  'page',
  'line',
  'theme',
  'code',
  'term',
  'matched',
  'passage',
  'before',
  'after',
  'definition',
  'include',
  'exclude',
  'judgement',
  'note',
  'start',
  'end',
  'drawn_from',
  'population',
] as const;

/** Opening and closing marks around the match inside `passage`. */
export const MATCH_OPEN = '【';
export const MATCH_CLOSE = '】';
