import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, parseYamlTree } from '../../../src/codebook/parse-yaml-tree.ts';

describe('parseYamlTree', () => {
  it('gives every key and value its 1-based line:column', () => {
    const { root, problems } = parseYamlTree('a:\n  - x\n  - { k: 5 }\nb: true\n');
    expect(problems).toEqual([]);
    expect(root).toEqual({
      kind: 'map',
      position: { line: 1, column: 1 },
      entries: [
        {
          key: 'a',
          keyPosition: { line: 1, column: 1 },
          value: {
            kind: 'seq',
            position: { line: 2, column: 3 },
            items: [
              { kind: 'scalar', value: 'x', position: { line: 2, column: 5 } },
              {
                kind: 'map',
                position: { line: 3, column: 5 },
                entries: [{ key: 'k', keyPosition: { line: 3, column: 7 }, value: { kind: 'scalar', value: 5, position: { line: 3, column: 10 } } }],
              },
            ],
          },
        },
        { key: 'b', keyPosition: { line: 4, column: 1 }, value: { kind: 'scalar', value: true, position: { line: 4, column: 4 } } },
      ],
    });
  });

  it('keeps non-string keys as written and marks complex keys as null', () => {
    const { root } = parseYamlTree('1.0: a\ntrue: b\n? [x]\n: c\n');
    expect(root?.kind === 'map' && root.entries.map((e) => e.key)).toEqual(['1.0', 'true', null]);
  });

  it('returns no root for an empty or comment-only document', () => {
    expect(parseYamlTree('').root).toBeNull();
    expect(parseYamlTree('# only\n').root).toBeNull();
  });

  it('flags duplicate keys as such, other syntax errors not', () => {
    expect(parseYamlTree('a: 1\na: 2\n').problems.map((p) => [p.duplicateKey, p.position])).toEqual([[true, { line: 2, column: 1 }]]);
    expect(parseYamlTree('a: [b\n').problems.every((p) => !p.duplicateKey)).toBe(true);
  });

  it('stops expanding aliases beyond a budget ("billion laughs")', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const { problems } = parseYamlTree(`${lines.join('\n')}\n`);
    expect(problems.some((p) => p.severity === 'error' && p.message.includes('Aliases expand'))).toBe(true);
  });

  it('gives the alias budget error a hint about aliases, not about indentation', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const overflow = parseYamlTree(`${lines.join('\n')}\n`).problems.find((p) => p.message.includes('Aliases expand'));
    expect(overflow?.message).toBe('Aliases expand to more than 100,000 nodes');
    expect(overflow?.hint).toMatch(/alias/);
    expect(overflow?.hint).not.toMatch(/indentation/);
  });

  // Issue 14, item 14: deep nesting was reported as "Maximum call stack size exceeded".
  it('collections nested more than MAX_YAML_DEPTH levels: one error at the first node too deep, with a hint', () => {
    // `a: ` then 150 `[`: the list opened at column 4 + 100 is the 101st collection inside the root mapping.
    const { problems } = parseYamlTree(`a: ${'['.repeat(150)}x${']'.repeat(150)}\n`);
    expect(problems).toEqual([
      {
        severity: 'error',
        message: `Collections are nested more than ${MAX_YAML_DEPTH} levels deep here`,
        position: { line: 1, column: 4 + MAX_YAML_DEPTH },
        duplicateKey: false,
        hint: expect.stringContaining('themes > theme > codes'),
      },
    ]);
  });

  it.each([
    ['flow', `a: ${'['.repeat(20_000)}x${']'.repeat(20_000)}\n`],
    ['block', Array.from({ length: 20_000 }, (_, k) => `${' '.repeat(k)}k:`).join('\n')],
  ])('%s collections nested 20,000 deep: the parser gives up with a message that says so, no stack trace', (_name, source) => {
    const { problems } = parseYamlTree(source);
    expect(problems.map((p) => [p.severity, p.message])).toEqual([['error', expect.stringMatching(/^Collections are nested too deeply to read/)]]);
    expect(problems[0]!.hint).toContain('brackets that are never closed');
  });
});
