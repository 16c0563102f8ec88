import { parse as parsePath } from 'node:path';
import type { Code, Codebook, Diagnostic, SourcePosition, Theme } from '../../types.ts';
import { FORMAT_NAMES, type CodebookFileFormat } from './codebook-file-format.ts';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const KNOWN_FIELDS = {
  theme: ['id', 'label', 'description', 'codes', 'position'],
  code: [
    'id',
    'label',
    'definition',
    'include',
    'exclude',
    'examples',
    'nonExamples',
    'examplePositions',
    'nonExamplePositions',
    'terms',
    'rules',
    'validation',
    'position',
  ],
  term: ['value', 'kind', 'caseSensitive', 'language', 'weight', 'boundary', 'position'],
};

interface Loss {
  count: number;
  first: string;
  position?: SourcePosition;
}

/**
 * What a codebook loses when written as `target`: one `codebook/not-carried-over` warning per kind
 * of loss, with how many items it concerns and the first of them (file, line and column of the
 * codebook read). An empty list means the conversion keeps everything policycoder uses.
 */
export function checkConversionLoss(codebook: Codebook, target: CodebookFileFormat, outPath: string): Diagnostic[] {
  const format = FORMAT_NAMES[target];
  const native = target === 'native';
  const liwcLike = target === 'liwc' || target === 'liwc22';
  const trailingStarOnly = liwcLike || target === 'wordstat';
  const losses = new Map<string, Loss>();
  const note = (message: string, first: string, position: SourcePosition | undefined): void => {
    const loss = losses.get(message) ?? { count: 0, first, position };
    loss.count++;
    losses.set(message, loss);
  };

  if (!native && codebook.format === 'native' && codebook.name !== parsePath(outPath).name) {
    note(`the codebook's name; ${format} files are named by their file name (\`${parsePath(outPath).name}\`)`, `\`${codebook.name}\``, undefined);
  }
  if (!native && codebook.validation) note(`how the codes' figures were measured (\`validation:\`); ${format} has no place for it`, 'the codebook', undefined);
  for (const theme of codebook.themes) {
    const themeName = `theme \`${theme.id}\``;
    for (const key of unknownFields(theme, KNOWN_FIELDS.theme)) note(`field \`${key}\` (policycoder does not convert it yet)`, themeName, theme.position);
    if (!native && (theme.label !== theme.id || theme.description !== undefined))
      note(`theme labels and descriptions; ${format} has no place for them`, themeName, theme.position);
    for (const code of theme.codes) {
      const codeName = `code \`${code.id}\` of theme \`${theme.id}\``;
      for (const key of unknownFields(code, KNOWN_FIELDS.code)) note(`field \`${key}\` (policycoder does not convert it yet)`, codeName, code.position);
      if (!native && hasNotes(code))
        note(`code labels, definitions, include/exclude notes and examples; ${format} has no place for them`, codeName, code.position);
      if (!native && code.validation) note(`measured precision and recall (\`validation:\`); ${format} has no place for them`, codeName, code.position);
      if (!native && code.rules) note(`context rules (\`except\`, \`negation\`, \`near\`); ${format} has none, so every match counts`, codeName, code.position);
      if (liwcLike && code.id !== theme.id)
        note(`the theme/code hierarchy; ${format} has one level, so codes become categories named \`theme.code\``, codeName, code.position);
      checkTerms(theme, code, target, trailingStarOnly, note);
    }
  }
  return [...losses].map(([what, loss]) => ({
    severity: 'warning',
    rule: 'codebook/not-carried-over',
    message: `Not carried over to ${format}: ${what} (${loss.count === 1 ? '1 item' : `${loss.count} items`}, first ${loss.first}).`,
    file: codebook.path,
    ...(loss.position ? { line: loss.position.line, column: loss.position.column } : {}),
    hint: `Keep the original as the master copy, or check the items in the ${format} file.`,
  }));
}

function checkTerms(
  theme: Theme,
  code: Code,
  target: CodebookFileFormat,
  trailingStarOnly: boolean,
  note: (message: string, first: string, position: SourcePosition | undefined) => void,
): void {
  const format = FORMAT_NAMES[target];
  const native = target === 'native';
  const languages = new Set(code.terms.map((term) => term.language));
  for (const term of code.terms) {
    const name = `\`${term.value}\` in code \`${code.id}\` of theme \`${theme.id}\``;
    const at = term.position;
    for (const key of unknownFields(term, KNOWN_FIELDS.term)) note(`term field \`${key}\` (policycoder does not convert it yet)`, name, at);
    if (native) {
      if (languages.size > 1 && languages.has(undefined)) note('language groups of codes where only some terms have one', name, at);
      continue;
    }
    if (term.caseSensitive) note(`case-sensitive matching; ${format} ignores case`, name, at);
    if (term.boundary === 'word') note(`\`boundary: word\`; ${format} has no word-boundary check, so matches across a word boundary count`, name, at);
    if (term.language !== undefined) note(`language groups (\`en:\`, \`zh:\`); the terms are written in one list`, name, at);
    if (term.weight !== undefined && term.weight !== 1 && (target === 'quanteda' || target === 'liwc')) note(`term weights; ${format} has none`, name, at);
    if (term.kind === 'regex' || term.kind === 'stem' || term.kind === 'lemma') {
      note(`\`${term.kind}\` terms; ${format} has no such kind, so the value is written as a plain entry`, name, at);
    } else if (term.kind === 'exact' && /[*?]/u.test(term.value)) {
      note(`\`exact\` terms with \`*\` or \`?\`; ${format} reads them as wildcards`, name, at);
    } else if (
      term.kind === 'glob' &&
      trailingStarOnly &&
      (term.value.includes('?') || term.value.split(' ').some((word) => word.slice(0, -1).includes('*')))
    ) {
      note(`wildcards other than a trailing \`*\`; ${format} knows only that one`, name, at);
    }
    if (CJK.test(term.value))
      note(`substring matching of Chinese/Japanese terms; ${format} tools match whole words, which unsegmented text rarely has`, name, at);
  }
}

function hasNotes(code: Code): boolean {
  return (
    code.label !== code.id ||
    [code.definition, code.include, code.exclude].some((text) => text !== undefined) ||
    (code.examples?.length ?? 0) > 0 ||
    (code.nonExamples?.length ?? 0) > 0
  );
}

function unknownFields(record: object, known: readonly string[]): string[] {
  return Object.entries(record)
    .filter(([key, value]) => value !== undefined && !known.includes(key) && !/Positions?$/u.test(key))
    .map(([key]) => key);
}
