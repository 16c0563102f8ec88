import { describe, it, expect } from 'vitest';
import { formatChange, formatInteger, formatPercent, formatRate, round3 } from '../../../src/report/format-number.ts';

describe('formatRate', () => {
  it.each([
    [4, '4.000'],
    [4.2104, '4.210'],
    [2 / 3, '0.667'],
    [-2, '-2.000'],
    [0, '0.000'],
    [-0, '0.000'],
    [-0.0004, '0.000'], // rounds to -0.000 with toFixed
    [1234.5, '1234.500'],
  ])('%s -> %s', (x, expected) => {
    expect(formatRate(x)).toBe(expected);
  });
});

describe('formatChange', () => {
  it.each([
    [1.3, '+1.300'],
    [-0.5, '-0.500'],
    [0, '0.000'],
    [-0, '0.000'],
    [0.0004, '0.000'],
    [-0.0004, '0.000'],
    [0.0005, '+0.001'],
  ])('%s -> %s', (x, expected) => {
    expect(formatChange(x)).toBe(expected);
  });
});

describe('formatPercent, formatInteger, round3', () => {
  it('formats fractions as percentages with one decimal', () => {
    expect(formatPercent(0.521)).toBe('52.1%');
    expect(formatPercent(1 / 3)).toBe('33.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(-0)).toBe('0.0%');
    expect(formatPercent(0.5, 0)).toBe('50%');
  });

  it('groups thousands', () => {
    expect(formatInteger(0)).toBe('0');
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(1500)).toBe('1,500');
    expect(formatInteger(1234567)).toBe('1,234,567');
    expect(formatInteger(-12345)).toBe('-12,345');
  });

  it('rounds to three decimals without negative zero', () => {
    expect(round3(2 / 3)).toBe(0.667);
    expect(round3(4)).toBe(4);
    expect(Object.is(round3(-0.0001), 0)).toBe(true);
  });
});
