import { createHash } from 'node:crypto';
import { parse as parsePath } from 'node:path';
import { hasErrors, sortDiagnostics } from '../../diagnostics/render-diagnostic.ts';
import type { CodebookFormat, Theme } from '../../types.ts';
import type { Reporter } from '../create-reporter.ts';
import type { ParsedCodebook } from '../parse-codebook.ts';

/**
 * The common end of every non-YAML reader: sorted diagnostics, and the codebook (named after the
 * file, hashed over its text) only when there is no error.
 */
export function finishCodebook(source: string, path: string, format: CodebookFormat, themes: Theme[], report: Reporter): ParsedCodebook {
  const diagnostics = sortDiagnostics(report.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };
  const sha256 = createHash('sha256').update(source, 'utf8').digest('hex');
  return { codebook: { name: parsePath(path).name, format, path, sha256, themes }, diagnostics };
}
