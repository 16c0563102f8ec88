import type { Code, CodeValidation, MeasuredRate, ValidationProvenance } from '../types.ts';
import { CODE_VALIDATION_KEYS, RATE_KEYS, VALIDATION_KEYS } from './codebook-keys.ts';
import { checkUnknownKeys } from './check-unknown-keys.ts';
import { codeTermsFingerprint } from './code-terms-fingerprint.ts';
import type { Reporter } from './create-reporter.ts';
import { describeNode } from './describe-node.ts';
import { parseTextField } from './parse-field.ts';
import type { YamlMap, YamlNode } from './parse-yaml-tree.ts';

const INVALID = 'codebook/invalid-validation';
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/u;
const FINGERPRINT = /^[0-9a-f]{16}$/u;

/** The codebook's top-level `validation:`: who measured the codes' figures, when, how and on which sheets. */
export function parseValidationProvenance(node: YamlNode, report: Reporter): ValidationProvenance | undefined {
  const map = asMap(
    node,
    '`validation`',
    'Write `validation:` with `coder:`, `date:`, `method:`, `corpus:`, `precision_sheet:` and `recall_sheet:` under it.',
    report,
  );
  if (!map) return undefined;
  report.add(checkUnknownKeys(map, VALIDATION_KEYS, '`validation`', report.file));
  return readProvenance(map, '`validation`', report);
}

/**
 * A code's `validation:`: its measured precision and recall, and `terms_sha256`, the fingerprint
 * of the terms and rules they were measured on. Warns when that fingerprint is not the code's
 * fingerprint now (the figures describe earlier terms) or is missing (nobody can tell).
 */
export function parseCodeValidation(node: YamlNode, code: Code, where: string, report: Reporter): CodeValidation | undefined {
  const what = `\`validation\` of ${where}`;
  const map = asMap(node, what, 'Write `validation:` with `terms_sha256:`, `precision:` and `recall:` under it (see codebooks/README.md).', report);
  if (!map) return undefined;
  report.add(checkUnknownKeys(map, CODE_VALIDATION_KEYS, what, report.file));
  const field = (key: string) => map.entries.find((entry) => entry.key === key);
  const current = codeTermsFingerprint(code);
  const validation: CodeValidation = { currentTermsSha256: current, position: node.position, ...readProvenance(map, what, report) };
  for (const key of ['precision', 'recall'] as const) {
    const rateNode = field(key)?.value;
    const rate = rateNode ? parseRate(rateNode, `\`${key}\` of ${what}`, report) : undefined;
    if (rate) validation[key] = rate;
  }
  const note = field('note')?.value;
  const noteText = note ? parseTextField(note, `\`note\` of ${what}`, report) : undefined;
  if (noteText !== undefined) validation.note = noteText;

  const pin = field('terms_sha256');
  const measured = pin ? parseFingerprint(pin.value, `\`terms_sha256\` of ${what}`, current, report) : undefined;
  if (measured !== undefined) validation.measuredTermsSha256 = measured;
  const hasFigures = validation.precision !== undefined || validation.recall !== undefined;
  if (measured !== undefined && measured !== current) {
    report.warning(
      'codebook/validation-outdated',
      pin!.value.position,
      `The terms or rules of ${where} changed since its precision and recall were measured (terms_sha256 "${measured}", now "${current}"): the recorded figures describe the earlier terms.`,
      `Measure the code again (policycoder sample --judged OLD.csv, validate --review; validate --gold) and record the new figures with \`terms_sha256: "${current}"\`. Until then the reports mark its figures as outdated.`,
    );
  } else if (hasFigures && pin === undefined) {
    report.warning(
      'codebook/validation-unpinned',
      node.position,
      `The precision and recall of ${where} are recorded without \`terms_sha256\`, so nobody can tell whether they still describe its terms.`,
      `If the figures were measured on the code as it is now, add \`terms_sha256: "${current}"\` to its \`validation:\`.`,
    );
  }
  return validation;
}

/**
 * Codes without any recorded figure, when the codebook records figures for others (or says how
 * they were measured): a reader would take the silence for a measurement.
 */
export function checkValidationCoverage(codes: ReadonlyArray<{ code: Code; where: string }>, hasProvenance: boolean, report: Reporter): void {
  const measured = (code: Code) => code.validation?.precision !== undefined || code.validation?.recall !== undefined;
  if (!hasProvenance && !codes.some(({ code }) => measured(code))) return;
  for (const { code, where } of codes) {
    if (measured(code) || !code.position) continue;
    report.warning(
      'codebook/validation-missing',
      code.position,
      `${capitalise(where)} records no measured precision or recall, while the codebook records them for other codes: its counts have not been checked on real text.`,
      `Draw a sample of its matches (policycoder sample), judge them, run validate --review, and record \`validation: { terms_sha256: "${codeTermsFingerprint(code)}", precision: { estimate: ..., low: ..., high: ..., n: ... } }\`.`,
    );
  }
}

function readProvenance(map: YamlMap, what: string, report: Reporter): ValidationProvenance {
  const provenance: ValidationProvenance = {};
  const text = (key: string) => {
    const value = map.entries.find((entry) => entry.key === key)?.value;
    return value ? parseTextField(value, `\`${key}\` of ${what}`, report) : undefined;
  };
  const assign = <K extends keyof ValidationProvenance>(key: K, value: string | undefined) => {
    if (value !== undefined) provenance[key] = value;
  };
  assign('coder', text('coder'));
  assign('method', text('method'));
  assign('corpus', text('corpus'));
  assign('precisionSheet', text('precision_sheet'));
  assign('recallSheet', text('recall_sheet'));
  const dateNode = map.entries.find((entry) => entry.key === 'date')?.value;
  const date = dateNode ? parseTextField(dateNode, `\`date\` of ${what}`, report) : undefined;
  if (date !== undefined && !DATE.test(date)) {
    report.error(
      INVALID,
      dateNode!.position,
      `\`date\` of ${what} is "${date}", which is not a date.`,
      'Write the day the figures were measured as YYYY-MM-DD, e.g. `date: 2026-05-01`.',
    );
  } else assign('date', date);
  return provenance;
}

function parseRate(node: YamlNode, what: string, report: Reporter): MeasuredRate | undefined {
  const hint = 'Write `{ estimate: 0.9, low: 0.74, high: 0.97, n: 30 }`: the proportion, its 95% interval and the number of judged items.';
  const map = asMap(node, what, hint, report);
  if (!map) return undefined;
  report.add(checkUnknownKeys(map, RATE_KEYS, what, report.file));
  const values: Partial<MeasuredRate> = {};
  let broken = false;
  for (const key of RATE_KEYS) {
    const value = map.entries.find((entry) => entry.key === key)?.value;
    const number = value?.kind === 'scalar' && typeof value.value === 'number' ? value.value : undefined;
    const valid = number !== undefined && (key === 'n' ? Number.isInteger(number) && number >= 1 : number >= 0 && number <= 1);
    if (valid) {
      values[key] = number;
      continue;
    }
    broken = true;
    report.error(
      INVALID,
      value?.position ?? map.position,
      value
        ? `\`${key}\` of ${what} must be ${key === 'n' ? 'a whole number of 1 or more' : 'a number from 0 to 1'}, but it is ${describeNode(value)}.`
        : `${capitalise(what)} has no \`${key}\`.`,
      hint,
    );
  }
  if (broken) return undefined;
  const rate = values as MeasuredRate;
  if (rate.low > rate.estimate || rate.estimate > rate.high) {
    report.error(
      INVALID,
      map.position,
      `${capitalise(what)} has low ${rate.low}, estimate ${rate.estimate} and high ${rate.high}: the estimate must lie within its interval.`,
      'Copy the three numbers from the validate report: the estimate and the two ends of its 95% interval, low first.',
    );
    return undefined;
  }
  return rate;
}

function parseFingerprint(node: YamlNode, what: string, current: string, report: Reporter): string | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'string' && FINGERPRINT.test(node.value)) return node.value;
  report.error(
    INVALID,
    node.position,
    `${what} must be 16 hex digits in quotes, but it is ${describeNode(node)}.`,
    `Quote the value (digits alone would be read as a number); the code's terms now give \`terms_sha256: "${current}"\`.`,
  );
  return undefined;
}

function asMap(node: YamlNode, what: string, hint: string, report: Reporter): YamlMap | undefined {
  if (node.kind === 'map') return node;
  if (!(node.kind === 'scalar' && node.value === null))
    report.error('codebook/invalid-type', node.position, `${what} must be a mapping, but it is ${describeNode(node)}.`, hint);
  return undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
