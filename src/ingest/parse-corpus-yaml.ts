import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import type { BoilerplateRule, Diagnostic, GlobPattern, SourcePosition } from '../types.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { parseBoilerplateRules } from './parse-boilerplate-rules.ts';
import { parseGlobList } from './parse-glob-list.ts';
import { parseCorpusEntry, wrongType } from './parse-corpus-entry.ts';
import type { Locate, RefusedEntry } from './parse-corpus-entry.ts';
import type { CorpusEntry } from './read-corpus-metadata.ts';
import { defaultDocumentId } from './to-document-meta.ts';

const ROOT_KEYS = ['documents', 'include', 'exclude', 'boilerplate'];

export interface ParsedCorpusYaml {
  entries: CorpusEntry[];
  /** `include:`: only files matching one of these are documents of the corpus (when given). */
  include?: GlobPattern[];
  /** `exclude:`: files matching one of these are left out. */
  exclude?: GlobPattern[];
  /** `boilerplate:`: corpus-wide rules, in the order written. */
  boilerplate?: BoilerplateRule[];
  /** Entries whose path was refused (outside the corpus folder); their errors are in `diagnostics` too. */
  refused?: RefusedEntry[];
  diagnostics: Diagnostic[];
}

/**
 * Parses corpus.yaml text (`file` is the path shown in diagnostics). Syntax errors stop the
 * parse; otherwise every entry is checked and all problems are returned together. Never throws.
 */
export function parseCorpusYaml(text: string, file: string): ParsedCorpusYaml {
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { entries: [], diagnostics: [tooDeep(file, { line: 1, column: 1 })] };
  }
  const positionOf = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate: Locate = (node) => positionOf(node?.range?.[0] ?? 0);
  const diagnostics: Diagnostic[] = [];

  for (const error of doc.errors) {
    // The parser ran out of stack: one message for it, and none of what followed from it.
    if (error.code === 'RESOURCE_EXHAUSTION' || error.message.includes('Maximum call stack size exceeded')) {
      return { entries: [], diagnostics: [tooDeep(file, positionOf(error.pos[0]))] };
    }
    diagnostics.push({
      severity: 'error',
      rule: error.code === 'DUPLICATE_KEY' ? 'corpus/duplicate-key' : 'corpus/yaml-syntax',
      message: error.code === 'DUPLICATE_KEY' ? `Key \`${keyAt(text, error.pos[0])}\` appears twice in the same mapping.` : `Invalid YAML: ${error.message}`,
      file,
      ...positionOf(error.pos[0]),
      hint:
        error.code === 'DUPLICATE_KEY'
          ? 'Give each key once per entry.'
          : 'Fix the YAML syntax; each item is `- file: path/to/document.txt` followed by indented keys.',
    });
  }
  if (diagnostics.length > 0) return { entries: [], diagnostics };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { entries: [], diagnostics };
  if (!isMap(root)) {
    diagnostics.push(wrongType(file, locate(root), 'corpus.yaml must be a mapping with a `documents:` list.'));
    return { entries: [], diagnostics };
  }

  let documents: unknown = null;
  const settings: Pick<ParsedCorpusYaml, 'include' | 'exclude' | 'boilerplate'> = {};
  const report = (at: Node | null | undefined, rule: string, message: string, hint: string) =>
    diagnostics.push({ severity: 'error', rule, message, file, ...locate(at), hint });
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'documents') {
      documents = pair.value;
      continue;
    }
    if (key === 'include' || key === 'exclude') {
      const patterns = parseGlobList(pair.value, key, report, locate);
      if (patterns) settings[key] = patterns;
      continue;
    }
    if (key === 'boilerplate') {
      const parsed = parseBoilerplateRules(pair.value, file, locate, 'corpus');
      diagnostics.push(...parsed.diagnostics);
      settings.boilerplate = parsed.rules;
      continue;
    }
    const suggestion = didYouMean(key, ROOT_KEYS);
    diagnostics.push({
      severity: 'error',
      rule: 'corpus/unknown-key',
      message: `Unknown top-level key \`${key}\`, expected one of ${ROOT_KEYS.map((name) => `\`${name}\``).join(', ')}.`,
      file,
      ...locate(pair.key as Node),
      hint: suggestion
        ? `Did you mean \`${suggestion}\`?`
        : 'corpus.yaml has the top-level keys `documents:` (the entries), `include:`/`exclude:` (patterns) and `boilerplate:` (rules).',
    });
  }
  if (documents === null || (isScalar(documents) && documents.value === null)) return { entries: [], ...settings, diagnostics };
  if (!isSeq(documents)) {
    diagnostics.push(wrongType(file, locate(documents as Node), '`documents` must be a list of entries (`- file: ...`).'));
    return { entries: [], ...settings, diagnostics };
  }

  const entries: CorpusEntry[] = [];
  const refused: RefusedEntry[] = [];
  const firstByFile = new Map<string, CorpusEntry>();
  const firstById = new Map<string, CorpusEntry>();
  const corpusRuleNames = new Set((settings.boilerplate ?? []).map((rule) => rule.name));
  for (const item of documents.items) {
    const parsed = parseCorpusEntry(item, file, locate, corpusRuleNames);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.refused) refused.push(parsed.refused);
    const entry = parsed.entry;
    if (!entry) continue;
    const sameFile = firstByFile.get(entry.file);
    if (sameFile) {
      diagnostics.push({
        severity: 'error',
        rule: 'corpus/duplicate-file',
        message: `\`${entry.file}\` is listed twice (first at line ${sameFile.position.line}); this entry is ignored.`,
        file,
        ...entry.position,
        hint: 'List each document once; merge the two entries.',
      });
      continue;
    }
    firstByFile.set(entry.file, entry);
    const id = entry.meta.id ?? defaultDocumentId(entry.file);
    const sameId = firstById.get(id);
    if (sameId) {
      diagnostics.push({
        severity: 'error',
        rule: 'corpus/duplicate-id',
        message: `Document id \`${id}\` is also used by \`${sameId.file}\` (line ${sameId.position.line}).`,
        file,
        ...(parsed.idPosition ?? entry.position),
        hint: 'Give each document a unique `id:`; ids name the documents in every output.',
      });
    } else {
      firstById.set(id, entry);
    }
    entries.push(entry);
  }
  return refused.length > 0 ? { entries, refused, ...settings, diagnostics } : { entries, ...settings, diagnostics };
}

/** The key written at `offset` (up to the colon), for duplicate-key messages. */
function keyAt(text: string, offset: number): string {
  return (/^[^:\n]*/.exec(text.slice(offset))?.[0] ?? '').trim();
}

function tooDeep(file: string, position: SourcePosition): Diagnostic {
  return {
    severity: 'error',
    rule: 'corpus/yaml-syntax',
    message: 'Invalid YAML: collections are nested too deeply to read (hundreds of levels or more); the parser gave up here.',
    file,
    ...position,
    hint: 'An entry needs two levels (`documents:` > `- file: ...` with its keys); look for brackets that are never closed.',
  };
}
