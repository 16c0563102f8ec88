import { runExport } from '../run/run-export.ts';
import { printDiagnostics } from './analyze-command.ts';
import { CODEBOOK_OPTION, codebookFrom } from './default-codebook.ts';
import { UsageError, type Command } from './command.ts';
import { SELECTION_HELP, SELECTION_OPTIONS, selectionFrom } from './corpus-selection.ts';

const HELP = `Usage: policycoder export [--qdpx] [options]

Exports the codebook for the QDA suites (MAXQDA, NVivo, ATLAS.ti, QualCoder) in the REFI-QDA
exchange format: codebook.qdc (themes as uncodable parent codes, codes with their definitions,
notes and terms). With --qdpx, also policycoder.qdpx: a project with every document and the
dictionary's coded segments, to review the automatic coding by hand. GUIDs are derived from the
code and document ids, so re-exports of the same codebook and corpus are identical.

Options:
  --qdpx                also write policycoder.qdpx (reads the whole corpus)
  --codebook FILE       the codebook (default: codebooks/smart-city.yaml)
  --corpus DIR          the corpus, for --qdpx (default: corpus)
  --out DIR             where the files go (default: outputs)
${SELECTION_HELP}
  --cache DIR           cache for text extracted from PDFs (default: .policycoder-cache)
  --no-cache            extract every PDF again`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the codebook (.qdc) and coded segments (.qdpx) for MAXQDA, NVivo, ATLAS.ti',
  help: HELP,
  options: {
    ...SELECTION_OPTIONS,
    qdpx: { type: 'boolean', default: false },
    codebook: CODEBOOK_OPTION,
    corpus: { type: 'string', default: 'corpus' },
    out: { type: 'string', default: 'outputs' },
    cache: { type: 'string', default: '.policycoder-cache' },
    'no-cache': { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; options take the form --name VALUE`);
    const outDir = String(values.out);
    const outcome = await runExport({
      codebookPath: codebookFrom(values.codebook),
      outDir,
      project: values.qdpx === true,
      corpusDir: String(values.corpus),
      selection: selectionFrom(values),
      cacheDir: values['no-cache'] === true ? null : String(values.cache),
    });
    printDiagnostics(io, outcome.diagnostics);
    if (outcome.outputs.length > 0) io.stdout(`wrote ${outcome.outputs.map((name) => `${outDir}/${name}`).join(', ')}\n`);
    return outcome.exitCode;
  },
};
