// report.html: one self-contained page (no external assets, no scripts), readable offline. The verdict
// and the notes first, then the requirements (failures first), then the load section (figures and charts,
// from summary.json's load) when the load layer ran.
import type { Summary } from '../../verdict/summary.ts';
import { escapeHtml } from './escape.ts';
import { renderRequirements } from './requirements.ts';
import { STYLE } from './style.ts';
import { renderLoadSection } from './load/section.ts';
import { renderBaselineSection } from './baseline.ts';
import { renderNotes, renderVerdict } from './verdict.ts';

function meta(summary: Summary): string {
  const started = `Started ${escapeHtml(summary.startedAt)}, took ${(summary.durationMs / 1000).toFixed(1)} s`;
  const layers = summary.layers.length ? ` · layers: ${summary.layers.join(', ')}` : '';
  const load = summary.load ? ' · <a href="#load">load figures and charts</a>' : '';
  return `<p class="meta">${started}${layers}${load} · token-suite ${escapeHtml(summary.tool.version)}.
A MUST failure fails the verdict; a SHOULD failure is a warning; inconclusive means the run could not gather the
evidence (never a pass).</p>`;
}

export function renderHtml(summary: Summary): string {
  const target = `<code>${escapeHtml(summary.target)}</code>${summary.embedded ? ' (embedded reference server)' : ''}`;
  const body =
    summary.verdict === 'error'
      ? '<p>No requirement was judged: the run stopped before the first check.</p>'
      : renderRequirements(summary.requirements);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>token-suite ${summary.verdict.toUpperCase()}: ${escapeHtml(summary.target)}</title><style>${STYLE}</style></head>
<body>
<h1>token-suite verification of ${target}</h1>
${renderVerdict(summary)}
${renderNotes(summary)}
${meta(summary)}
${body}
${summary.load ? renderLoadSection(summary.load) : ''}
${renderBaselineSection(summary)}
</body></html>
`;
}
