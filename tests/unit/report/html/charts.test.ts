import { describe, it, expect } from 'vitest';
import { bandScale, colorScale, linePath, linearScale, pointScale } from '../../../../src/report/html/chart-scales.ts';
import { toHeatMapSvg } from '../../../../src/report/html/to-heat-map-svg.ts';
import { toLineChartSvg } from '../../../../src/report/html/to-line-chart-svg.ts';
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
