import type { Diagnostic } from '../types.ts';
import { hasErrors } from '../diagnostics/render-diagnostic.ts';
import { readCodebook } from '../codebook/read-codebook.ts';
import { checkConversionLoss } from '../codebook/formats/check-conversion-loss.ts';
import { FORMAT_NAMES, formatOfPath, isWritableExtension, type CodebookFileFormat } from '../codebook/formats/codebook-file-format.ts';
import { parseCodebookFile } from '../codebook/formats/parse-codebook-file.ts';
import { toCodebookText } from '../codebook/formats/to-codebook-text.ts';
import { writeCodebookFile } from '../codebook/formats/write-codebook-file.ts';
import { printDiagnostics } from './analyze-command.ts';
import { UsageError, type Command } from './command.ts';

const HELP = `Usage: policycoder convert IN OUT [options]

Reads a codebook and writes it in the format OUT's extension names:
  .yaml, .yml   policycoder's native YAML (or a quanteda dictionary with --to quanteda)
  .dic          LIWC (2001-2015)
  .dicx         LIWC-22 (CSV)
  .cat          WordStat
IN may be any of these, or a quanteda YAML dictionary. What OUT's format cannot hold
(definitions, case-sensitivity, weights, rules, ...) is listed as warnings
[codebook/not-carried-over]; the file is still written. Nothing is written when IN has
errors, when OUT exists (unless --force), or when the written file would not read back.

Options:
  --to FORMAT   native or quanteda, for a .yaml or .yml OUT (default: native)
  --force       replace OUT if it exists
  --quiet       print only problems, not the summary`;

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert a codebook between native YAML, quanteda YAML, LIWC .dic/.dicx and WordStat .cat',
  help: HELP,
  options: {
    to: { type: 'string' },
    force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    const finish = (code: number, found: readonly Diagnostic[], summary?: string): number => {
      printDiagnostics(io, found);
      if (summary) io.stdout(`${summary}\n`);
      return code;
    };
    const [input, output, extra] = positionals;
    if (input === undefined || output === undefined) throw new UsageError('convert needs an input and an output file: policycoder convert IN OUT');
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"; convert takes IN and OUT`);
    const target = targetFormat(output, values.to === undefined ? undefined : String(values.to));

    const { codebook, diagnostics: readDiagnostics } = await readCodebook(input);
    const diagnostics: Diagnostic[] = [...readDiagnostics];
    if (!codebook || hasErrors(readDiagnostics)) return finish(2, diagnostics);

    diagnostics.push(...checkConversionLoss(codebook, target, output));
    const text = toCodebookText(codebook, target, [`Converted by policycoder from ${input} (${FORMAT_NAMES[codebook.format]}).`]);
    const reread = parseCodebookFile(text, output);
    if (!reread.codebook) {
      diagnostics.push({
        severity: 'error',
        rule: 'codebook/convert-failed',
        message: `The ${FORMAT_NAMES[target]} text written for ${input} would not read back (${reread.diagnostics.find((d) => d.severity === 'error')?.message ?? 'unknown problem'}); nothing was written.`,
        file: input,
        hint: 'Rename the theme, code or term the message names, or convert to another format.',
      });
      return finish(2, diagnostics);
    }
    const written = await writeCodebookFile(output, text, values.force === true);
    diagnostics.push(...written);
    if (hasErrors(written)) return finish(2, diagnostics);
    const codes = codebook.themes.reduce((sum, theme) => sum + theme.codes.length, 0);
    const terms = codebook.themes.reduce((sum, theme) => sum + theme.codes.reduce((n, code) => n + code.terms.length, 0), 0);
    const summary = `Wrote ${output} (${FORMAT_NAMES[target]}): ${codebook.themes.length} themes, ${codes} codes, ${terms} terms from ${input} (${FORMAT_NAMES[codebook.format]}).`;
    return finish(0, diagnostics, values.quiet === true ? undefined : summary);
  },
};

function targetFormat(output: string, to: string | undefined): CodebookFileFormat {
  if (!isWritableExtension(output)) {
    throw new UsageError(`cannot tell the format of "${output}" from its extension; use .yaml, .yml, .dic, .dicx or .cat`);
  }
  const byExtension = formatOfPath(output);
  if (to === undefined) return byExtension;
  if (to !== 'native' && to !== 'quanteda') throw new UsageError(`--to must be "native" or "quanteda", not "${to}"`);
  if (byExtension !== 'native') throw new UsageError(`--to ${to} needs a .yaml or .yml output, not "${output}"`);
  return to;
}
