/** The page's stylesheet: system fonts only (no downloads), readable on screen and in print. */
export const REPORT_CSS = `
:root { --ink: #1d2430; --muted: #5b6472; --line: #d9dde3; --soft: #f4f6f8; --link: #0b5cad; --mark: #ffe58a; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif; }
header.page, main { max-width: 1320px; margin: 0 auto; padding: 0 24px; }
header.page { padding-top: 20px; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.35rem; margin: 36px 0 10px; padding-top: 8px; border-top: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 24px 0 8px; }
h4 { font-size: 1rem; margin: 18px 0 6px; }
p { margin: 6px 0 10px; max-width: 80em; }
.lead { font-size: 1.05rem; }
.note { color: var(--muted); font-size: 0.92rem; }
.warning { color: #8a4b00; }
.read-first { border-left: 4px solid #8a4b00; padding: 0 1em; margin: 1em 0; background: #fff8ee; }
nav.toc { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 8px 0 12px; font-size: 0.95rem; }
a { color: var(--link); }
a.ev { text-decoration: underline dotted; text-underline-offset: 2px; font-variant-numeric: tabular-nums; }
a.ev:hover, a.ev:focus { background: #e8f1fb; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; background: var(--soft); padding: 0 3px; border-radius: 3px; }
code.hash { word-break: break-all; }
.table-wrap { overflow-x: auto; margin: 8px 0 14px; }
table { border-collapse: collapse; font-size: 0.88rem; }
caption { text-align: left; color: var(--muted); padding: 0 0 4px; caption-side: top; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.signif td { background: #fff4d6; }
.change { color: var(--muted); }
.star { color: #b00020; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; vertical-align: baseline; }
.theme-name { font-weight: 600; }
figure.chart-figure { margin: 12px 0 20px; padding: 12px; border: 1px solid var(--line); border-radius: 6px; break-inside: avoid; }
figcaption { color: var(--muted); font-size: 0.92rem; margin-bottom: 8px; }
.chart-pair { display: flex; flex-direction: column; gap: 8px; }
.chart-pair .data .table-wrap { margin: 0; }
td { white-space: nowrap; }
table.prose td { white-space: normal; }
table.codebook td:nth-child(3), table.codebook td:nth-child(4), table.codebook td:nth-child(5) { min-width: 14em; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
svg .grid { stroke: #e3e6ea; stroke-width: 1; }
svg .axis { stroke: #8a919c; stroke-width: 1; }
svg .tick, svg .legend { font-size: 11px; fill: #3a4250; }
svg .axis-title { font-size: 11px; fill: var(--muted); }
svg .gap-label { font-size: 10px; fill: #555; font-style: italic; }
svg .on-bar { font-size: 10px; fill: #fff; pointer-events: none; }
svg .cell-value { font-size: 11px; fill: #1d2430; }
svg .cell-big { font-size: 16px; font-weight: 600; fill: #1d2430; }
svg .on-dark { fill: #fff; }
svg a.ev { text-decoration: none; }
svg a.ev:hover rect, svg a.ev:hover circle.dot { stroke: #111; stroke-width: 1.5; }
ul.glance li { margin: 4px 0; }
.holds { color: #0b6b2e; font-weight: 600; }
.milestone { margin: 10px 0; }
.milestone-title { margin-bottom: 2px; }
ul.excerpts { margin: 2px 0 6px; padding-left: 20px; font-size: 0.92rem; }
.where { color: var(--muted); }
q { quotes: "“" "”"; }
mark { background: var(--mark); padding: 0 2px; border-radius: 2px; }
details { margin: 6px 0; }
details > summary { cursor: pointer; font-weight: 600; }
details.inline { display: inline; }
details.inline > summary { display: inline; font-weight: normal; color: var(--link); }
ul.methods li { margin: 6px 0; max-width: 80em; }
#evidence-panel { position: fixed; top: 0; right: 0; bottom: 0; width: min(760px, 48vw); overflow-y: auto; background: #fff; border-left: 3px solid var(--link); box-shadow: -6px 0 24px rgba(0, 0, 0, 0.18); padding: 0 16px 24px; z-index: 10; }
#evidence-panel[hidden] { display: none; }
#evidence-panel .panel-head { position: sticky; top: 0; background: #fff; display: flex; justify-content: space-between; align-items: center; gap: 12px; padding: 12px 0 6px; border-bottom: 1px solid var(--line); }
#evidence-panel h2 { margin: 0; padding: 0; border: 0; font-size: 1.1rem; }
#evidence-panel button { font: inherit; padding: 4px 10px; border: 1px solid var(--line); background: var(--soft); border-radius: 4px; cursor: pointer; }
#evidence-panel td { white-space: normal; }
#evidence-panel td.meta { width: 13em; font-size: 0.82rem; }
#evidence-panel td.meta span { display: block; overflow-wrap: anywhere; }
#evidence-panel td.meta .doc { font-weight: 600; }
#evidence-panel td.meta .where, #evidence-panel td.meta .code { color: var(--muted); }
#evidence-notes { color: #8a4b00; font-size: 0.9rem; }
@media (min-width: 1101px) {
  body.panel-open header.page, body.panel-open main { margin-right: min(780px, 50vw); }
}
@media (max-width: 1100px) {
  #evidence-panel { width: 100vw; }
}
@media print {
  body { font-size: 10.5pt; }
  nav.toc, #evidence-panel { display: none !important; }
  header.page, main { max-width: none; padding: 0; }
  a { color: inherit; }
  a.ev { text-decoration: none; }
  h2 { break-before: auto; break-after: avoid; }
  h3, h4 { break-after: avoid; }
  tr, figure, .milestone { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  td { white-space: normal; }
  th, td { padding: 2px 4px; }
}
`;
