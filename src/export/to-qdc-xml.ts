import type { Codebook } from '../types.ts';
import { escapeXml } from './escape-xml.ts';
import { toRefiCodes } from './to-refi-codes.ts';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** A REFI-QDA codebook (`.qdc`, Codebook.xsd 1.0): the themes and codes, with deterministic GUIDs. */
export function toQdcXml(codebook: Codebook, origin: string): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${QDC_NAMESPACE}" origin="${escapeXml(origin)}">`,
    toRefiCodes(codebook, '  '),
    '</CodeBook>',
    '',
  ].join('\n');
}
