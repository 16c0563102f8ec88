/** The ingest stage: find documents, read their metadata and extract their text. */
export { checkCorpusEntries } from './check-corpus-entries.ts';
export { discoverSources } from './discover-sources.ts';
export { extractText } from './extract-text.ts';
export type { ExtractOptions } from './extract-text.ts';
export { EXTRACTOR_VERSION } from './read-pdf-text.ts';
export { CORPUS_YAML, readCorpusMetadata } from './read-corpus-metadata.ts';
export type { CorpusEntry } from './read-corpus-metadata.ts';
export { toDocumentMeta } from './to-document-meta.ts';
