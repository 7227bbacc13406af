// report.html's comparison with the baseline (verify --baseline): the warnings, the deltas per endpoint with their
// intervals and judgements, the requirement changes, and per endpoint the baseline and this run on the same
// charts (p50 and p95 latency, throughput), each line labelled "baseline" or "now".
import type { Comparison } from '../../baseline/compare.ts';
import { describeChange, formatFigure, FIGURE_LABELS, toleranceOf } from '../../baseline/describe.ts';
import type { Summary } from '../../verdict/summary.ts';
import { escapeHtml } from './escape.ts';
import { lineChart, type ChartLine } from './load/line-chart.ts';
import { secondsOf, type EndpointName, type SecondView } from './load/view.ts';

const COLORS = { baseline: '#8c959f', now: '#0969da', baseline95: '#d4a72c', now95: '#bc4c00' };
const TITLES: Record<EndpointName, string> = { token: 'POST /v1/token', refresh: 'POST /v1/refresh/token' };

function valuesAt(seconds: number[], points: SecondView[], pick: (p: SecondView) => number | undefined) {
  const byT = new Map(points.map((p) => [p.t, p]));
  return seconds.map((t) => {
    const point = byT.get(t);
    return point ? pick(point) : undefined;
  });
}

function endpointCharts(endpoint: EndpointName, old: SecondView[], now: SecondView[]): string {
  const seconds = [...new Set([...old, ...now].map((p) => p.t))].sort((a, b) => a - b);
  const latency = (p: SecondView, key: 'p50' | 'p95') => {
    const f = p.endpoints[endpoint];
    return f?.latency && (f.requests ?? 0) > 0 ? f.latency[key] : undefined;
  };
  const latencyLines: ChartLine[] = [
    { label: 'baseline p50', color: COLORS.baseline, values: valuesAt(seconds, old, (p) => latency(p, 'p50')) },
    { label: 'now p50', color: COLORS.now, values: valuesAt(seconds, now, (p) => latency(p, 'p50')) },
    { label: 'baseline p95', color: COLORS.baseline95, values: valuesAt(seconds, old, (p) => latency(p, 'p95')) },
    { label: 'now p95', color: COLORS.now95, values: valuesAt(seconds, now, (p) => latency(p, 'p95')) },
  ];
  const requests = (p: SecondView) => p.endpoints[endpoint]?.requests ?? 0;
  const throughputLines: ChartLine[] = [
    { label: 'baseline req/s', color: COLORS.baseline, values: valuesAt(seconds, old, requests) },
    { label: 'now req/s', color: COLORS.now, values: valuesAt(seconds, now, requests) },
  ];
  const x = { width: 1, title: 'seconds since the start of the load', unit: 's' };
  return [
    lineChart({
      id: `baseline-latency-${endpoint}`,
      title: `Latency of ${TITLES[endpoint]}: baseline and now`,
      yTitle: 'latency (ms)',
      unit: 'ms',
      seconds,
      x,
      lines: latencyLines,
    }),
    lineChart({
      id: `baseline-throughput-${endpoint}`,
      title: `Throughput of ${TITLES[endpoint]}: baseline and now`,
      yTitle: 'requests per second',
      unit: 'req/s',
      seconds,
      x,
      lines: throughputLines,
    }),
  ].join('\n');
}

function deltaTable(comparison: Comparison): string {
  const rows = comparison.endpoints.flatMap(({ endpoint, figures }) =>
    figures.map((f) => {
      const cells = [
        endpoint,
        FIGURE_LABELS[f.figure],
        formatFigure(f.figure, f.old),
        formatFigure(f.figure, f.now),
        describeChange(f.figure, f.change),
        `${f.judgement} (${toleranceOf(f.figure, comparison.tolerances)})`,
      ];
      return `<tr class="delta-${f.judgement}">${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
    }),
  );
  const head = ['endpoint', 'figure', 'baseline', 'now', 'change (95% interval)', 'judgement (tolerance)'];
  return (
    `<table class="figures" data-table="baseline-deltas"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}` +
    `</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

export function renderBaselineSection(summary: Summary): string {
  if (!summary.baseline) return '';
  const comparison = summary.baseline as unknown as Comparison;
  const { baseline, requirements } = comparison;
  const old = secondsOf({ duration_s: baseline.duration_s }, comparison.series);
  const now = summary.load ? secondsOf(summary.load) : [];
  const changes = (label: string, list: { id: string; old: string; now: string }[]) =>
    list.length
      ? `<li>${label}: ${list.map((c) => `<code>${escapeHtml(c.id)}</code> (${c.old} → ${c.now})`).join(', ')}</li>`
      : '';
  const charts = comparison.endpoints.map((e) => endpointCharts(e.endpoint, old, now));
  return `<section id="baseline"><h2>Compared with the baseline</h2>
<p>Baseline <code>${escapeHtml(baseline.file)}</code>: ${escapeHtml(baseline.startedAt)}, token-suite
${escapeHtml(baseline.version)}, verdict ${escapeHtml(baseline.verdict)}. ${escapeHtml(comparison.method)}</p>
${comparison.warnings.map((w) => `<p class="warning">⚠ ${escapeHtml(w)}</p>`).join('\n')}
${comparison.endpoints.length ? deltaTable(comparison) : '<p>Load: not measured by both runs.</p>'}
<ul>${changes('Newly failing', requirements.newlyFailing)}${changes('Fixed', requirements.fixed)}${changes(
    'Newly inconclusive',
    requirements.newlyInconclusive,
  )}</ul>
<div class="charts">${charts.join('\n')}</div>
</section>`;
}
