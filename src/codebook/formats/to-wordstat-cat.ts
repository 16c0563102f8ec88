import type { Codebook, Term } from '../../types.ts';

interface CategoryNode {
  name: string;
  /** Entry groups and sub-categories, in codebook order. */
  children: Array<{ terms: Term[] } | CategoryNode>;
}

/**
 * A codebook as a WordStat `.cat` file: each theme a top-level category; a code a sub-category
 * (a code id with `.` becomes nested sub-categories, as the reader joins them); a code with the
 * theme's own id puts its entries directly under the theme. Entries are UPPERCASE with their
 * weight in brackets (`SENSOR* (1)`). Tab indentation, CRLF line endings, as WordStat writes.
 */
export function toWordstatCat(codebook: Codebook): string {
  const lines: string[] = [];
  for (const theme of codebook.themes) {
    const root: CategoryNode = { name: theme.id, children: [] };
    for (const code of theme.codes) {
      const segments = code.id === theme.id ? [] : code.id.split('.');
      const path = segments.some((segment) => segment === '') ? [code.id] : segments;
      let node = root;
      for (const name of path) {
        let child = node.children.find((candidate): candidate is CategoryNode => 'name' in candidate && candidate.name === name);
        if (!child) {
          child = { name, children: [] };
          node.children.push(child);
        }
        node = child;
      }
      node.children.push({ terms: code.terms });
    }
    writeNode(root, 0, lines);
  }
  return lines.map((line) => `${line}\r\n`).join('');
}

function writeNode(node: CategoryNode, depth: number, lines: string[]): void {
  lines.push(`${'\t'.repeat(depth)}${node.name}`);
  for (const child of node.children) {
    if ('name' in child) {
      writeNode(child, depth + 1, lines);
      continue;
    }
    for (const term of child.terms) lines.push(`${'\t'.repeat(depth + 1)}${term.value.toUpperCase()} (${term.weight ?? 1})`);
  }
}
