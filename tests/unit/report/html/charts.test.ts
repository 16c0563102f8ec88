import { describe, it, expect } from 'vitest';
import { bandScale, colorScale, linePath, linearScale, pointScale } from '../../../../src/report/html/chart-scales.ts';
import { toHeatMapSvg } from '../../../../src/report/html/to-heat-map-svg.ts';
import { toLineChartSvg, unbrokenRuns } from '../../../../src/report/html/to-line-chart-svg.ts';
import { toShareBarsSvg } from '../../../../src/report/html/to-share-bars-svg.ts';

describe('chart scales (d3 adapter)', () => {
  it('linear: nice round ticks; point: half a step of padding at each end; band: equal bands', () => {
    const y = linearScale([0, 98.3], [200, 0]);
    expect(y.ticks(5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(y(50)).toBe(100);
    // two names over 0..100 with padding 0.5: step 100 / (1 + 2 x 0.5) = 50 -> 25 and 75
    const x = pointScale(['a', 'b'], [0, 100]);
    expect([x('a'), x('b')]).toEqual([25, 75]);
    // two bands over 0..100, no padding: 50 each
    const band = bandScale(['a', 'b'], [0, 100], 0);
    expect([band('a'), band('b'), band.bandwidth]).toEqual([0, 50, 50]);
    expect(
      linePath([
        [0, 1.26],
        [10, 5],
      ]),
    ).toBe('M0,1.3L10,5');
    expect(colorScale([0, 1], ['#ffffff', '#000000'])(0.5)).toBe('rgb(128, 128, 128)');
  });
});

describe('toLineChartSvg', () => {
  const point = (value: number, significant = false) => ({ value, significant, href: '#e', tip: `v ${value}` });
  const svg = toLineChartSvg({
    label: 'Rates <test>',
    xs: [
      { key: 'd1', label: '2012' },
      { key: 'd2', label: '2016' },
    ],
    yTitle: 'per 1,000 words',
    lines: [
      { name: 'tech', colorIndex: 0, points: [point(0), point(10, true)] },
      { name: 'sust', colorIndex: 1, points: [point(5), point(5)] },
    ],
  });

  it('puts each value where the scales say: plot from y 256 (0) to 16 (10), x at 225 and 571', () => {
    // plot 16..256 px high; x over 52..744 with two points: step 692 / 2 = 346, points at 52 + 173 and 52 + 519
    expect(svg).toContain('d="M225,256L571,16"');
    // sust at 5 = halfway: y 136
    expect(svg).toContain('d="M225,136L571,136"');
  });

  it('draws a dot per value, a ring per significant change, an escaped accessible name', () => {
    expect(svg.match(/class="dot"/g)).toHaveLength(4);
    expect(svg.match(/class="signif"/g)).toHaveLength(1);
    expect(svg).toContain('aria-label="Rates &lt;test&gt;"');
    expect(svg).toContain('stroke-dasharray="6 3"');
  });
});

describe('toShareBarsSvg', () => {
  it('sizes each segment by its share of the bar', () => {
    const svg = toShareBarsSvg('Shares', [
      {
        key: 'd',
        label: 'd',
        segments: [
          { theme: 'a', colorIndex: 0, share: 0.25, href: '#a', tip: 'a' },
          { theme: 'b', colorIndex: 1, share: 0.75, href: '#b', tip: 'b' },
        ],
      },
    ]);
    const widths = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(widths).toHaveLength(2);
    const [[x0, w0], [x1, w1]] = widths as [[number, number], [number, number]];
    expect(w1 / w0).toBeCloseTo(3, 1);
    expect(x1).toBeCloseTo(x0 + w0, 1);
    expect(svg).toContain('>25%</text>');
    expect(svg).toContain('>75%</text>');
  });
});

describe('toHeatMapSvg', () => {
  it('runs from white at 0 to dark blue at the largest value, and writes the values', () => {
    const svg = toHeatMapSvg({
      label: 'Heat',
      rows: [{ key: 'd', label: 'd' }],
      columns: [
        { key: 'a', label: 'a' },
        { key: 'b', label: 'b' },
      ],
      cells: [
        [
          { value: 0, href: '#a', tip: 'a' },
          { value: 12.5, href: '#b', tip: 'b' },
        ],
      ],
    });
    // #f7fbff and #08306b
    expect(svg).toContain('fill="rgb(247, 251, 255)"');
    expect(svg).toContain('fill="rgb(8, 48, 107)"');
    expect(svg).toContain('>0.000</text>');
    expect(svg).toContain('>12.500</text>');
  });
});

describe('toLineChartSvg on a time axis', () => {
  const point = (value: number) => ({ value, significant: false, href: '#e', tip: `v ${value}` });
  const svg = toLineChartSvg({
    label: 'Yearly',
    xs: [
      { key: 'y2000', label: '2000', time: 2000.5 },
      { key: 'y2001', label: '2001', time: 2001.5 },
      { key: 'y2003', label: '2003', time: 2003.5 },
    ],
    yTitle: 'per 1,000 words',
    lines: [{ name: 'tech', colorIndex: 0, points: [point(0), point(10), point(10)] }],
    gaps: [2002],
  });

  it('places milestones by date: 2000.5 to 2003.5 padded by a quarter year over x 52..744', () => {
    // domain 2000.25..2003.75 = 3.5 years over 692 px: 197.714 px a year.
    // 2000.5 -> 52 + 0.25 x 197.714 = 101.4; 2001.5 -> 299.1; 2003.5 -> 52 + 3.25 x 197.714 = 694.6
    expect(svg).toContain('<circle class="dot" cx="101.4" cy="256"');
    expect(svg).toContain('<circle class="dot" cx="299.1" cy="16"');
    expect(svg).toContain('<circle class="dot" cx="694.6" cy="16"');
  });

  it('breaks the line across the missing year and shades it, labelled', () => {
    // One path for 2000-2001; 2003 stands alone (no path through 2002).
    expect(svg.match(/class="series"/g)).toHaveLength(1);
    expect(svg).toContain('d="M101.4,256L299.1,16"');
    // The band spans 2002.0 .. 2003.0: x 52 + 1.75 x 197.714 = 398 to 595.7, width 197.7.
    expect(svg).toContain('<rect x="398" y="16" width="197.7" height="240"');
    expect(svg).toContain('>no 2002</text>');
  });

  it('without gaps, one unbroken line; undated milestones stand apart at the right', () => {
    const runs = unbrokenRuns([{ time: 2000.5 }, { time: 2001.5 }, { time: 2003.5 }, {}], []);
    expect(runs).toEqual([
      [0, 3],
      [3, 4],
    ]);
    expect(unbrokenRuns([{ time: 2000.5 }, { time: 2001.5 }, { time: 2003.5 }], [2002])).toEqual([
      [0, 2],
      [2, 3],
    ]);
    // No time axis (all undated): one line, as before.
    expect(unbrokenRuns([{}, {}, {}], [])).toEqual([[0, 3]]);
  });
});
