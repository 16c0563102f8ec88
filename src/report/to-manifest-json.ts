import type { Diagnostic, InputRecord } from '../types.ts';
import type { RunManifest } from './run-manifest.ts';

/**
 * `manifest.json`. Keys are written in a fixed order whatever order the caller built the
 * object in (option keys sorted), so two runs differ only where the runs differ.
 * Optional fields that are absent are left out. 2-space indent, trailing newline.
 */
export function toManifestJson(manifest: RunManifest): string {
  const { tool, runtime, corpus, codebook } = manifest;
  const ordered = {
    tool: { name: tool.name, version: tool.version },
    runtime: { node: runtime.node, icu: runtime.icu, unicode: runtime.unicode },
    createdAt: manifest.createdAt,
    corpus: { path: corpus.path, metadataFile: corpus.metadataFile },
    codebook: {
      path: codebook.path,
      name: codebook.name,
      format: codebook.format,
      sha256: codebook.sha256,
      themes: codebook.themes,
      codes: codebook.codes,
      terms: codebook.terms,
    },
    options: sortKeys(manifest.options),
    wordRule: manifest.wordRule,
    wordBoundaryCheck: manifest.wordBoundaryCheck ? { icu: manifest.wordBoundaryCheck.icu, terms: [...manifest.wordBoundaryCheck.terms] } : undefined,
    inputs: manifest.inputs.map(orderInput),
    diagnostics: manifest.diagnostics.map(orderDiagnostic),
    outputs: [...manifest.outputs],
    outputSha256: manifest.outputSha256 === undefined ? undefined : sortKeys(manifest.outputSha256),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function orderInput(input: InputRecord): InputRecord {
  const { relPath, format, bytes, sha256, status, documentId, reason } = input;
  const boilerplate = input.boilerplate?.map(({ rule, characters, lines, words }) => ({ rule, characters, lines, words }));
  return { relPath, format, bytes, sha256, status, documentId, reason, boilerplate };
}

function orderDiagnostic(d: Diagnostic): Diagnostic {
  const { severity, rule, message, file, line, column, hint } = d;
  return { severity, rule, message, file, line, column, hint };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]));
}
