import type { ReportModel } from '../../types.ts';
import { escapeHtml, inlineMarkdownToHtml } from './escape-html.ts';
import { toHtmlTable } from './html-table.ts';
import { BOILERPLATE_COLUMNS, boilerplateIntro, boilerplateMore, excludedNote, toBoilerplateRows } from '../to-boilerplate-rows.ts';

/** Inputs that could not be analysed, then every diagnostic of the run. */
export function toProblemsHtml(model: ReportModel): string {
  const out = ['<section id="problems"><h2>Warnings and failed inputs</h2>'];
  const failed = model.inputs.filter((input) => input.status === 'failed');
  if (failed.length === 0) out.push('<p>Every input was analysed.</p>');
  else {
    out.push(
      `<p class="warning">${failed.length} input${failed.length === 1 ? '' : 's'} could not be analysed and ${failed.length === 1 ? 'is' : 'are'} left out of every number above:</p>`,
    );
    out.push(
      toHtmlTable(
        ['File', 'Format', 'Reason'],
        failed.map((i) => [escapeHtml(i.relPath), escapeHtml(i.format), escapeHtml(i.reason ?? '')]),
        undefined,
        'prose',
      ),
    );
  }
  const excluded = excludedNote(model.inputs);
  if (excluded) out.push(`<p>${inlineMarkdownToHtml(excluded)}</p>`);
  const boilerplate = toBoilerplateRows(model.inputs);
  if (boilerplate.rows.length > 0) {
    out.push(`<p>${escapeHtml(boilerplateIntro())}</p>`);
    out.push(
      toHtmlTable(
        BOILERPLATE_COLUMNS,
        boilerplate.rows.map((cells) => cells.map(escapeHtml)),
      ),
    );
    const more = boilerplateMore(boilerplate.more);
    if (more) out.push(`<p>${inlineMarkdownToHtml(more)}</p>`);
  }
  if (model.diagnostics.length === 0) out.push('<p>No warnings.</p>');
  else {
    out.push(
      toHtmlTable(
        ['Severity', 'Rule', 'Where', 'Message', 'Hint'],
        model.diagnostics.map((d) => {
          const where = d.file === undefined ? '' : [d.file, d.line, d.column].filter((part) => part !== undefined).join(':');
          return [
            `<span class="sev-${escapeHtml(d.severity)}">${escapeHtml(d.severity)}</span>`,
            `<code>${escapeHtml(d.rule)}</code>`,
            escapeHtml(where),
            escapeHtml(d.message),
            escapeHtml(d.hint ?? ''),
          ];
        }),
        undefined,
        'prose',
      ),
    );
  }
  out.push('</section>');
  return out.join('\n');
}
