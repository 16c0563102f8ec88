import type { CjkWordRule, Codebook, Diagnostic, InputRecord } from '../types.ts';
import type { RunManifest } from '../report/run-manifest.ts';
import { PACKAGE_VERSION } from '../version.ts';
import { icuVersion } from '../text/cjk-word-breaks.ts';
import type { AnalyzeOptions } from '../run.ts';

export function buildManifest(
  options: AnalyzeOptions,
  codebook: Codebook,
  metadataFile: string | null,
  inputs: InputRecord[],
  diagnostics: Diagnostic[],
  outputs: string[],
): RunManifest {
  const codes = codebook.themes.flatMap((theme) => theme.codes);
  const boundaryTerms = codebook.themes.flatMap((theme) =>
    theme.codes.flatMap((code) => code.terms.filter((term) => term.boundary === 'word').map((term) => `${theme.id}/${code.id}: ${term.value}`)),
  );
  return {
    tool: { name: 'policycoder', version: PACKAGE_VERSION },
    runtime: { node: process.versions.node, icu: process.versions.icu ?? 'none', unicode: process.versions.unicode ?? 'unknown' },
    createdAt: new Date().toISOString(),
    corpus: { path: options.corpusDir, metadataFile },
    codebook: {
      path: options.codebookPath,
      name: codebook.name,
      format: codebook.format,
      sha256: codebook.sha256,
      themes: codebook.themes.length,
      codes: codes.length,
      terms: codes.reduce((sum, code) => sum + code.terms.length, 0),
    },
    options: { cjkWords: options.cjkWords, topTerms: options.topTerms, cache: options.cacheDir !== null, ...selectionOptions(options) },
    wordRule: describeWordRule(options.cjkWords),
    ...(boundaryTerms.length > 0 ? { wordBoundaryCheck: { icu: icuVersion(), terms: boundaryTerms } } : {}),
    inputs,
    diagnostics,
    outputs,
  };
}

/** How the `words` denominator is counted, in words for the manifest and the methods notes. */
export function describeWordRule(rule: CjkWordRule): string {
  const latin = 'words = tokens containing a letter or digit (hyphen/apostrophe compounds count once; punctuation and symbols do not count)';
  return rule === 'icu'
    ? `${latin}; each run of CJK characters is split into words by ICU word segmentation (Intl.Segmenter, ICU ${process.versions.icu ?? '?'}) and word-like segments count`
    : `${latin}; each CJK character counts as one word`;
}

/** `--include`, `--exclude` and `--allow-outside-links`, when given (corpus.yaml's patterns are in corpus.yaml). */
function selectionOptions(options: AnalyzeOptions): Record<string, unknown> {
  const { include, exclude, allowOutsideLinks } = options.selection ?? {};
  return {
    ...(include?.length ? { include: [...include] } : {}),
    ...(exclude?.length ? { exclude: [...exclude] } : {}),
    ...(allowOutsideLinks ? { allowOutsideLinks: true } : {}),
  };
}
