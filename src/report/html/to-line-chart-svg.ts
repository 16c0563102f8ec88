import { linePath, linearScale, pointScale, px } from './chart-scales.ts';
import { escapeHtml } from './escape-html.ts';
import { fitLabel, svgLink, svgOpen, svgText, themeColor, themeDash } from './svg-parts.ts';
import { maxOf } from '../../text/push-all.ts';

export interface LinePoint {
  value: number;
  /** A significant change from the previous point: drawn with a ring. */
  significant: boolean;
  /** Anchor of the evidence behind the value (`#...`). */
  href: string;
  tip: string;
}

export interface LineChartSpec {
  label: string;
  /** X positions in order (milestones), shown as `label`. */
  xs: Array<{ key: string; label: string }>;
  yTitle: string;
  /** One line per theme, `points[i]` at `xs[i]`. */
  lines: Array<{ name: string; colorIndex: number; points: LinePoint[] }>;
}

const WIDTH = 760;
const MARGIN = { top: 16, right: 16, bottom: 64, left: 52 };
const PLOT_HEIGHT = 240;
const LEGEND_ROW = 18;

/**
 * A line chart as static SVG: one coloured, dashed line per theme across the milestones, a dot
 * per value linking to its evidence, a ring around values that changed significantly, y grid
 * with round ticks, and a legend below. Deterministic for the same spec.
 */
export function toLineChartSvg(spec: LineChartSpec): string {
  const legendRows = Math.ceil((spec.lines.length + 1) / 3);
  const plotBottom = MARGIN.top + PLOT_HEIGHT;
  const height = plotBottom + MARGIN.bottom + legendRows * LEGEND_ROW;
  const max = maxOf(spec.lines.flatMap((l) => l.points.map((p) => p.value), 0));
  const y = linearScale([0, max > 0 ? max : 1], [plotBottom, MARGIN.top]);
  const x = pointScale(
    spec.xs.map((p) => p.key),
    [MARGIN.left, WIDTH - MARGIN.right],
  );
  const out = [svgOpen(WIDTH, height, spec.label, 'chart line-chart')];
  for (const tick of y.ticks(5)) {
    out.push(`<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${px(y(tick))}" y2="${px(y(tick))}"/>`);
    out.push(svgText(MARGIN.left - 6, y(tick) + 4, String(tick), 'class="tick" text-anchor="end"'));
  }
  out.push(`<line class="axis" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${plotBottom}" y2="${plotBottom}"/>`);
  out.push(
    svgText(
      14,
      MARGIN.top + PLOT_HEIGHT / 2,
      spec.yTitle,
      `class="axis-title" text-anchor="middle" transform="rotate(-90 14 ${px(MARGIN.top + PLOT_HEIGHT / 2)})"`,
    ),
  );
  const rotate = spec.xs.length > 6;
  const step = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, spec.xs.length);
  for (const p of spec.xs) {
    const label = fitLabel(p.label, 11, rotate ? MARGIN.bottom * 1.3 : step - 4);
    const attrs = rotate ? `class="tick" text-anchor="end" transform="rotate(-40 ${px(x(p.key))} ${plotBottom + 14})"` : 'class="tick" text-anchor="middle"';
    out.push(svgText(x(p.key), plotBottom + 14, label, attrs));
  }
  spec.lines.forEach((l) => {
    const color = themeColor(l.colorIndex);
    const dash = themeDash(l.colorIndex);
    const coords = l.points.map((p, i) => [x(spec.xs[i]?.key ?? ''), y(p.value)] as const);
    if (coords.length > 1) {
      out.push(`<path class="series" d="${linePath(coords)}" fill="none" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    }
    l.points.forEach((p, i) => {
      const [cx, cy] = coords[i]!;
      const ring = p.significant ? `<circle class="signif" cx="${px(cx)}" cy="${px(cy)}" r="8" fill="none" stroke="#111" stroke-width="1.5"/>` : '';
      out.push(svgLink(p.href, p.tip, `${ring}<circle class="dot" cx="${px(cx)}" cy="${px(cy)}" r="4.5" fill="${color}"/>`));
    });
  });
  out.push(legend(spec, height - legendRows * LEGEND_ROW));
  out.push('</svg>');
  return out.join('');
}

function legend(spec: LineChartSpec, top: number): string {
  const column = (WIDTH - MARGIN.left) / 3;
  const items = spec.lines.map((l, i) => {
    const lx = MARGIN.left + (i % 3) * column;
    const ly = top + Math.floor(i / 3) * LEGEND_ROW + 10;
    const dash = themeDash(l.colorIndex);
    return (
      `<line x1="${px(lx)}" x2="${px(lx + 22)}" y1="${px(ly - 4)}" y2="${px(ly - 4)}" stroke="${themeColor(l.colorIndex)}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>` +
      svgText(lx + 28, ly, fitLabel(l.name, 11, column - 34), 'class="legend"')
    );
  });
  const n = spec.lines.length;
  const lx = MARGIN.left + (n % 3) * column;
  const ly = top + Math.floor(n / 3) * LEGEND_ROW + 10;
  items.push(
    `<circle cx="${px(lx + 11)}" cy="${px(ly - 4)}" r="6" fill="none" stroke="#111" stroke-width="1.5"/>${svgText(lx + 28, ly, 'significant change (p < 0.05)', 'class="legend"')}`,
  );
  return `<g class="legend-box" aria-label="${escapeHtml('Legend')}">${items.join('')}</g>`;
}
