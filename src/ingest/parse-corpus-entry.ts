import path from 'node:path';
import { isMap, isScalar } from 'yaml';
import type { Node } from 'yaml';
import type { Diagnostic, DocumentMeta, SourcePosition } from '../types.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { normaliseDate } from './normalise-date.ts';
import { parseBoilerplateRules } from './parse-boilerplate-rules.ts';
import type { CorpusEntry } from './read-corpus-metadata.ts';

const ENTRY_KEYS = [
  'file',
  'id',
  'title',
  'date',
  'issuer',
  'level',
  'series',
  'language',
  'number',
  'source',
  'encoding',
  'password',
  'provenance',
  'boilerplate',
] as const;
/** `provenance:` of a document taken from a table row (`policycoder add TABLE`): a record for people, not read by the analysis. */
const PROVENANCE_KEYS = ['table', 'sha256', 'sheet', 'row', 'line'] as const;
type TextKey = 'id' | 'title' | 'issuer' | 'level' | 'series' | 'language';

/** Where a YAML node starts, as a 1-based position. */
/** Years outside these are taken as placeholders, not dates (a warning; the date is still used). */
const EARLIEST_PLAUSIBLE_YEAR = 1900;
const LATEST_PLAUSIBLE_YEAR = 2100;

export type Locate = (node: Node | null | undefined) => SourcePosition;

/** An entry whose `file:` was refused (e.g. it points outside the corpus folder). */
export interface RefusedEntry {
  /** The path as written. */
  file: string;
  reason: string;
  position: SourcePosition;
}

export interface ParsedCorpusEntry {
  entry?: CorpusEntry;
  refused?: RefusedEntry;
  /** Where `id:` is written, when it is. */
  idPosition?: SourcePosition;
  diagnostics: Diagnostic[];
}

/**
 * Checks one `documents:` item; the entry is returned unless its `file` is missing or unusable.
 * `corpusRuleNames`: the corpus-wide boilerplate rules' names, which the entry's own rules may not reuse.
 */
export function parseCorpusEntry(item: unknown, file: string, locate: Locate, corpusRuleNames: ReadonlySet<string> = new Set()): ParsedCorpusEntry {
  const diagnostics: Diagnostic[] = [];
  if (!isMap(item)) {
    const message = 'Each item under `documents` must be a mapping such as `- file: national/2012-pilots.txt`.';
    return { diagnostics: [wrongType(file, locate(item as Node), message)] };
  }
  const meta: Partial<DocumentMeta> = {};
  let relPath: string | undefined;
  let position: SourcePosition | undefined;
  let idPosition: SourcePosition | undefined;
  let refused: RefusedEntry | undefined;
  const reading: Pick<CorpusEntry, 'encoding' | 'password' | 'number' | 'source' | 'boilerplate'> = {};

  for (const pair of item.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(ENTRY_KEYS as readonly string[]).includes(key)) {
      const suggestion = didYouMean(key, ENTRY_KEYS);
      diagnostics.push({
        severity: 'error',
        rule: 'corpus/unknown-key',
        message: `Unknown key \`${key}\` in a documents entry.`,
        file,
        ...locate(keyNode),
        hint: suggestion ? `Did you mean \`${suggestion}\`?` : `Allowed keys: ${ENTRY_KEYS.join(', ')}.`,
      });
      continue;
    }
    if (key === 'boilerplate') {
      const parsed = parseBoilerplateRules(pair.value, file, locate, 'document', corpusRuleNames);
      diagnostics.push(...parsed.diagnostics);
      if (parsed.rules.length > 0) reading.boilerplate = parsed.rules;
      continue;
    }
    if (key === 'provenance') {
      diagnostics.push(...checkProvenance(pair.value, keyNode, file, locate));
      continue;
    }
    const isEmpty = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
    const valueNode = (isEmpty ? keyNode : pair.value) as Node;
    const where = locate(valueNode);
    const text = scalarText(pair.value);
    if (text === undefined) {
      const hint = `Write \`${key}:\` followed by a single value on the same line; quote it if it contains a colon.`;
      diagnostics.push(wrongType(file, where, isEmpty ? `\`${key}\` has no value.` : `\`${key}\` must be a single text value.`, hint));
      continue;
    }
    if (key === 'file') {
      const checked = checkRelativePath(text);
      if (typeof checked !== 'string') {
        diagnostics.push({ severity: 'error', file, ...where, ...checked });
        if (checked.rule === 'corpus/path-escapes') refused = { file: text, reason: checked.message.replace(/\.$/, ''), position: where };
        continue;
      }
      relPath = checked;
      position = where;
    } else if (key === 'date') {
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      const date = normaliseDate(value, typeof value === 'number' ? text : undefined);
      if (date === undefined) {
        diagnostics.push({
          severity: 'error',
          rule: 'corpus/invalid-date',
          message: `\`${text}\` is not a valid date.`,
          file,
          ...where,
          hint: 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD with a real month and day, e.g. 2012-11-22.',
        });
        continue;
      }
      meta.date = date;
      const year = Number(date.slice(0, 4));
      if (year < EARLIEST_PLAUSIBLE_YEAR || year > LATEST_PLAUSIBLE_YEAR) {
        // A real date, but no policy document's: 0000 or 9999 as a placeholder stretches every trend axis.
        diagnostics.push({
          severity: 'warning',
          rule: 'corpus/implausible-date',
          message: `\`${text}\` is outside ${EARLIEST_PLAUSIBLE_YEAR}-${LATEST_PLAUSIBLE_YEAR}; it is used as given, and a trend or timeline that includes it spans those years.`,
          file,
          ...where,
          hint: 'Give the document its real date, or remove the `date:` line if it is unknown (undated documents are left out of trends).',
        });
      }
    } else if (key === 'encoding') {
      if (!isKnownEncoding(text)) {
        diagnostics.push({
          severity: 'error',
          rule: 'corpus/unknown-encoding',
          message: `\`${text}\` is not a known text encoding.`,
          file,
          ...where,
          hint: 'Use a standard label such as utf-8, utf-16le, gb18030, gbk, big5, shift_jis or windows-1252.',
        });
        continue;
      }
      reading.encoding = text;
    } else if (key === 'password') {
      reading.password = text;
    } else if (key === 'number' || key === 'source') {
      if (/[\r\n]/.test(text)) {
        const message = `\`${key}\` must be one line: it is shown as one cell of the corpus table.`;
        diagnostics.push(wrongType(file, where, message, `Write \`${key}:\` and its value on one line, quoted if it contains a colon followed by a space.`));
        continue;
      }
      reading[key] = text;
    } else {
      meta[key as TextKey] = text;
      if (key === 'id') idPosition = where;
    }
  }

  if (relPath === undefined || position === undefined) {
    if (!item.items.some((pair) => isScalar(pair.key) && pair.key.value === 'file')) {
      diagnostics.push({
        severity: 'error',
        rule: 'corpus/missing-key',
        message: 'This documents entry has no `file:`.',
        file,
        ...locate(item),
        hint: 'Add `file:` with the document path relative to the corpus folder.',
      });
    }
    return refused ? { refused, diagnostics } : { diagnostics };
  }
  const entry: CorpusEntry = { file: relPath, meta, position, ...reading };
  return idPosition ? { entry, idPosition, diagnostics } : { entry, diagnostics };
}

function checkProvenance(value: unknown, keyNode: Node, file: string, locate: Locate): Diagnostic[] {
  if (!isMap(value)) {
    const hint = 'Write it as written by `policycoder add TABLE`: `provenance:` followed by indented `table:`, `sha256:`, `sheet:` and `row:` lines.';
    return [wrongType(file, locate((value as Node | null) ?? keyNode), '`provenance` must be a mapping of table, sha256, sheet, row or line.', hint)];
  }
  const diagnostics: Diagnostic[] = [];
  for (const pair of value.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if ((PROVENANCE_KEYS as readonly string[]).includes(key)) continue;
    const suggestion = didYouMean(key, PROVENANCE_KEYS);
    diagnostics.push({
      severity: 'error',
      rule: 'corpus/unknown-key',
      message: `Unknown key \`${key}\` in \`provenance\`.`,
      file,
      ...locate(pair.key as Node),
      hint: suggestion ? `Did you mean \`${suggestion}\`?` : `Allowed keys: ${PROVENANCE_KEYS.join(', ')}.`,
    });
  }
  return diagnostics;
}

function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** The value as written, for non-empty strings and numbers (so `id: 007` stays `007`). */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value.trim() === '' ? undefined : node.value.trim();
  if (typeof node.value === 'number') return (node.source ?? String(node.value)).trim();
  return undefined;
}

/** A normalised `/`-separated path inside the corpus folder, or the problem with it. */
function checkRelativePath(raw: string): string | Pick<Diagnostic, 'rule' | 'message' | 'hint'> {
  const slashed = raw.replaceAll('\\', '/');
  const hint = 'Give the path relative to the corpus folder, e.g. `national/2012-pilots.txt`.';
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
    return { rule: 'corpus/path-escapes', message: `\`${raw}\` is an absolute path.`, hint };
  }
  const normalised = path.posix.normalize(slashed);
  if (normalised === '..' || normalised.startsWith('../')) {
    return {
      rule: 'corpus/path-escapes',
      message: `\`${raw}\` points outside the corpus folder.`,
      hint: `${hint} Only documents inside the corpus folder are analysed.`,
    };
  }
  if (normalised === '.' || normalised.endsWith('/')) {
    return { rule: 'corpus/wrong-type', message: `\`${raw}\` is a folder, not a document.`, hint };
  }
  return normalised;
}

export function wrongType(file: string, position: SourcePosition, message: string, hint?: string): Diagnostic {
  return {
    severity: 'error',
    rule: 'corpus/wrong-type',
    message,
    file,
    ...position,
    hint: hint ?? 'See the corpus.yaml example in the README: `documents:` then `- file: ...` entries.',
  };
}
