/**
 * The adapter for d3-scale and d3-shape (pure functions, no DOM): every chart of report.html
 * gets its scales, ticks and line paths here, rendered to static SVG at build time.
 */
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

export interface LinearScale {
  (value: number): number;
  ticks(count: number): number[];
}

/** A linear scale from `domain` to `range`; with `nice`, the domain is widened to round tick values. */
export function linearScale(domain: [number, number], range: [number, number], nice = true): LinearScale {
  const scale = scaleLinear().domain(domain).range(range);
  if (nice) scale.nice(5);
  const fn = ((value: number) => scale(value)) as LinearScale;
  fn.ticks = (count: number) => scale.ticks(count);
  return fn;
}

/** A colour between the stops (`#rrggbb`) for values across `domain` (clamped): `rgb(r, g, b)`. */
export function colorScale(domain: readonly number[], colors: readonly string[]): (value: number) => string {
  const scale = scaleLinear<string>().domain(domain).range(colors).clamp(true);
  return (value: number) => scale(value);
}

/** Evenly spaced positions for named points (milestones) with half a step of padding at each end. */
export function pointScale(names: readonly string[], range: [number, number]): (name: string) => number {
  const scale = scalePoint<string>().domain(names).range(range).padding(0.5);
  return (name: string) => scale(name) ?? range[0];
}

/**
 * Positions for milestones on a time axis: those with a `time` (decimal year) on a linear scale over
 * their time range (padded by 4% of it, at least a quarter year, on each side), so that their
 * spacing follows their dates; those without, evenly after them in a band at the right end (at
 * most 30% of the width, 40 px each). Falls back to `pointScale` when fewer than two distinct
 * times are known. Returns each key's x and the time scale (null in the fallback).
 */
export function timeScale(
  points: ReadonlyArray<{ key: string; time?: number | undefined }>,
  range: [number, number],
): { x: (key: string) => number; time: ((t: number) => number) | null } {
  const times = points.flatMap((p) => (p.time === undefined ? [] : [p.time]));
  const first = Math.min(...times);
  const last = Math.max(...times);
  if (new Set(times).size < 2) {
    const fallback = pointScale(
      points.map((p) => p.key),
      range,
    );
    return { x: fallback, time: null };
  }
  const undated = points.filter((p) => p.time === undefined).map((p) => p.key);
  const reserved = Math.min((range[1] - range[0]) * 0.3, undated.length * 40);
  const pad = Math.max(0.25, (last - first) * 0.04);
  const scale = scaleLinear()
    .domain([first - pad, last + pad])
    .range([range[0], range[1] - reserved]);
  const band = pointScale(undated, [range[1] - reserved, range[1]]);
  const timeOf = new Map(points.map((p) => [p.key, p.time]));
  const time = (t: number) => scale(t);
  return {
    x: (key: string) => {
      const t = timeOf.get(key);
      return t === undefined ? band(key) : time(t);
    },
    time,
  };
}

export interface BandScale {
  (name: string): number;
  bandwidth: number;
}

/** Bands (bars, heat-map rows) for named items, with `padding` (0..1) between them. */
export function bandScale(names: readonly string[], range: [number, number], padding: number): BandScale {
  const scale = scaleBand<string>()
    .domain(names)
    .range(range)
    .paddingInner(padding)
    .paddingOuter(padding / 2);
  const fn = ((name: string) => scale(name) ?? range[0]) as BandScale;
  fn.bandwidth = scale.bandwidth();
  return fn;
}

/** An SVG path `d` through the points, straight segments, coordinates rounded to 0.1 px. */
export function linePath(points: ReadonlyArray<readonly [number, number]>): string {
  const path = line<readonly [number, number]>()
    .x((p) => p[0])
    .y((p) => p[1])
    .digits(1);
  return path(points) ?? '';
}

/** A coordinate rounded to 0.1 px, so the SVG text is short and stable. */
export function px(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
