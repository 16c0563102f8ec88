import type { ReportModel } from '../types.ts';
import { escapeMarkdown } from './markdown-table.ts';
import { STATISTICS_METHODS } from './statistics-methods.ts';
import { toValiditySection } from './to-validity-section.ts';

/** What every number means: denominators, the word rule, units, tests and formulas. */
export function toMethodsSection(model: ReportModel): string[] {
  const { cjkWords, contextWidth, alpha } = model.settings;
  const tests = model.evolution.map((s) => `${escapeMarkdown(s.series)}: ${s.tests ?? 0}`).join('; ');
  const wordRule =
    cjkWords === 'icu'
      ? 'Chinese and Japanese text is split into words by ICU word segmentation (as quanteda), and each word-like segment counts.'
      : 'Each Chinese or Japanese character counts as one word.';
  return [
    '## Methods',
    '',
    "- **Counts.** A mention is one match of a code's term in the text (case-insensitive unless the codebook says otherwise; " +
      "within a code the longest match wins, codes count independently). A theme's count is the sum of its codes' counts. " +
      'Every mention is one row of evidence.csv; per document and code the rows equal `count` in frequencies.csv.',
    `- **Denominator.** Rates are mentions per 1,000 words of the document. A word is a token with a letter or digit. ${wordRule} ` +
      '`words` is listed wherever a rate is, so every rate can be recomputed.',
    "- **Share.** A theme's (or code's) count divided by all coded mentions in the same document (or corpus, in the overview).",
    '- **Milestones.** Documents of a series in date order (year if there is no date; undated last). Each milestone is compared with the previous one in its series.',
    '- **Change.** This rate minus the previous rate (per 1,000 words); relative change = that change / previous rate (none when the previous rate is 0).',
    '- **G2 test.** Log-likelihood G2 = 2 sum O ln(O/E) over the 2x2 table (mentions, other words) x (this milestone, previous milestone), ' +
      'E = row total x column total / N; p from the chi-square distribution with 1 degree of freedom (p = erfc(sqrt(G2/2))). ' +
      `Flagged when p < ${alpha}. G2 3.84 corresponds to p = 0.05 and 6.63 to p = 0.01.`,
    '- **Effect size.** Log2 ratio = log2((a/n1) / (b/n2)) of this rate over the previous; a zero count is replaced by 0.5 ' +
      '(both zero: none). +1 means the rate doubled, -1 that it halved.',
    `- **Multiple comparisons.** Each series runs one test per theme and per code per milestone (${tests}), plus the tests below. ` +
      'Every test of the run (changes between milestones, first against last, trends, group comparisons) gets a Benjamini-Hochberg ' +
      `q-value, the whole run being one family${model.adjustedTests ? ` of ${model.adjustedTests} tests` : ''}; the flags (*, "significant", rings in the charts) mean q < ${alpha}, ` +
      'which keeps the expected share of false discoveries among the flagged below 5%. p is given beside q; a Bonferroni threshold 0.05 / m is still stated per series. ' +
      'Keyness lists test terms; their * stays uncorrected p < 0.05 (exploratory).',
    ...STATISTICS_METHODS,
    '- **Keyness.** Each term counted in a milestone or in the previous one is tested the same way (G2, 2x2 of the term vs other words), ' +
      'the previous milestone of the series being the reference corpus. Terms that appeared (0 before) or vanished (0 now) are listed.',
    '- **Units.** Paragraphs are separated by blank lines; in PDF text (no blank lines) a new paragraph starts after a line ending with ' +
      'sentence punctuation that is shorter than 75% of a full line (80th percentile of line lengths) or followed by a numbered line, ' +
      'after a short heading-like line, and at a page break after a full stop. Sentences end at `。！？；` and at `. ! ?` followed by ' +
      'a space and a capital, digit or CJK character (not after common abbreviations, initials or a list number); they never cross a paragraph.',
    '- **Co-occurrence.** Jaccard = both / (A + B - both); obs/exp = both x units / (A x B), where A and B count the units holding each theme.',
    `- **Evidence.** Context is up to ${contextWidth} characters on each side of the match, within its sentence, whitespace collapsed ` +
      '(`…` marks a cut). Lines are 1-based lines of the extracted text; pages are PDF pages.',
    ...(model.inputs.some((input) => input.boilerplate !== undefined)
      ? [
          '- **Boilerplate.** Lines that the boilerplate rules of corpus.yaml remove (licence footers, database headers, page furniture) are ' +
            'blanked before anything is counted: they add no match and no word, and read as blank lines (they end the paragraph before them). ' +
            'Offsets, lines and pages still refer to the extracted text. What each rule removed is listed under Warnings and failed inputs.',
        ]
      : []),
    ...toValiditySection(model),
  ];
}
