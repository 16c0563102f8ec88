import type { Codebook, Diagnostic, DocumentResult } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { type WritingSystem, writingSystemsOf, writingSystemsOfLanguage } from '../text/writing-system.ts';
import { listSome, type ResultCheckInput } from './check-results.ts';

/**
 * Two warnings about language: documents written in a script none of the codebook's terms use
 * (an English codebook on Chinese texts: 0 everywhere, by construction), and a language in whose
 * documents the codebook, although it has terms in that script, finds nothing at all (simplified
 * terms on traditional characters, say). Documents of unknown language are left out.
 */
export function checkLanguageCoverage({ results, codebook, fileOf }: ResultCheckInput): Diagnostic[] {
  const systems = codebookWritingSystems(codebook);
  if (systems === 'any') return [];
  const byLanguage = new Map<string, DocumentResult[]>();
  for (const result of results) {
    const language = result.meta.language;
    if (language === undefined) continue;
    const group = byLanguage.get(language) ?? [];
    group.push(result);
    byLanguage.set(language, group);
  }
  const diagnostics: Diagnostic[] = [];
  for (const [language, documents] of [...byLanguage].sort(([a], [b]) => compareCodeUnits(a, b))) {
    const readable = writingSystemsOfLanguage(language).some((system) => systems.has(system));
    if (!readable) diagnostics.push(noTermsFor(language, documents, systems, fileOf));
    else if (documents.every((result) => result.codes.every((code) => code.count === 0))) diagnostics.push(nothingFound(language, documents, fileOf));
  }
  return diagnostics;
}

/** The writing systems of the codebook's terms, or `any` when a term (a regex without letters) could match any. */
function codebookWritingSystems(codebook: Codebook): Set<WritingSystem> | 'any' {
  const systems = new Set<WritingSystem>();
  for (const theme of codebook.themes) {
    for (const code of theme.codes) {
      for (const term of code.terms) {
        const found = writingSystemsOf(term.kind === 'regex' ? withoutEscapes(term.value) : term.value);
        if (found.length === 0 && term.kind === 'regex') return 'any';
        for (const system of found) systems.add(system);
      }
    }
  }
  return systems;
}

function noTermsFor(
  language: string,
  documents: readonly DocumentResult[],
  systems: ReadonlySet<WritingSystem>,
  fileOf: (r: DocumentResult) => string,
): Diagnostic {
  const written = [...systems].join(', ') || 'no letters';
  return {
    severity: 'warning',
    rule: 'results/no-terms-for-language',
    message:
      `${count(documents)} in language ${language} (${listSome(documents.map(fileOf))}): the codebook has no terms written in its script ` +
      `(its terms are in: ${written}), so every count for ${documents.length === 1 ? 'it' : 'them'} is 0 by construction, not a finding.`,
    hint: `add terms in ${language} to the codebook, or leave these documents out of the comparison`,
    ...(documents.length === 1 ? { file: fileOf(documents[0]!) } : {}),
  };
}

function nothingFound(language: string, documents: readonly DocumentResult[], fileOf: (r: DocumentResult) => string): Diagnostic {
  return {
    severity: 'warning',
    rule: 'results/nothing-found-in-language',
    message:
      `The codebook finds nothing in the ${count(documents)} in language ${language} (${listSome(documents.map(fileOf))}), ` +
      'although it has terms in that script: its 0 rates there may say more about the terms than about the documents.',
    hint: 'check that the terms are written as these documents write them (simplified or traditional characters, spelling, case-sensitive terms), or add terms',
    ...(documents.length === 1 ? { file: fileOf(documents[0]!) } : {}),
  };
}

function count(documents: readonly DocumentResult[]): string {
  return documents.length === 1 ? '1 document' : `${documents.length} documents`;
}

/** A regex without its escapes (`\d`, `\p{Han}`), whose letters are not letters to match. */
function withoutEscapes(pattern: string): string {
  return pattern.replace(/\\[pPu]\{[^}]*\}|\\./g, '');
}
