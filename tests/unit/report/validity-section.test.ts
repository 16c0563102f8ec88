import { describe, expect, it } from 'vitest';
import { toMethodsHtml } from '../../../src/report/html/to-methods-html.ts';
import { toMethodsSection } from '../../../src/report/to-methods-section.ts';
import { toValiditySection } from '../../../src/report/to-validity-section.ts';
import type { Codebook, CodeValidation, ReportModel } from '../../../src/types.ts';
import { codebook as fixtureCodebook, makeModel } from './html/html-fixture.ts';

const rate = (estimate: number, low: number, high: number, n: number) => ({ estimate, low, high, n });

/** The html fixture's codebook (tech/ict, tech/data, sust/green) with validation records. */
function modelWith(records: Partial<Record<'ict' | 'data' | 'green', CodeValidation>>, provenance?: Codebook['validation']): ReportModel {
  const codebook: Codebook = {
    ...fixtureCodebook,
    ...(provenance ? { validation: provenance } : {}),
    themes: fixtureCodebook.themes.map((theme) => ({
      ...theme,
      codes: theme.codes.map((code) => {
        const validation = records[code.id as 'ict' | 'data' | 'green'];
        return validation ? { ...code, validation } : code;
      }),
    })),
  };
  return { ...makeModel(), codebook };
}

const current = (extra: Partial<CodeValidation>): CodeValidation => ({
  measuredTermsSha256: 'aaaaaaaaaaaaaaaa',
  currentTermsSha256: 'aaaaaaaaaaaaaaaa',
  ...extra,
});

describe('Methods: measured validity of the codebook (report.md)', () => {
  const model = modelWith(
    {
      ict: current({ precision: rate(0.9, 0.744, 0.965, 30), recall: rate(0.85, 0.7, 0.93, 40) }),
      data: {
        ...current({ precision: rate(0.621, 0.44, 0.773, 29), note: '政府 counts the government reforming itself.' }),
        currentTermsSha256: 'bbbbbbbbbbbbbbbb',
      },
    },
    { coder: 'One coder, an AI language model.', date: '2026-12-06', precisionSheet: 'corpus/gold/p.csv', method: 'Judged by protocol.' },
  );
  const lines = toValiditySection(model);

  it('says how, by whom and when, with the sheets', () => {
    expect(lines).toContain('### Measured validity of the codebook');
    expect(lines).toContain('**Coder:** One coder, an AI language model. **Date:** 2026-12-06. **Precision sheet:** `corpus/gold/p.csv`.');
    expect(lines).toContain('**How measured:** Judged by protocol.');
    expect(lines.join('\n')).toContain('They hold for texts like those they were measured on');
  });

  it('tabulates each code: estimate [low, high] and n, the date, and whether its terms are still those measured', () => {
    expect(lines).toContain('| code | precision [95% CI] | n | recall [95% CI] | n | measured | terms |');
    expect(lines).toContain('| tech/ict | 0.900 [0.744, 0.965] | 30 | 0.850 [0.700, 0.930] | 40 | 2026-12-06 | as measured |');
    expect(lines).toContain('| tech/data | 0.621 [0.440, 0.773] | 29 | - | - | 2026-12-06 | changed since |');
    expect(lines).toContain('| sust/green | - | - | - | - | - | not measured |');
  });

  it('warns about codes whose terms changed, codes not measured, and weak codes with their note', () => {
    const warnings = lines.filter((line) => line.startsWith('- '));
    expect(warnings).toEqual([
      '- **Terms changed since measurement:** `tech/data`. Their terms or rules are not those their figures were measured on, so the figures describe earlier terms; measure them again.',
      '- **Not measured:** `sust/green`. Their counts have not been checked on real text.',
      '- **Weak code `tech/data`** (precision 0.621 [0.440, 0.773], below 0.70): 政府 counts the government reforming itself.',
    ]);
  });

  it('is the last part of the Methods section', () => {
    const methods = toMethodsSection(model);
    expect(methods.slice(-lines.length)).toEqual(lines);
  });

  it('says plainly that nothing was measured when no code records a figure', () => {
    const none = toValiditySection(modelWith({}));
    expect(none.some((line) => line.startsWith('| code |'))).toBe(false);
    expect(none.filter((line) => line.startsWith('- '))).toEqual([
      "- **Not measured.** The codebook records no measured precision or recall for any code, so how often its counts are right on real text is unknown. Measure it (`policycoder sample`, judge the sheet, `validate --review`; `sample --sentences`, `validate --gold`) and record the figures in each code's `validation:`.",
    ]);
  });

  it('marks figures recorded without a fingerprint as unknown', () => {
    const unpinned = toValiditySection(modelWith({ ict: { precision: rate(0.9, 0.744, 0.965, 30), currentTermsSha256: 'aaaaaaaaaaaaaaaa' } }));
    expect(unpinned).toContain('| tech/ict | 0.900 [0.744, 0.965] | 30 | - | - | - | unknown (no terms_sha256) |');
    expect(unpinned).toContain('- **Figures without a terms fingerprint:** `tech/ict`. Whether their terms changed since they were measured cannot be told.');
  });
});

describe('Methods: measured validity of the codebook (report.html)', () => {
  const model = modelWith(
    {
      ict: current({ precision: rate(0.9, 0.744, 0.965, 30) }),
      data: current({ precision: rate(0.621, 0.44, 0.773, 29), note: 'Reads <b>政府</b> widely.' }),
    },
    { coder: 'One coder, an AI language model.' },
  );
  const html = toMethodsHtml(model);

  it('keeps the Methods bullets and adds the subsection once, after them', () => {
    expect(html.match(/<h3 id="methods-validity">Measured validity of the codebook<\/h3>/g)).toHaveLength(1);
    expect(html.indexOf('<strong>Counts.</strong>')).toBeGreaterThan(0);
    expect(html.indexOf('<strong>Counts.</strong>')).toBeLessThan(html.indexOf('methods-validity'));
    // the subsection's own lines are not repeated as Methods bullets
    expect(html.match(/Terms changed since|Not measured:/g)?.length).toBe(1);
  });

  it('shows the table with weak rows highlighted and the note escaped', () => {
    expect(html).toContain('<p><strong>Coder:</strong> One coder, an AI language model.</p>');
    expect(html).toContain(
      '<tr><td>tech/ict</td><td>0.900 [0.744, 0.965]</td><td class="num">30</td><td>-</td><td class="num">-</td><td>-</td><td>as measured</td></tr>',
    );
    expect(html).toContain('<tr class="signif"><td>tech/data</td><td>0.621 [0.440, 0.773]</td>');
    expect(html).toContain('Reads &lt;b&gt;政府&lt;/b&gt; widely.');
    expect(html).toContain('<li><strong>Not measured:</strong> <code>sust/green</code>.');
  });
});
