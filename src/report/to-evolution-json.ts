import {
  TERM_LIST_LIMIT,
  type ChangeTest,
  type CodeStep,
  type EvolutionStep,
  type KeynessTerm,
  type SeriesEvolution,
  type TermShift,
  type TrendTest,
} from '../types.ts';
import { round3 } from './format-number.ts';

/**
 * `evolution.json`: the evolution with its statistics, nested series -> milestones -> themes and
 * codes, with the terms that appeared or vanished and the terms' keyness against the previous
 * milestone (each list cut to `termListLimit` entries; `termTotals` gives the full lengths). Rates, changes, G2 and log ratios are rounded to 3 decimals, shares to 4, p-values
 * to 4 significant digits, so reruns give identical files. When the run's statistics were computed,
 * each series also has `gaps` and `trends` (ratios to 6 significant digits), each rate
 * `per1000Low`/`per1000High` and each test its q-value `q`.
 */
export function toEvolutionJson(evolution: readonly SeriesEvolution[], alpha = 0.05): string {
  const series = evolution.map((one) => ({ ...seriesHead(one, alpha), milestones: one.steps.map(toMilestone) }));
  return `${JSON.stringify({ alpha, termListLimit: TERM_LIST_LIMIT, series }, null, 2)}\n`;
}

/**
 * `toEvolutionJson` in pieces, one per milestone, made one at a time as they are written, the same
 * bytes when joined: with thousands of milestones and a large codebook the file passes the longest
 * string JavaScript allows (~512 MB).
 */
export function* toEvolutionJsonChunks(evolution: readonly SeriesEvolution[], alpha = 0.05): Generator<string> {
  if (evolution.length === 0) {
    yield `${JSON.stringify({ alpha, termListLimit: TERM_LIST_LIMIT, series: [] }, null, 2)}\n`;
    return;
  }
  yield `{\n  "alpha": ${JSON.stringify(alpha)},\n  "termListLimit": ${TERM_LIST_LIMIT},\n  "series": [\n`;
  for (const [s, one] of evolution.entries()) {
    const head = JSON.stringify(seriesHead(one, alpha), null, 2).replace(/\n/g, '\n    ');
    // The series object without its closing brace, then "milestones" as JSON.stringify would indent it.
    const open = `    ${head.slice(0, -'\n    }'.length)},\n      "milestones": `;
    if (one.steps.length === 0) yield `${open}[]\n    }`;
    else {
      yield `${open}[\n`;
      for (const [m, step] of one.steps.entries()) {
        yield `${indentedMilestone(toMilestone(step))}${m < one.steps.length - 1 ? ',' : ''}\n`;
      }
      yield '      ]\n    }';
    }
    yield s < evolution.length - 1 ? ',\n' : '\n';
  }
  yield '  ]\n}\n';
}

/**
 * The milestone as `JSON.stringify` indents it four levels deep (8 spaces, as in the whole file),
 * made by stringifying it inside four arrays and cutting them off: the same text as re-indenting
 * each line of the plain stringification, without a second pass over it.
 */
function indentedMilestone(milestone: object): string {
  const nested = JSON.stringify([[[[milestone]]]], null, 2);
  return nested.slice(NESTING_OPEN.length - MILESTONE_INDENT.length, nested.length - NESTING_CLOSE.length);
}

const MILESTONE_INDENT = '        ';
const NESTING_OPEN = '[\n  [\n    [\n      [\n        ';
const NESTING_CLOSE = '\n      ]\n    ]\n  ]\n]';

function seriesHead({ series, tests, gaps, trends }: SeriesEvolution, alpha: number) {
  const head = { series, tests: tests ?? 0, bonferroniAlpha: tests ? Number((alpha / tests).toPrecision(4)) : null };
  // Added when computed (`buildRunStatistics`): the years missing among yearly documents, and the trend tests.
  return trends === undefined ? head : { ...head, gaps: gaps ?? [], trends: trends.map(trendJson) };
}

function trendJson(t: TrendTest) {
  const { series: _series, ...rest } = t;
  return {
    ...rest,
    dispersion: precise(t.dispersion),
    overdispersionP: t.overdispersionP === null ? null : roundP(t.overdispersionP),
    rateRatio: precise(t.rateRatio),
    low: precise(t.low),
    high: precise(t.high),
    statistic: precise(t.statistic),
    p: t.p === null ? null : roundP(t.p),
    q: t.q === undefined ? null : roundP(t.q),
    reason: t.reason ?? null,
  };
}

function precise(x: number | null): number | null {
  return x === null ? null : Number(x.toPrecision(6));
}

function toMilestone(step: EvolutionStep) {
  const { document } = step;
  return {
    document: document.id,
    title: document.title,
    date: document.date ?? null,
    year: document.year ?? null,
    previous: step.previous ?? null,
    words: step.words,
    themes: step.themes.map((t) => ({
      theme: t.theme,
      ...measure(t.count, t.per1000, t.share ?? 0, t.changePer1000, t.changeRelative, t.test ?? null),
      ...interval(t),
      topTerms: t.topTerms,
    })),
    codes: (step.codes ?? []).map((c: CodeStep) => ({
      theme: c.theme,
      code: c.code,
      ...measure(c.count, c.per1000, c.share, c.changePer1000, c.changeRelative, c.test),
      ...interval(c),
      topTerms: c.topTerms,
    })),
    appeared: (step.appeared ?? []).map(shift),
    vanished: (step.vanished ?? []).map(shift),
    keyness: (step.keyness ?? []).map((k: KeynessTerm) => ({ ...shift(k), g2: round3(k.g2), p: roundP(k.p), logRatio: roundOrNull(k.logRatio) })),
    termTotals: step.termTotals ?? null,
  };
}

function measure(count: number, per1000: number, share: number, change: number | null, relative: number | null, test: ChangeTest | null) {
  return {
    count,
    per1000: round3(per1000),
    share: Number(share.toFixed(4)),
    changePer1000: roundOrNull(change),
    changeRelative: roundOrNull(relative),
    test: test && {
      g2: round3(test.g2),
      p: roundP(test.p),
      logRatio: roundOrNull(test.logRatio),
      significant: test.significant,
      ...(test.q === undefined ? {} : { q: roundP(test.q) }),
    },
  };
}

/** The rate's exact 95% interval, when computed. */
function interval(m: { per1000Low?: number; per1000High?: number }) {
  return m.per1000Low === undefined || m.per1000High === undefined ? {} : { per1000Low: round3(m.per1000Low), per1000High: round3(m.per1000High) };
}

function shift({ theme, code, term, count, previousCount }: TermShift): TermShift {
  return { theme, code, term, count, previousCount };
}

function roundOrNull(x: number | null): number | null {
  return x === null ? null : round3(x);
}

function roundP(p: number): number {
  return Number(p.toPrecision(4));
}
