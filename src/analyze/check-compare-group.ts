import type { CompareBy, Diagnostic, DocumentResult } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { fieldValue } from './build-comparisons.ts';
import { listSome } from './check-results.ts';

/**
 * `--compare-by FIELD=VALUE` where no document has that value (a typo, or an id from another
 * corpus: README's `id=深圳` on the bundled corpus, whose Shenzhen report has another id): the run
 * would end with no comparison and only a line inside report.md to say so.
 */
export function checkCompareGroup(results: readonly DocumentResult[], compareBy: CompareBy | undefined): Diagnostic[] {
  if (compareBy?.value === undefined) return [];
  const values = new Set(results.flatMap((result) => fieldValue(result.meta, compareBy.field) ?? []));
  if (values.has(compareBy.value)) return [];
  const known = [...values].sort(compareCodeUnits);
  return [
    {
      severity: 'warning',
      rule: 'results/compare-group-empty',
      message:
        `--compare-by ${compareBy.field}=${compareBy.value}: no document has ${compareBy.field} = ${compareBy.value}, so nothing was compared` +
        (known.length === 0
          ? ` (no document has a ${compareBy.field} at all).`
          : ` (the values are ${listSome(
              known.map((value) => `"${value}"`),
              8,
            )}).`),
      hint: `give one of the values above (\`policycoder corpus\` lists each document's ${compareBy.field}), or set ${compareBy.field} in corpus.yaml`,
    },
  ];
}
