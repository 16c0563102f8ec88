import type { CorpusSelection, Diagnostic, GlobPattern } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { matchCorpusPaths } from './match-corpus-paths.ts';
import type { WalkedFile, WalkProblem } from './walk-corpus.ts';

export interface SelectedFiles {
  files: WalkedFile[];
  /** The walk's problems within the selection (a folder's only when the patterns would look inside it). */
  problems: WalkProblem[];
  /** Files left out by the patterns, with the pattern that left each out. */
  excluded: Array<{ relPath: string; reason: string }>;
  /** Patterns that match no file (a typo, or a folder written without `/**`). */
  diagnostics: Diagnostic[];
}

/**
 * Applies the include/exclude patterns to what the corpus walk found (`matchCorpusPaths`, fast-glob
 * over the walked paths). A file is selected when it matches a pattern of every include list and
 * no exclude pattern. A file the walk found twice (through a link) whose first sighting is excluded
 * is read through the selected sighting instead. `corpusYaml` is the path shown for corpus.yaml's patterns.
 */
export function selectCorpusFiles(walked: { files: WalkedFile[]; problems: WalkProblem[] }, selection: CorpusSelection, corpusYaml: string): SelectedFiles {
  const includeLists = selection.include.filter((list) => list.length > 0);
  if (includeLists.length === 0 && selection.exclude.length === 0) return { ...walked, excluded: [], diagnostics: [] };

  const filePaths = [...walked.files.map((file) => file.relPath), ...walked.problems.filter((p) => !p.isFolder).map((p) => p.relPath)];
  const folderPaths = walked.problems.filter((p) => p.isFolder && p.relPath !== '.').map((p) => p.relPath);
  const diagnostics: Diagnostic[] = [];
  const runs = [
    ...includeLists.map((list) => matchCorpusPaths(filePaths, globsOf(list), [], folderPaths)),
    matchCorpusPaths(filePaths, ['**'], globsOf(selection.exclude), folderPaths),
  ];
  const isSelected = (relPath: string) => runs.every((run) => run.matched.has(relPath));
  const isSearched = (folder: string) => folder === '.' || runs.every((run) => run.opened.has(folder));

  // One more fast-glob run per pattern only where a list has several (a single pattern's run is its list's).
  includeLists.forEach((list, index) => {
    for (const pattern of list) {
      const matched = list.length === 1 ? runs[index]!.matched : matchCorpusPaths(filePaths, [pattern.glob]).matched;
      if (matched.size === 0) diagnostics.push(matchesNothing(pattern, 'include', corpusYaml));
    }
  });
  const excludedBy = selection.exclude.map((pattern) => {
    const kept = selection.exclude.length === 1 ? runs[runs.length - 1]!.matched : matchCorpusPaths(filePaths, ['**'], [pattern.glob]).matched;
    const left = new Set(filePaths.filter((relPath) => !kept.has(relPath)));
    if (left.size === 0) diagnostics.push(matchesNothing(pattern, 'exclude', corpusYaml));
    return { pattern, left };
  });
  const reasonFor = (relPath: string): string => {
    const by = excludedBy.find(({ left }) => left.has(relPath));
    if (by) return `excluded by the pattern \`${by.pattern.glob}\` (${whereWritten(by.pattern, 'exclude')})`;
    const list = includeLists.find((_, index) => !runs[index]!.matched.has(relPath))!;
    return `matches none of the include patterns (${whereWritten(list[0]!, 'include')})`;
  };

  const files = walked.files.filter((file) => isSelected(file.relPath));
  const problems: WalkProblem[] = [];
  const promoted = new Map<string, string>();
  for (const problem of walked.problems) {
    if (problem.isFolder ? !isSearched(problem.relPath) : !isSelected(problem.relPath)) continue;
    if (problem.kind === 'same-file' && problem.firstSeen !== undefined && !isSelected(problem.firstSeen)) {
      const first = promoted.get(problem.firstSeen);
      if (first === undefined) {
        promoted.set(problem.firstSeen, problem.relPath);
        files.push({ relPath: problem.relPath, absolute: problem.absolute! });
        continue;
      }
      problems.push({ ...problem, firstSeen: first, reason: `is the same file as ${first} (through a symbolic link)` });
      continue;
    }
    problems.push(problem);
  }
  files.sort((a, b) => compareCodeUnits(a.relPath, b.relPath));
  const excluded = filePaths.filter((relPath) => !isSelected(relPath)).map((relPath) => ({ relPath, reason: reasonFor(relPath) }));
  return { files, problems, excluded, diagnostics };
}

function globsOf(patterns: readonly GlobPattern[]): string[] {
  return patterns.map((pattern) => pattern.glob);
}

function whereWritten(pattern: GlobPattern, list: 'include' | 'exclude'): string {
  return pattern.position ? `corpus.yaml line ${pattern.position.line}` : `--${list}`;
}

function matchesNothing(pattern: GlobPattern, list: 'include' | 'exclude', corpusYaml: string): Diagnostic {
  const folderHint = /[*?[{]/.test(pattern.glob) ? '' : ` To ${list} a folder, write \`${pattern.glob.replace(/\/+$/, '')}/**\`.`;
  return {
    severity: 'warning',
    rule: 'corpus/pattern-matches-nothing',
    message: `The ${list} pattern \`${pattern.glob}\`${pattern.position ? '' : ` (--${list})`} matches no document of the corpus.`,
    ...(pattern.position ? { file: corpusYaml, ...pattern.position } : {}),
    hint: `Patterns match the whole path relative to the corpus folder (\`*.pdf\` only at the top, \`**/*.pdf\` at any depth); check the spelling and letter case.${folderHint}`,
  };
}
