import type { ReportModel } from '../types.ts';
import { header, row } from './markdown-table.ts';
import { BOILERPLATE_COLUMNS, boilerplateIntro, boilerplateMore, excludedNote, toBoilerplateRows } from './to-boilerplate-rows.ts';

/** Inputs that could not be analysed, files excluded by patterns, boilerplate removed, then every diagnostic of the run (errors first). */
export function toProblemsSection(model: ReportModel): string[] {
  const out = ['## Warnings and failed inputs', ''];
  const failed = model.inputs.filter((input) => input.status === 'failed');
  if (failed.length === 0) out.push('Every input was analysed.');
  else {
    out.push(`${failed.length} input${failed.length === 1 ? '' : 's'} could not be analysed and are left out of every number above:`, '');
    out.push(...header(['File', 'Format', 'Reason']));
    for (const input of failed) out.push(row([input.relPath, input.format, input.reason ?? '']));
  }
  const excluded = excludedNote(model.inputs);
  if (excluded) out.push('', excluded);
  const boilerplate = toBoilerplateRows(model.inputs);
  if (boilerplate.rows.length > 0) {
    out.push('', boilerplateIntro(), '', ...header(BOILERPLATE_COLUMNS), ...boilerplate.rows.map(row));
    const more = boilerplateMore(boilerplate.more);
    if (more) out.push('', more);
  }
  out.push('');
  if (model.diagnostics.length === 0) out.push('No warnings.');
  else {
    out.push(...header(['Severity', 'Rule', 'Where', 'Message', 'Hint']));
    for (const d of model.diagnostics) {
      const where = d.file === undefined ? '' : [d.file, d.line, d.column].filter((part) => part !== undefined).join(':');
      out.push(row([d.severity, d.rule, where, d.message, d.hint ?? '']));
    }
  }
  return out;
}
