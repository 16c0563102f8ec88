import { linePath, linearScale, px, timeScale } from './chart-scales.ts';
import { escapeHtml } from './escape-html.ts';
import { fitLabel, svgLink, svgOpen, svgText, themeColor, themeDash } from './svg-parts.ts';
import { maxOf } from '../../text/push-all.ts';

export interface LinePoint {
  value: number;
  /** A significant change from the previous point (q < 0.05): drawn with a ring. */
  significant: boolean;
  /** Anchor of the evidence behind the value (`#...`). */
  href: string;
  tip: string;
}

export interface LineChartSpec {
  label: string;
  /** X positions in order (milestones), shown as `label`, placed by `time` (decimal year) when given. */
  xs: Array<{ key: string; label: string; time?: number | undefined }>;
  yTitle: string;
  /** One line per theme, `points[i]` at `xs[i]`. */
  lines: Array<{ name: string; colorIndex: number; points: LinePoint[] }>;
  /** Years missing among the milestones (a yearly series): the lines break across them and a shaded band names them. */
  gaps?: readonly number[];
}

const WIDTH = 760;
const MARGIN = { top: 16, right: 16, bottom: 64, left: 52 };
const PLOT_HEIGHT = 240;
const LEGEND_ROW = 18;

/** Labels of milestones closer than this (px) to the previous label are left out (the dots keep their tooltips). */
const MIN_LABEL_SPACING = 13;

/**
 * A line chart as static SVG: one coloured, dashed line per theme across the milestones, placed on
 * a time axis by their dates (undated ones in a band at the right), a dot per value linking to its
 * evidence, a ring around values that changed significantly, y grid with round ticks, missing
 * years shaded and named with the lines broken across them, and a legend below. Deterministic for
 * the same spec.
 */
export function toLineChartSvg(spec: LineChartSpec): string {
  const legendRows = Math.ceil((spec.lines.length + 1) / 3);
  const plotBottom = MARGIN.top + PLOT_HEIGHT;
  const height = plotBottom + MARGIN.bottom + legendRows * LEGEND_ROW;
  const max = maxOf(spec.lines.flatMap((l) => l.points.map((p) => p.value), 0));
  const y = linearScale([0, max > 0 ? max : 1], [plotBottom, MARGIN.top]);
  const { x, time } = timeScale(spec.xs, [MARGIN.left, WIDTH - MARGIN.right]);
  const out = [svgOpen(WIDTH, height, spec.label, 'chart line-chart')];
  if (time) out.push(...gapBands(spec.gaps ?? [], time, plotBottom));
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
  let lastLabel = Number.NEGATIVE_INFINITY;
  for (const p of spec.xs) {
    const at = x(p.key);
    if (at - lastLabel < MIN_LABEL_SPACING) continue;
    lastLabel = at;
    const label = fitLabel(p.label, 11, rotate ? MARGIN.bottom * 1.3 : step - 4);
    const attrs = rotate ? `class="tick" text-anchor="end" transform="rotate(-40 ${px(at)} ${plotBottom + 14})"` : 'class="tick" text-anchor="middle"';
    out.push(svgText(at, plotBottom + 14, label, attrs));
  }
  const runs = unbrokenRuns(spec.xs, spec.gaps ?? []);
  spec.lines.forEach((l) => {
    const color = themeColor(l.colorIndex);
    const dash = themeDash(l.colorIndex);
    const coords = l.points.map((p, i) => [x(spec.xs[i]?.key ?? ''), y(p.value)] as const);
    for (const [start, end] of runs) {
      if (end - start < 2) continue;
      out.push(
        `<path class="series" d="${linePath(coords.slice(start, end))}" fill="none" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      );
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
    `<circle cx="${px(lx + 11)}" cy="${px(ly - 4)}" r="6" fill="none" stroke="#111" stroke-width="1.5"/>${svgText(lx + 28, ly, 'significant change (q < 0.05)', 'class="legend"')}`,
  );
  return `<g class="legend-box" aria-label="${escapeHtml('Legend')}">${items.join('')}</g>`;
}

/**
 * The index ranges [start, end) of milestones joined by a line: on a time axis (two or more
 * distinct times), a line breaks where a missing year lies between two consecutive milestones, and
 * before and after an undated one (those stand apart at the right). Without one, a single line.
 */
export function unbrokenRuns(xs: ReadonlyArray<{ time?: number | undefined }>, gaps: readonly number[]): Array<[number, number]> {
  const timed = new Set(xs.flatMap((x) => (x.time === undefined ? [] : [x.time]))).size >= 2;
  const runs: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= xs.length; i++) {
    const before = xs[i - 1]?.time;
    const now = xs[i]?.time;
    const across = (b: number, n: number) => gaps.some((year) => Math.floor(b) < year && year < Math.floor(n));
    const broken = i === xs.length || (timed && (before === undefined || now === undefined || across(before, now)));
    if (broken) {
      runs.push([start, i]);
      start = i;
    }
  }
  return runs;
}

/** A shaded band over each run of missing years, labelled `no 2020` (or `no 2003-2004`). */
function gapBands(gaps: readonly number[], time: (t: number) => number, plotBottom: number): string[] {
  const sorted = [...gaps].sort((a, b) => a - b);
  const bands: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const from = sorted[i]!;
    const to = sorted[j]!;
    const x1 = time(from);
    const x2 = time(to + 1);
    const label = from === to ? `no ${from}` : `no ${from}-${to}`;
    bands.push(
      `<g class="gap"><title>${escapeHtml(`${label}: no document for ${from === to ? 'this year' : 'these years'}`)}</title>` +
        `<rect x="${px(x1)}" y="${MARGIN.top}" width="${px(Math.max(1, x2 - x1))}" height="${plotBottom - MARGIN.top}" fill="#f2f2f2" stroke="#999" stroke-dasharray="3 3"/>` +
        `${svgText((x1 + x2) / 2, MARGIN.top + 11, label, 'class="gap-label" text-anchor="middle"')}</g>`,
    );
    i = j + 1;
  }
  return bands;
}
