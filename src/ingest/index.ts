/** The ingest stage: find documents, read their metadata and extract their text. */
export { checkCorpusEntries, toUnmatchedInputs } from './check-corpus-entries.ts';
export { DEFAULT_MAX_FILE_BYTES, discoverSources, formatOf } from './discover-sources.ts';
export type { DiscoveredSources, DiscoverOptions } from './discover-sources.ts';
export { extractText } from './extract-text.ts';
export type { ExtractOptions, ExtractResult } from './extract-text.ts';
export { EXTRACTOR_VERSION } from './read-pdf-text.ts';
export { CORPUS_YAML, readCorpusMetadata } from './read-corpus-metadata.ts';
export type { CorpusEntry, CorpusMetadata } from './read-corpus-metadata.ts';
export type { RefusedEntry } from './parse-corpus-entry.ts';
export { DOCX_EXTRACTOR_VERSION } from './read-docx-text.ts';
export { toDocumentMeta } from './to-document-meta.ts';
