import { bandScale, colorScale, px } from './chart-scales.ts';
import { formatRate } from '../format-number.ts';
import { fitLabel, svgLink, svgOpen, svgText, textWidth } from './svg-parts.ts';
import { maxOf } from '../../text/push-all.ts';

export interface HeatCell {
  value: number;
  href: string;
  tip: string;
}

export interface HeatMapSpec {
  label: string;
  rows: Array<{ key: string; label: string }>;
  columns: Array<{ key: string; label: string }>;
  /** `cells[row][column]`. */
  cells: HeatCell[][];
}

const CELL_WIDTH = 132;
const ROW = 26;
const LOW = '#f7fbff';
const HIGH = '#08306b';

/**
 * A rows x columns heat map (documents x themes): each cell's colour runs from white (0) to
 * dark blue (the largest value), its value is written on it, and it links to its evidence.
 */
export function toHeatMapSvg(spec: HeatMapSpec): string {
  const labelWidth = Math.min(
    270,
    maxOf(
      spec.rows.map((r) => textWidth(r.label, 11) + 8),
      60,
    ),
  );
  const header = 34;
  const width = labelWidth + 6 + spec.columns.length * CELL_WIDTH + 4;
  const height = header + spec.rows.length * ROW + 4;
  const max = maxOf(spec.cells.flat().map((c) => c.value, 0));
  const fill = colorScale([0, max > 0 ? max : 1], [LOW, HIGH]);
  const x = bandScale(
    spec.columns.map((c) => c.key),
    [labelWidth + 6, width - 4],
    0.04,
  );
  const y = bandScale(
    spec.rows.map((r) => r.key),
    [header, height - 4],
    0.08,
  );
  const out = [svgOpen(width, height, spec.label, 'chart heat-map')];
  for (const column of spec.columns) {
    out.push(svgText(x(column.key) + x.bandwidth / 2, header - 10, fitLabel(column.label, 11, CELL_WIDTH - 4), 'class="tick" text-anchor="middle"'));
  }
  spec.rows.forEach((row, r) => {
    const ry = y(row.key);
    out.push(svgText(labelWidth, ry + y.bandwidth / 2 + 4, fitLabel(row.label, 11, labelWidth - 4), 'class="tick" text-anchor="end"'));
    spec.columns.forEach((column, c) => {
      const cell = spec.cells[r]?.[c];
      if (!cell) return;
      const cx = x(column.key);
      const dark = max > 0 && cell.value / max > 0.55;
      out.push(
        svgLink(
          cell.href,
          cell.tip,
          `<rect x="${px(cx)}" y="${px(ry)}" width="${px(x.bandwidth)}" height="${px(y.bandwidth)}" fill="${fill(cell.value)}" stroke="#ccd"/>` +
            svgText(cx + x.bandwidth / 2, ry + y.bandwidth / 2 + 4, formatRate(cell.value), `class="cell-value${dark ? ' on-dark' : ''}" text-anchor="middle"`),
        ),
      );
    });
  });
  out.push('</svg>');
  return out.join('');
}
