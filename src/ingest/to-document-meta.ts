import path from 'node:path';
import type { DocumentMeta, SourceFile } from '../types.ts';
import type { CorpusEntry } from './read-corpus-metadata.ts';

/** The id a document gets when corpus.yaml gives none: its file name without the extension. */
export function defaultDocumentId(relPath: string): string {
  const name = path.posix.basename(relPath);
  const extension = path.posix.extname(name);
  return extension.length > 0 && extension.length < name.length ? name.slice(0, -extension.length) : name;
}

/**
 * The year in a file name: a leading `YYYY` (`2018-shenzhen-plan.txt`, `2018_x.md`, `2018.txt`),
 * else the first standalone 19xx/20xx (`gwr_2016.txt`, `plan-2010-2020.pdf` -> 2010).
 */
export function yearFromFileName(relPath: string): number | undefined {
  const name = path.posix.basename(relPath);
  const match = /^(\d{4})(?![0-9A-Za-z])/.exec(name) ?? /(?<![0-9A-Za-z])((?:19|20)\d{2})(?![0-9A-Za-z])/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * The metadata of one document: what corpus.yaml says wins; otherwise id = file name without
 * extension, title = id, year from the file name (see yearFromFileName). With a date, the year is
 * always the date's year.
 */
export function toDocumentMeta(source: SourceFile, entry: CorpusEntry | undefined): DocumentMeta {
  const given = entry?.meta ?? {};
  const id = given.id ?? defaultDocumentId(source.relPath);
  const meta: DocumentMeta = { id, title: given.title ?? id };
  if (given.date !== undefined) {
    meta.date = given.date;
    meta.year = Number(given.date.slice(0, 4));
  } else {
    const year = given.year ?? yearFromFileName(source.relPath);
    if (year !== undefined) meta.year = year;
  }
  if (given.issuer !== undefined) meta.issuer = given.issuer;
  if (given.level !== undefined) meta.level = given.level;
  if (given.series !== undefined) meta.series = given.series;
  if (given.language !== undefined) meta.language = given.language;
  return meta;
}
