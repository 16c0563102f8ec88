import { describe, it, expect } from 'vitest';
import { escapeHtml, inlineMarkdownToHtml, toIdPart, toJsonIsland } from '../../../../src/report/html/escape-html.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that can start markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml('低碳 plain')).toBe('低碳 plain');
  });
});

describe('toJsonIsland', () => {
  it('cannot close its script element and parses back to the same value', () => {
    const value = { left: '</script><!-- & \u2028', n: [1, null] };
    const text = toJsonIsland(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('toIdPart', () => {
  it('keeps letters, digits and hyphens; writes anything else as _hex_', () => {
    expect(toIdPart('cn-2012-pilots')).toBe('cn-2012-pilots');
    expect(toIdPart('a b')).toBe('a_20_b');
    expect(toIdPart('a_b')).toBe('a_5f_b');
    // 低 U+4F4E, 碳 U+78B3
    expect(toIdPart('低碳')).toBe('_4f4e__78b3_');
  });
});

describe('inlineMarkdownToHtml', () => {
  it('escapes first, then turns **bold** and `code` into tags', () => {
    expect(inlineMarkdownToHtml('**Rate** = `count` <x>')).toBe('<strong>Rate</strong> = <code>count</code> &lt;x&gt;');
  });

  it('reads the backslash escapes of escapeMarkdown as the literal characters, outside the ** and ` rules', () => {
    // User text "**not bold** `x` <b>" escaped for report.md: \*\*not bold\*\* \`x\` \<b\>
    expect(inlineMarkdownToHtml('**Note:** \\*\\*not bold\\*\\* \\`x\\` \\<b\\>')).toBe('<strong>Note:</strong> **not bold** `x` &lt;b&gt;');
    expect(inlineMarkdownToHtml('a\0b')).toBe('ab');
  });
});
