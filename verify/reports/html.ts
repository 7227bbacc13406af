// report.html: one self-contained page (no external assets), readable offline.
import type { Summary } from '../summary.ts';

export const escapeHtml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#1b1f24;padding:0 1rem}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%}td,th{padding:.35rem .5rem;border-bottom:1px solid #d8dee4;text-align:left;vertical-align:top}
.pass{color:#1a7f37}.fail{color:#cf222e;font-weight:600}.warn{color:#9a6700}.inconclusive{color:#57606a;font-weight:600}
.verdict{font-size:1.2rem;padding:.6rem 1rem;border-radius:6px;display:inline-block}.v-pass{background:#dafbe1}.v-fail{background:#ffebe9}
details pre{white-space:pre-wrap;background:#f6f8fa;padding:.5rem;margin:.3rem 0;font-size:12px}code{font-size:12px}`;

export function renderHtml(summary: Summary, fragments: string[] = []): string {
  const rows = summary.requirements.map(
    (r) => `<tr><td class="${r.status}">${r.status.toUpperCase()}</td><td><code>${escapeHtml(r.id)}</code></td><td>${r.level}</td><td>${r.layer}</td>
<td>${escapeHtml(r.title)}<details><summary>evidence · ${escapeHtml(r.source)}</summary><pre>${escapeHtml(r.evidence.join('\n'))}</pre></details></td></tr>`,
  );
  const { pass, fail, warn, inconclusive } = summary.counts;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>token-suite: ${escapeHtml(summary.target)}</title><style>${STYLE}</style></head>
<body>
<h1>token-suite verification of <code>${escapeHtml(summary.target)}</code>${summary.embedded ? ' (embedded reference server)' : ''}</h1>
<p class="verdict v-${summary.verdict}">Verdict: <strong>${summary.verdict.toUpperCase()}</strong>${summary.interrupted ? ' (interrupted: partial results)' : ''} — ${pass} passed, ${fail} failed, ${warn} warnings, ${inconclusive} inconclusive</p>
<p>Started ${escapeHtml(summary.startedAt)}, took ${(summary.durationMs / 1000).toFixed(1)} s. Layers: ${summary.layers.join(', ')}.
A MUST failure fails the verdict; a SHOULD failure is a warning.</p>
<table><thead><tr><th>Status</th><th>Id</th><th>Level</th><th>Layer</th><th>Requirement</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
${fragments.join('\n')}
</body></html>
`;
}
