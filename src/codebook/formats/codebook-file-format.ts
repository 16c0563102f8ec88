import { extname } from 'node:path';

/**
 * The file formats policycoder reads and writes. `native` and `quanteda` are both YAML
 * (`.yaml`/`.yml`); reading tells them apart by content, writing needs to be told.
 */
export type CodebookFileFormat = 'native' | 'quanteda' | 'liwc' | 'liwc22' | 'wordstat';

/** What users type after `--to`, and how messages name each format. */
export const FORMAT_NAMES: Record<CodebookFileFormat, string> = {
  native: 'policycoder YAML',
  quanteda: 'quanteda YAML',
  liwc: 'LIWC .dic',
  liwc22: 'LIWC-22 .dicx',
  wordstat: 'WordStat .cat',
};

/** The format a path's extension stands for; YAML and anything unknown read as YAML (`native`). */
export function formatOfPath(path: string): CodebookFileFormat {
  switch (extname(path).toLowerCase()) {
    case '.dic':
      return 'liwc';
    case '.dicx':
      return 'liwc22';
    case '.cat':
      return 'wordstat';
    default:
      return 'native';
  }
}

/** True for the extensions a codebook may be written to. */
export function isWritableExtension(path: string): boolean {
  return ['.yaml', '.yml', '.dic', '.dicx', '.cat'].includes(extname(path).toLowerCase());
}
