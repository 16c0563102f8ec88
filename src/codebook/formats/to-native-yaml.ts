import type { Code, Codebook, CodeValidation, MeasuredRate, Term, ValidationProvenance } from '../../types.ts';
import { toYamlScalar } from './to-yaml-scalar.ts';

/**
 * A codebook in policycoder's native YAML format: every theme, code, note, example, term kind,
 * case setting, weight, language group, context rule and validation record, so a converted
 * dictionary can be annotated from there on. Terms that differ from the defaults (glob, case-insensitive, weight 1)
 * are written as `{ term: ..., kind: ..., case_sensitive: ..., weight: ... }`. `header` lines
 * become `#` comments.
 */
export function toNativeYaml(codebook: Codebook, header: readonly string[] = []): string {
  const lines = header.map((line) => `# ${line}`);
  lines.push('policycoder: 1', `name: ${toYamlScalar(codebook.name)}`);
  if (codebook.validation) lines.push('validation:', ...toProvenanceLines(codebook.validation, '  '));
  lines.push('themes:');
  for (const theme of codebook.themes) {
    lines.push(`  ${toYamlScalar(theme.id)}:`);
    if (theme.label !== theme.id) lines.push(`    label: ${toYamlScalar(theme.label)}`);
    if (theme.description !== undefined) lines.push(`    description: ${toYamlScalar(theme.description)}`);
    lines.push('    codes:');
    for (const code of theme.codes) writeCode(code, lines);
  }
  return `${lines.join('\n')}\n`;
}

function writeCode(code: Code, lines: string[]): void {
  const at = '        ';
  lines.push(`      ${toYamlScalar(code.id)}:`);
  if (code.label !== code.id) lines.push(`${at}label: ${toYamlScalar(code.label)}`);
  for (const [key, text] of [
    ['definition', code.definition],
    ['include', code.include],
    ['exclude', code.exclude],
  ] as const) {
    if (text !== undefined) lines.push(`${at}${key}: ${toYamlScalar(text)}`);
  }
  for (const [key, sentences] of [
    ['examples', code.examples],
    ['non_examples', code.nonExamples],
  ] as const) {
    if (sentences && sentences.length > 0) lines.push(`${at}${key}:`, ...sentences.map((sentence) => `${at}  - ${toYamlScalar(sentence)}`));
  }
  lines.push(`${at}terms:${toTermList(code.terms, `${at}  `)}`);
  const rules = code.rules;
  if (rules?.except) lines.push(`${at}except:${toTermList(rules.except, `${at}  `)}`);
  if (rules?.negation) {
    lines.push(`${at}negation:`, `${at}  window: ${rules.negation.window}`, `${at}  cues:${toTermList(rules.negation.cues, `${at}    `)}`);
  }
  if (rules?.near) {
    const { terms, window, within } = rules.near;
    lines.push(`${at}near:`, `${at}  terms:${toTermList(terms, `${at}    `)}`);
    lines.push(window !== undefined ? `${at}  window: ${window}` : `${at}  within: ${within}`);
  }
  if (code.validation) lines.push(`${at}validation:`, ...toValidationLines(code.validation, `${at}  `));
}

function toValidationLines(validation: CodeValidation, indent: string): string[] {
  const lines: string[] = [];
  if (validation.measuredTermsSha256 !== undefined) lines.push(`${indent}terms_sha256: ${JSON.stringify(validation.measuredTermsSha256)}`);
  for (const key of ['precision', 'recall'] as const) {
    const rate = validation[key];
    if (rate) lines.push(`${indent}${key}: ${toRate(rate)}`);
  }
  lines.push(...toProvenanceLines(validation, indent));
  if (validation.note !== undefined) lines.push(`${indent}note: ${toYamlScalar(validation.note)}`);
  return lines.length > 0 ? lines : [`${indent}{}`];
}

function toProvenanceLines(provenance: ValidationProvenance, indent: string): string[] {
  const fields = [
    ['coder', provenance.coder],
    ['date', provenance.date],
    ['method', provenance.method],
    ['corpus', provenance.corpus],
    ['precision_sheet', provenance.precisionSheet],
    ['recall_sheet', provenance.recallSheet],
  ] as const;
  return fields.filter(([, value]) => value !== undefined).map(([key, value]) => `${indent}${key}: ${toYamlScalar(value!)}`);
}

function toRate(rate: MeasuredRate): string {
  return `{ estimate: ${rate.estimate}, low: ${rate.low}, high: ${rate.high}, n: ${rate.n} }`;
}

/** ` []`, a block list, or (when every term has a language) a mapping of language -> block list. */
function toTermList(terms: readonly Term[], indent: string): string {
  if (terms.length === 0) return ' []';
  const languages = [...new Set(terms.map((term) => term.language))];
  if (languages.includes(undefined)) return terms.map((term) => `\n${indent}- ${toTermItem(term)}`).join('');
  return languages
    .map((language) => {
      const items = terms.filter((term) => term.language === language).map((term) => `\n${indent}  - ${toTermItem(term)}`);
      return `\n${indent}${toYamlScalar(language!)}:${items.join('')}`;
    })
    .join('');
}

function toTermItem(term: Term): string {
  const fields: string[] = [];
  if (term.kind !== 'glob') fields.push(`kind: ${term.kind}`);
  if (term.caseSensitive) fields.push('case_sensitive: true');
  if (term.weight !== undefined && term.weight !== 1) fields.push(`weight: ${term.weight}`);
  if (term.boundary === 'word') fields.push('boundary: word');
  if (fields.length === 0) return toYamlScalar(term.value);
  return `{ term: ${toYamlScalar(term.value)}, ${fields.join(', ')} }`;
}
