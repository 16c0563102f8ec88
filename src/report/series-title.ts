import { NO_SERIES } from '../types.ts';

/** A series' heading: `Series: shenzhen`, or `(no series)` as it is. Plain text; callers escape. */
export function seriesTitle(series: string): string {
  return series === NO_SERIES ? series : `Series: ${series}`;
}
