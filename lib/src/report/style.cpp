#include "style.hpp"

namespace inspex::report {

const char *const kStyle = R"css(
:root { --ink: #1d232a; --muted: #5d6b78; --rule: #d8dee4; --band: #f4f6f8; --accent: #0b5394; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
header.top { background: #12263a; color: #fff; padding: 22px 32px 18px; }
header.top h1 { margin: 0 0 4px; font-size: 26px; font-weight: 650; }
header.top p { margin: 0; color: #c9d6e3; }
nav { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--rule);
  padding: 8px 32px; font-size: 14px; }
nav a { margin-right: 16px; }
main { padding: 8px 32px 40px; max-width: 1400px; }
h2 { font-size: 22px; margin: 34px 0 6px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 17px; margin: 26px 0 8px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.lede { color: var(--muted); margin: 4px 0 12px; }
.figures { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.figure { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.figure b { display: block; font-size: 22px; }
.figure span { color: var(--muted); font-size: 13px; }
.figure.alert b { color: #b2182b; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 13.5px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--rule); }
th { background: var(--band); font-weight: 600; }
td.text { min-width: 18em; max-width: 46em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:target { background: #fff6d5; }
.src { display: block; font-size: 11.5px; color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
  white-space: nowrap; border: 1px solid rgba(0,0,0,.15); color: #111; }
.none { color: var(--muted); font-style: italic; }
.overdue { color: #b2182b; font-weight: 650; }
.warn, .findings { margin: 4px 0 0; padding: 0; list-style: none; font-size: 12px; }
.findings li, .warn li { padding: 2px 6px; margin-top: 2px; border-left: 3px solid #c9a227;
  background: #fdf8e6; }
.findings li.sev-error { border-color: #b2182b; background: #fbeaea; }
.findings li.sev-info { border-color: #8da9c4; background: #eef4fa; }
.legend { display: flex; flex-wrap: wrap; gap: 12px; font-size: 12.5px; margin: 4px 0 8px; }
.legend span::before { content: ""; display: inline-block; width: 11px; height: 11px;
  border-radius: 50%; margin-right: 5px; vertical-align: -1px; background: var(--c); }
svg.chart { max-width: 100%; height: auto; display: block; margin: 6px 0 10px; }
svg .axis, svg .review-label, svg .undated { font-size: 10.5px; fill: var(--muted); }
svg .undated { font-style: italic; }
svg .row-label, svg .bar-label { font-size: 11px; fill: var(--ink); }
svg .bar-label { text-anchor: end; }
svg .seg-label { font-size: 10.5px; text-anchor: middle; fill: #111; }
svg .tick { stroke: #e7ebef; }
svg .review { stroke: #12263a; stroke-dasharray: 4 3; stroke-width: 1.2; }
svg .review-label { text-anchor: end; fill: #12263a; }
svg .dot { stroke: #333; stroke-width: .6; }
svg .dot.alert { stroke: #b2182b; stroke-width: 2.4; }
svg a:hover .dot, svg a:hover .seg { stroke: #000; stroke-width: 2; }
footer { color: var(--muted); font-size: 12px; padding: 16px 32px; border-top: 1px solid var(--rule); }
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 10.5pt; }
  header.top { background: none; color: #000; padding: 0 0 8px; border-bottom: 2px solid #000; }
  header.top p { color: #333; }
  nav { display: none; }
  main { padding: 0; max-width: none; }
  section.place { break-before: page; }
  h2, h3 { break-after: avoid; }
  tr, .figure, svg.chart { break-inside: avoid; }
  a { color: inherit; }
  table { font-size: 9pt; }
  td.text { min-width: 0; width: 40%; }
  .chart-block { break-inside: avoid; }
  th { background: #eee; }
  .badge, .legend span::before, .findings li { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  svg.chart { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
)css";

} // namespace inspex::report
