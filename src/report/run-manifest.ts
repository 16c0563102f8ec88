import type { Diagnostic, InputRecord } from '../types.ts';

/**
 * What `manifest.json` records about a run: enough to reproduce it and to check that the
 * inputs were the same. The only output that may hold wall-clock data (`createdAt`).
 */
export interface RunManifest {
  tool: { name: string; version: string };
  runtime: { node: string; icu: string; unicode: string };
  createdAt: string;
  corpus: { path: string; metadataFile: string | null };
  codebook: { path: string; name: string; format: string; sha256: string; themes: number; codes: number; terms: number };
  options: Record<string, unknown>;
  wordRule: string;
  /**
   * Present when a term has `boundary: word`: its counts depend on ICU word segmentation, so the
   * ICU version is recorded with the terms (`theme/code: term`).
   */
  wordBoundaryCheck?: { icu: string; terms: string[] };
  inputs: InputRecord[];
  diagnostics: Diagnostic[];
  outputs: string[];
  /**
   * sha256 of each output but manifest.json, as written: the proof a later run needs before it
   * replaces or removes a file (one that differs was changed by someone, and is kept).
   */
  outputSha256?: Record<string, string>;
}
