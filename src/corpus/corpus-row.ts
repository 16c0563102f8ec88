import type { BoilerplateRemoval } from '../types.ts';

/** One document as `policycoder corpus` shows it. */
export interface CorpusRow {
  id: string;
  /** Path relative to the corpus folder. */
  file: string;
  title: string;
  date?: string;
  year?: number;
  series?: string;
  level?: string;
  language?: string;
  /** True when the language was guessed from the text, not given in corpus.yaml. */
  languageGuessed: boolean;
  /** Null when the text could not be extracted. */
  words: number | null;
  pages: number | null;
  /** PDFs: whether the extracted text was cached before this run; null for other formats. */
  cached: boolean | null;
  /** True when corpus.yaml has an entry for the file. */
  listed: boolean;
  /** Where the entry's `file:` is written in corpus.yaml. */
  position?: { line: number; column: number };
  sha256: string;
  /** Rule ids of the extraction's errors and warnings (`ingest/pdf-no-text`, ...). */
  problems: string[];
  /** What each boilerplate rule that applies to the document removed (absent: no rule applies). */
  boilerplate?: BoilerplateRemoval[];
  /** `number:` of the corpus.yaml entry (the document's official number). */
  number?: string;
  /** `source:` of the corpus.yaml entry (where the file comes from). */
  source?: string;
}
