import { describe, it, expect } from 'vitest';
import type { RunManifest } from '../../../src/report/run-manifest.ts';
import { toManifestJson } from '../../../src/report/to-manifest-json.ts';

// Built with keys deliberately out of order.
const manifest: RunManifest = {
  outputs: ['frequencies.csv', 'manifest.json'],
  diagnostics: [{ message: 'No text layer.', rule: 'ingest/pdf-no-text', severity: 'error', file: 'b.pdf', hint: 'Run OCR first.' }],
  inputs: [
    { status: 'analysed', sha256: 'aa', relPath: 'a.txt', bytes: 3, format: 'txt', documentId: 'a' },
    { relPath: 'b.pdf', format: 'pdf', bytes: 9, sha256: 'bb', status: 'failed', reason: 'no text' },
  ],
  wordRule: 'icu',
  options: { topTerms: 3, cjk: { rule: 'icu', alpha: true } },
  codebook: { terms: 12, codes: 3, themes: 2, sha256: 'cc', format: 'native', name: 'demo', path: 'codebooks/demo.yaml' },
  corpus: { metadataFile: null, path: 'corpus' },
  createdAt: '2025-01-02T03:04:05.000Z',
  runtime: { unicode: '15.1', icu: '74.2', node: 'v20.20.2' },
  tool: { version: '0.1.0', name: 'policycoder' },
};

describe('toManifestJson', () => {
  const text = toManifestJson(manifest);
  const parsed = JSON.parse(text);

  it('writes keys in a fixed order regardless of how the object was built', () => {
    expect(Object.keys(parsed)).toEqual(['tool', 'runtime', 'createdAt', 'corpus', 'codebook', 'options', 'wordRule', 'inputs', 'diagnostics', 'outputs']);
    expect(Object.keys(parsed.tool)).toEqual(['name', 'version']);
    expect(Object.keys(parsed.codebook)).toEqual(['path', 'name', 'format', 'sha256', 'themes', 'codes', 'terms']);
    expect(Object.keys(parsed.options)).toEqual(['cjk', 'topTerms']);
    expect(Object.keys(parsed.options.cjk)).toEqual(['alpha', 'rule']);
    expect(Object.keys(parsed.inputs[0])).toEqual(['relPath', 'format', 'bytes', 'sha256', 'status', 'documentId']);
    expect(Object.keys(parsed.diagnostics[0])).toEqual(['severity', 'rule', 'message', 'file', 'hint']);
  });

  it('keeps every value and null metadata file', () => {
    expect(parsed.corpus).toEqual({ path: 'corpus', metadataFile: null });
    expect(parsed.inputs[1].reason).toBe('no text');
    expect(parsed.createdAt).toBe('2025-01-02T03:04:05.000Z');
    expect(parsed.outputs).toEqual(['frequencies.csv', 'manifest.json']);
  });

  it('is 2-space indented with a trailing newline', () => {
    expect(text.startsWith('{\n  "tool": {\n    "name": "policycoder",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
