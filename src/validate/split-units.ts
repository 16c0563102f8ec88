import type { PageSpan } from '../types.ts';
import { segmentText } from '../text/segment-text.ts';

export type UnitKind = 'sentence' | 'paragraph';

/** One unit: its 1-based number within the document and its `[start, end)` range, trimmed. */
export interface TextUnit {
  index: number;
  start: number;
  end: number;
}

/**
 * The sentences or paragraphs of a document, numbered from 1, as the shared segmenter
 * (`text/segment-text.ts`) finds them; `pages` lets it find paragraphs in PDF text.
 */
export function splitUnits(text: string, kind: UnitKind, pages: readonly PageSpan[] = []): TextUnit[] {
  const segments = segmentText(text, pages);
  const spans = kind === 'sentence' ? segments.sentences : segments.paragraphs;
  return spans.map((span, index) => ({ index: index + 1, start: span.start, end: span.end }));
}
