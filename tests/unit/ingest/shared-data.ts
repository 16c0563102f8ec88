import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { SourceFile } from '../../../src/types.ts';

/** The project's shared real-data folder (`../shared/data` beside the repository), if present. */
export const sharedData = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
export const hasSharedPdfs = existsSync(path.join(sharedData, 'pdf', 'normal'));
if (!hasSharedPdfs) console.warn(`Skipping PDF tests: ${sharedData}pdf is absent.`);

/** A SourceFile for a PDF under shared/data/pdf, with its real size and sha256. */
export async function sharedPdf(relPath: string): Promise<SourceFile> {
  const absolute = path.join(sharedData, 'pdf', relPath);
  const bytes = await readFile(absolute);
  return {
    path: absolute,
    relPath,
    format: 'pdf',
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
