import { bandScale, linearScale, px } from './chart-scales.ts';
import { fitLabel, svgLink, svgOpen, svgText, textWidth, themeColor } from './svg-parts.ts';
import { maxOf } from '../../text/push-all.ts';

export interface ShareBar {
  key: string;
  label: string;
  /** One segment per theme in codebook order; shares add up to 1 (or 0 without mentions). */
  segments: Array<{ theme: string; colorIndex: number; share: number; href: string; tip: string }>;
}

const WIDTH = 760;
const ROW = 24;
const LABEL_MAX = 270;

/**
 * 100% stacked horizontal bars: one bar per row (the corpus, then each document), one segment
 * per theme sized by its share of the row's coded mentions, each linking to its evidence.
 * Shares of 6% or more are written on the segment.
 */
export function toShareBarsSvg(label: string, bars: readonly ShareBar[]): string {
  const labelWidth = Math.min(
    LABEL_MAX,
    maxOf(
      bars.map((b) => textWidth(b.label, 11) + 8),
      60,
    ),
  );
  const top = 8;
  const axisGap = 22;
  const height = top + bars.length * ROW + axisGap;
  const left = labelWidth + 6;
  const x = linearScale([0, 1], [left, WIDTH - 24], false);
  const y = bandScale(
    bars.map((b) => b.key),
    [top, top + bars.length * ROW],
    0.25,
  );
  const out = [svgOpen(WIDTH, height, label, 'chart share-bars')];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(`<line class="grid" x1="${px(x(tick))}" x2="${px(x(tick))}" y1="${top}" y2="${px(top + bars.length * ROW)}"/>`);
    out.push(svgText(x(tick), height - 6, `${tick * 100}%`, 'class="tick" text-anchor="middle"'));
  }
  for (const bar of bars) {
    const by = y(bar.key);
    out.push(svgText(labelWidth, by + y.bandwidth / 2 + 4, fitLabel(bar.label, 11, labelWidth - 4), 'class="tick" text-anchor="end"'));
    let start = 0;
    for (const seg of bar.segments) {
      if (seg.share <= 0) continue;
      const x0 = x(start);
      const w = x(start + seg.share) - x0;
      start += seg.share;
      const text =
        seg.share >= 0.06 ? svgText(x0 + w / 2, by + y.bandwidth / 2 + 4, `${Math.round(seg.share * 100)}%`, 'class="on-bar" text-anchor="middle"') : '';
      out.push(
        svgLink(
          seg.href,
          seg.tip,
          `<rect x="${px(x0)}" y="${px(by)}" width="${px(w)}" height="${px(y.bandwidth)}" fill="${themeColor(seg.colorIndex)}"/>${text}`,
        ),
      );
    }
  }
  out.push('</svg>');
  return out.join('');
}
