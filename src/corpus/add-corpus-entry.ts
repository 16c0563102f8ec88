import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/**
 * The yaml adapter for writing corpus.yaml. Entries are added through the yaml package's
 * Document API (parse, append a node to `documents`, stringify), so comments, blank lines, key
 * order and quoting of everything already there are kept byte for byte.
 */

/** The fields of a new `documents:` entry, in the order they are written. */
export interface NewCorpusEntry {
  file: string;
  id: string;
  title?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  issuer?: string;
  level?: string;
  series?: string;
  language?: string;
  /** Where the text came from when it was a row of a table (`policycoder add TABLE`). */
  provenance?: TableProvenance;
  /** End-of-line comments per field, e.g. `{ language: 'guessed from the text' }`; `file` is the entry's first line. */
  comments?: Partial<Record<'file' | 'date' | 'language', string>>;
}

/** The table file (its name and sha256), the sheet (xlsx) and the row (xlsx, CSV) or line (JSONL) a document was taken from. */
export interface TableProvenance {
  table: string;
  sha256: string;
  sheet?: string;
  row?: number;
  line?: number;
}

const KEYS = ['file', 'id', 'title', 'date', 'issuer', 'level', 'series', 'language'] as const;
const PROVENANCE_KEYS = ['table', 'sha256', 'sheet', 'row', 'line'] as const;

const HEADER = `# Corpus metadata for policycoder: one entry per document (paths relative to this folder).
# Written by \`policycoder add\`; edit freely, comments are kept. Format: see README.md.
`;

const STRINGIFY = { lineWidth: 0 } as const;
const LAYOUTS = [true, false].flatMap((indentSeq) => [false, true].map((flowCollectionPadding) => ({ indentSeq, flowCollectionPadding })));

/**
 * corpus.yaml text with `entry` appended to `documents` (created when the file is empty or
 * absent: `existing` = null). Returns a reason instead when the file cannot be extended without
 * rewriting what is there: YAML errors, a `documents` that is not a list, or a layout the yaml
 * package would not reproduce exactly.
 */
export function addCorpusEntry(existing: string | null, entry: NewCorpusEntry): { text: string } | { problem: string } {
  return addCorpusEntries(existing, [entry]);
}

/** `addCorpusEntry` for several entries at once, in order: one parse and one check of the file however many rows a table has. */
export function addCorpusEntries(existing: string | null, entries: readonly NewCorpusEntry[]): { text: string } | { problem: string } {
  const base = existing === null || existing === '' ? HEADER : existing.endsWith('\n') ? existing : `${existing}\n`;
  const doc = parseDocument(base);
  if (doc.errors.length > 0) return { problem: `corpus.yaml has YAML errors (${doc.errors[0]!.message.split('\n')[0]})` };
  // Only comments (or nothing): keep them and start the list below.
  if (doc.contents === null) return { text: `${base}${base.trim() === '' ? '' : '\n'}${toNewDocument(entries)}` };
  // The layout options under which the library writes the file back as it is (`[a, b]` or `[ a, b ]`, indented lists or not).
  const layout = LAYOUTS.find((option) => doc.toString({ ...STRINGIFY, ...option }) === base);
  if (layout === undefined) {
    return { problem: 'corpus.yaml uses a layout the yaml library would not reproduce exactly (e.g. a comment right after the last entry, flow style or unusual indentation)' };
  }
  const root = doc.contents;
  if (!isMap(root)) return { problem: 'corpus.yaml is not a mapping with a `documents:` list' };
  let documents = doc.get('documents', true);
  if (documents === undefined || documents === null || (isScalar(documents) && documents.value === null)) {
    documents = new YAMLSeq();
    doc.set('documents', documents);
  }
  if (!isSeq(documents) || documents.flow) return { problem: '`documents` in corpus.yaml is not a block list (`- file: ...` items)' };
  // Follow the file's own spacing: a blank line before each new entry when entries are separated by one.
  const spaced = documents.items.slice(1).some((item) => (item as { spaceBefore?: boolean }).spaceBefore);
  for (const entry of entries) {
    const node = toEntryNode(doc, entry);
    if (spaced) node.spaceBefore = true;
    documents.items.push(node);
  }
  return { text: doc.toString({ ...STRINGIFY, ...layout }) };
}

function toEntryNode(doc: ReturnType<typeof parseDocument>, entry: NewCorpusEntry): YAMLMap {
  const map = new YAMLMap();
  for (const key of KEYS) {
    const value = entry[key];
    if (value === undefined) continue;
    // A year alone is written as a plain number (`date: 2018`), as people write it by hand.
    const scalar = doc.createNode(key === 'date' && /^\d{4}$/.test(value) ? Number(value) : value) as Scalar;
    const comment = key === 'file' || key === 'date' || key === 'language' ? entry.comments?.[key] : undefined;
    if (comment) scalar.comment = ` ${comment}`;
    map.add({ key: doc.createNode(key), value: scalar });
  }
  if (entry.provenance) {
    const provenance = new YAMLMap();
    for (const key of PROVENANCE_KEYS) {
      const value = entry.provenance[key];
      if (value !== undefined) provenance.add({ key: doc.createNode(key), value: doc.createNode(value) });
    }
    map.add({ key: doc.createNode('provenance'), value: provenance });
  }
  return map;
}

function toNewDocument(entries: readonly NewCorpusEntry[]): string {
  const doc = parseDocument('documents: []\n');
  const documents = new YAMLSeq();
  for (const entry of entries) documents.items.push(toEntryNode(doc, entry));
  doc.set('documents', documents);
  return doc.toString({ ...STRINGIFY, indentSeq: true });
}
