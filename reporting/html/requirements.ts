// report.html's requirement table: failures first, then inconclusive, warnings, passes. A failed or
// inconclusive requirement shows its key evidence lines at once; the whole evidence is one click away.
import type { RequirementResult, Status } from '../../verdict/types.ts';
import { escapeHtml } from './escape.ts';
import { keyEvidence } from '../key-evidence.ts';

const GROUPS: { status: Status; heading: string; preview: number }[] = [
  { status: 'fail', heading: 'Failed', preview: 4 },
  { status: 'inconclusive', heading: 'Inconclusive: not enough evidence (never a pass)', preview: 4 },
  { status: 'warn', heading: 'Warnings: SHOULD requirements not met', preview: 2 },
  { status: 'pass', heading: 'Passed', preview: 0 },
];
/** The whole evidence, folded: one click away. */
function evidenceToggle(r: RequirementResult, label: string): string {
  const n = r.evidence.length;
  if (n === 0) return '<span class="source">no evidence recorded</span>';
  const pre = `<pre>${escapeHtml(r.evidence.join('\n'))}</pre>`;
  return `<details><summary>${label} (${n} ${n === 1 ? 'line' : 'lines'})</summary>${pre}</details>`;
}

function row(r: RequirementResult, preview: number): string {
  const key = preview ? keyEvidence(r.evidence, preview) : [];
  const source = escapeHtml(r.source);
  const details = key.length
    ? `<div class="source">${source}</div><pre class="key-evidence">${escapeHtml(key.join('\n'))}</pre>` +
      evidenceToggle(r, 'all evidence')
    : `<div class="source">${source} · ${evidenceToggle(r, 'evidence')}</div>`;
  const badge = `<span class="badge ${r.status}">${r.status.toUpperCase()}</span>`;
  return `<tr class="row-${r.status}" id="req-${escapeHtml(r.id)}"><td>${badge}</td>
<td><code>${escapeHtml(r.id)}</code></td><td>${r.level}</td><td>${r.layer}</td>
<td><div>${escapeHtml(r.title)}</div>${details}</td></tr>`;
}

export function renderRequirements(requirements: readonly RequirementResult[]): string {
  const groups = GROUPS.map(({ status, heading, preview }) => {
    const members = requirements.filter((r) => r.status === status);
    if (members.length === 0) return '';
    return `<tbody><tr class="group"><th colspan="5">${heading} (${members.length})</th></tr>
${members.map((r) => row(r, preview)).join('\n')}
</tbody>`;
  });
  return `<section id="requirements"><h2>Requirements</h2>
<table class="requirements">
<thead><tr><th>status</th><th>id</th><th>level</th><th>layer</th><th>requirement</th></tr></thead>
${groups.join('\n')}
</table></section>`;
}
