import { bandScale, colorScale, px } from './chart-scales.ts';
import { formatRate } from '../format-number.ts';
import { fitLabel, svgLink, svgOpen, svgText, textWidth } from './svg-parts.ts';

export interface MatrixCell {
  /** Units holding both themes. */
  both: number;
  /** Observed / expected; null when a theme is absent. */
  obsExp: number | null;
  href: string;
  tip: string;
}

export interface MatrixSpec {
  label: string;
  themes: string[];
  /** Below the diagonal (`row > column`): `lower[row][column]`, paragraphs. */
  lower: Array<Array<MatrixCell | undefined>>;
  /** Above the diagonal (`row < column`): `upper[row][column]`, sentences. */
  upper: Array<Array<MatrixCell | undefined>>;
  /** Units holding each theme, for the diagonal: `[paragraphs, sentences]`. */
  diagonal: Array<[number, number]>;
}

const CELL = 132;
const ROW = 64;
/** Below chance (0) -> as chance (1) -> twice chance or more (2). */
const fill = colorScale([0, 1, 2], ['#d6604d', '#f7f7f7', '#4393c3']);

/**
 * A theme x theme co-occurrence matrix: below the diagonal paragraphs, above it sentences.
 * Each cell shows how many units hold both themes and its observed/expected ratio, coloured
 * red (less than chance) through white (chance) to blue (more), and links to the sentences.
 */
export function toMatrixSvg(spec: MatrixSpec): string {
  const labelWidth = Math.min(200, Math.max(60, ...spec.themes.map((t) => textWidth(t, 11) + 8)));
  const header = 30;
  const width = labelWidth + 6 + spec.themes.length * CELL + 4;
  const height = header + spec.themes.length * ROW + 4;
  const x = bandScale(spec.themes, [labelWidth + 6, width - 4], 0.04);
  const y = bandScale(spec.themes, [header, height - 4], 0.04);
  const out = [svgOpen(width, height, spec.label, 'chart matrix')];
  spec.themes.forEach((theme, i) => {
    out.push(svgText(x(theme) + x.bandwidth / 2, header - 10, fitLabel(theme, 11, CELL - 4), 'class="tick" text-anchor="middle"'));
    out.push(svgText(labelWidth, y(theme) + y.bandwidth / 2 + 4, fitLabel(theme, 11, labelWidth - 4), 'class="tick" text-anchor="end"'));
    spec.themes.forEach((other, j) => {
      const cx = x(other);
      const cy = y(theme);
      const box = (color: string) => `<rect x="${px(cx)}" y="${px(cy)}" width="${px(x.bandwidth)}" height="${px(y.bandwidth)}" fill="${color}" stroke="#ccd"/>`;
      const mid = cx + x.bandwidth / 2;
      const cyMid = cy + y.bandwidth / 2;
      if (i === j) {
        const [p, s] = spec.diagonal[i] ?? [0, 0];
        out.push(
          box('#e6e6e6') +
            svgText(mid, cyMid - 3, `${p} par.`, 'class="cell-value" text-anchor="middle"') +
            svgText(mid, cyMid + 13, `${s} sent.`, 'class="cell-value" text-anchor="middle"'),
        );
        return;
      }
      const cell = i > j ? spec.lower[i]?.[j] : spec.upper[i]?.[j];
      if (!cell) return;
      const ratio = cell.obsExp === null ? '-' : formatRate(cell.obsExp);
      out.push(
        svgLink(
          cell.href,
          cell.tip,
          box(cell.obsExp === null ? '#ffffff' : fill(cell.obsExp)) +
            svgText(mid, cyMid + 1, String(cell.both), 'class="cell-big" text-anchor="middle"') +
            svgText(mid, cyMid + 18, `o/e ${ratio}`, 'class="cell-value" text-anchor="middle"'),
        ),
      );
    });
  });
  out.push('</svg>');
  return out.join('');
}
