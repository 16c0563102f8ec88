import type { Codebook } from '../types.ts';
import { escapeXml } from './escape-xml.ts';
import { codeGuid, toRefiCodes } from './to-refi-codes.ts';
import { toRefiGuid } from './to-refi-guid.ts';

export const QDE_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** A document and the dictionary's coded segments in it. */
export interface ExportSource {
  id: string;
  text: string;
  /** UTF-16 offsets into `text`, with the code as `theme` and `code` ids. */
  segments: Array<{ start: number; end: number; theme: string; code: string }>;
}

/** The GUID of a source, which also names its text file `Sources/<guid>.txt` in the .qdpx. */
export function sourceGuid(id: string): string {
  return toRefiGuid(`source:${id}`);
}

/**
 * A REFI-QDA project (`project.qde`, Project.xsd 1.0): the codebook, one user (the dictionary),
 * and each document as a TextSource whose coded segments are PlainTextSelections, one per
 * distinct span, with one Coding per code. Positions count Unicode code points of the source text.
 */
export function toQdeXml(name: string, origin: string, codebook: Codebook, sources: readonly ExportSource[]): string {
  const user = toRefiGuid('user:policycoder-dictionary');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="${QDE_NAMESPACE}" name="${escapeXml(name)}" origin="${escapeXml(origin)}" creatingUserGUID="${user}">`,
    '  <Users>',
    `    <User guid="${user}" name="policycoder dictionary (${escapeXml(codebook.name)})"/>`,
    '  </Users>',
    '  <CodeBook>',
    toRefiCodes(codebook, '    '),
    '  </CodeBook>',
    '  <Sources>',
  ];
  for (const source of sources) {
    const guid = sourceGuid(source.id);
    const toPoint = codePointOffsets(source.text);
    lines.push(`    <TextSource guid="${guid}" name="${escapeXml(source.id)}" plainTextPath="internal://${guid}.txt" creatingUser="${user}">`);
    const bySpan = new Map<string, { start: number; end: number; codes: Array<{ theme: string; code: string }> }>();
    for (const segment of source.segments) {
      const key = `${segment.start}:${segment.end}`;
      const span = bySpan.get(key) ?? { start: segment.start, end: segment.end, codes: [] };
      span.codes.push(segment);
      bySpan.set(key, span);
    }
    const spans = [...bySpan.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    for (const span of spans) {
      const start = toPoint(span.start);
      const end = toPoint(span.end);
      const words = source.text.slice(span.start, span.end).replace(/\s+/g, ' ');
      lines.push(
        `      <PlainTextSelection guid="${toRefiGuid(`selection:${source.id}:${span.start}:${span.end}`)}" name="${escapeXml(words)}" startPosition="${start}" endPosition="${end}" creatingUser="${user}">`,
      );
      for (const { theme, code } of span.codes) {
        lines.push(`        <Coding guid="${toRefiGuid(`coding:${source.id}:${span.start}:${span.end}:${theme}/${code}`)}" creatingUser="${user}">`);
        lines.push(`          <CodeRef targetGUID="${codeGuid(theme, code)}"/>`);
        lines.push('        </Coding>');
      }
      lines.push('      </PlainTextSelection>');
    }
    lines.push('    </TextSource>');
  }
  lines.push('  </Sources>', '</Project>', '');
  return lines.join('\n');
}

/** Maps UTF-16 offsets to code-point offsets (identity when the text has no astral characters). */
function codePointOffsets(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset;
  const prefix = new Int32Array(text.length + 1);
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    prefix[i] = points;
    const unit = text.charCodeAt(i);
    if (!(unit >= 0xdc00 && unit <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) points++;
  }
  prefix[text.length] = points;
  return (offset) => prefix[offset]!;
}
