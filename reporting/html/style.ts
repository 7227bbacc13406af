// The stylesheet of report.html, inline (the page has no external assets and needs no scripts).
export const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5rem auto;max-width:76rem;color:#1b1f24;
  padding:0 1rem}
h1{font-size:1.35rem;margin:.2rem 0}
h2{font-size:1.1rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #d8dee4;padding-bottom:.2rem}
code{font-size:12.5px}.meta{color:#57606a;margin:.4rem 0 1rem}
.verdict{padding:.75rem 1rem;border-radius:8px;border:2px solid;margin:.8rem 0}
.verdict p{margin:.15rem 0}.verdict-word{font-size:1.35rem}.exit{font-size:.85rem;color:#57606a;margin-left:.4rem}
.v-pass{background:#dafbe1;border-color:#1a7f37}.v-fail{background:#ffebe9;border-color:#cf222e}
.v-inconclusive{background:#eaeef2;border-color:#57606a}.v-interrupted{background:#fff8c5;border-color:#9a6700}
.v-error{background:#ffebe9;border-color:#82071e}.v-error .verdict-why{font-weight:600}
.count{display:inline-block;margin-right:1rem;font-weight:600}.ids a{margin-right:.5rem}
.notes{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:.4rem 1rem;margin:.8rem 0}
.notes h2{border:0;margin:.3rem 0;font-size:1rem}.notes ul{margin:.2rem 0 .4rem;padding-left:1.2rem}
table{border-collapse:collapse;width:100%}
td,th{padding:.35rem .5rem;border-bottom:1px solid #d8dee4;text-align:left;vertical-align:top}
.requirements td:nth-child(2){white-space:nowrap}tr.group th{background:#f6f8fa;font-size:.95rem;padding-top:.6rem}
.badge{display:inline-block;font-size:11.5px;font-weight:700;padding:.05rem .4rem;border-radius:4px;color:#fff}
.badge.pass{background:#1a7f37}.badge.fail{background:#cf222e}.badge.warn{background:#9a6700}
.badge.inconclusive{background:#57606a}
tr.row-fail td:first-child{box-shadow:inset 4px 0 #cf222e}
tr.row-inconclusive td:first-child{box-shadow:inset 4px 0 #57606a}
tr.row-warn td:first-child{box-shadow:inset 4px 0 #d4a72c}
.source{color:#57606a;font-size:12.5px}
pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:.4rem .6rem;margin:.3rem 0;font-size:12px;
  border-radius:4px}
pre.key-evidence{background:#fff5f5;border-left:3px solid #cf222e}
tr.row-inconclusive pre.key-evidence{background:#f6f8fa;border-color:#57606a}
tr.row-warn pre.key-evidence{background:#fffbeb;border-color:#d4a72c}
details summary{cursor:pointer;color:#57606a;font-size:12.5px}
.source details{display:inline}.source details[open]{display:block}.source details summary{display:inline}
.figures{margin:.5rem 0 1rem;width:auto}.figures td,.figures th{padding-right:1.2rem;white-space:nowrap}
.figures td.num{text-align:right;font-variant-numeric:tabular-nums}
.figures caption{text-align:left;font-weight:600;padding:.2rem 0}.compact{min-width:18rem}
.tables{display:flex;flex-wrap:wrap;gap:0 2rem;align-items:flex-start}
.bad{color:#cf222e;font-weight:600}.ok{color:#1a7f37}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(30rem,1fr));gap:1rem 1.5rem}
.chart{margin:0}.chart.wide{grid-column:1/-1}.chart figcaption{font-weight:600;margin-bottom:.2rem}
.chart svg{width:100%;height:auto;display:block}.chart-note{color:#57606a;font-size:12.5px;margin:.2rem 0}
.client-reasons,.load-facts{margin:.2rem 0 1rem;padding-left:1.4rem;max-width:70rem;overflow-wrap:anywhere}
.load-model,.overload,.client-head,.capacity-found{max-width:70rem;overflow-wrap:anywhere}
`;
