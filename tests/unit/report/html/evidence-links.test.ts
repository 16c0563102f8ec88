import { describe, it, expect } from 'vitest';
import { createEvidenceLinks } from '../../../../src/report/html/evidence-links.ts';

describe('createEvidenceLinks', () => {
  it('derives stable ids from the filter and reuses them for equal filters', () => {
    const links = createEvidenceLinks();
    expect(links.id({ documents: ['nat-2012'], theme: 'tech', code: 'ict', label: 'x' })).toBe('evidence-nat-2012-ict');
    expect(links.id({ documents: ['nat-2012'], theme: 'tech', label: 'x' })).toBe('evidence-nat-2012-theme-tech');
    expect(links.id({ documents: [], theme: 'tech', label: 'x' })).toBe('evidence-theme-tech');
    expect(links.id({ documents: ['a', 'b'], pair: { series: 'national', a: 'tech', b: 'sust', unit: 'sentence' }, label: 'x' })).toBe(
      'evidence-national-sentence-tech-sust',
    );
    // the same filter with another label: the same id
    expect(links.id({ documents: ['nat-2012'], theme: 'tech', code: 'ict', label: 'other' })).toBe('evidence-nat-2012-ict');
    expect(Object.keys(links.entries())).toHaveLength(4);
  });

  it('gives a different filter that would reuse an id the suffix -2', () => {
    const links = createEvidenceLinks();
    // document "a-b" with code "c" and document "a" with code "b-c" both read "evidence-a-b-c"
    expect(links.id({ documents: ['a-b'], code: 'c', label: '' })).toBe('evidence-a-b-c');
    expect(links.id({ documents: ['a'], code: 'b-c', label: '' })).toBe('evidence-a-b-c-2');
  });

  it('writes an escaped title and keeps the given markup', () => {
    const links = createEvidenceLinks();
    expect(links.link({ documents: ['d'], theme: 't', label: '<d> "t"' }, '<b>3</b>')).toBe(
      '<a class="ev" href="#evidence-d-theme-t" title="Show the evidence: &lt;d&gt; &quot;t&quot;"><b>3</b></a>',
    );
  });
});
