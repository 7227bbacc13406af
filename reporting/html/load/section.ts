// The load section of report.html: which engine and load model ran, the thresholds, the figures tables
// (visible without expanding anything), figures the engine added that this page does not know by name,
// and the charts over time.
import { escapeHtml } from '../escape.ts';
import { renderLoadCharts } from './charts.ts';
import { checksTable, degradationTable, rotationTable } from './counter-tables.ts';
import { endpointTable } from './figures-table.ts';
import { capacitySection } from './capacity.ts';
import { clientSection, modelLine, otherFacts, overloadSection } from './in-words.ts';
import { formatNumber, num, record, type Unknown } from './view.ts';

const KNOWN = new Set([
  ...['engine', 'duration_s', 'stopped_early', 'connections', 'rps', 'requests', 'errors', 'error_rate'],
  ...['latency_ms', 'endpoints', 'rotation', 'checks', 'thresholds', 'degradation', 'series', 'model', 'load_model'],
  ...['window_series', 'overload', 'client', 'uniqueness', 'failures', 'abandoned', 'capacity', 'rotation_grace_s'],
]);
const ENGINE_NAMES: Record<string, string> = { node: 'Node engine', k6: 'k6' };

function setup(load: Unknown): string {
  const engine = typeof load.engine === 'string' ? (ENGINE_NAMES[load.engine] ?? load.engine) : 'not recorded';
  const parts = [`<strong>Engine:</strong> ${escapeHtml(engine)}`];
  const connections = num(load.connections);
  if (connections !== undefined) parts.push(`${formatNumber(connections)} connections`);
  const duration = num(load.duration_s);
  if (duration !== undefined) parts.push(`${formatNumber(duration)} s of load`);
  if (load.stopped_early === true) parts.push('<span class="bad">stopped early: partial figures</span>');
  const model = `<p class="load-model"><strong>Load model:</strong> ${escapeHtml(modelLine(load))}</p>`;
  return `<p class="load-setup">${parts.join(' · ')}</p>\n${model}`;
}

function thresholds(load: Unknown): string {
  const t = record(load.thresholds);
  if (!t) return '';
  const ms = (key: string) => (num(t[key]) === undefined ? '–' : `${formatNumber(num(t[key]))} ms`);
  const rate = num(t.maxErrorRate);
  const percent = rate === undefined ? '–' : `${formatNumber(rate * 100)}%`;
  const factor = formatNumber(num(t.degradationFactor));
  return `<p class="load-thresholds"><strong>Thresholds:</strong> p95 of POST /v1/token ≤ ${ms('p95TokenMs')},
of POST /v1/refresh/token ≤ ${ms('p95RefreshMs')}; unexpected answers and failed checks ≤ ${percent};
no degradation: the last third's median window p95 and p50 ≤ ×${factor} (+${ms('degradationSlackMs')}) of the
first third's (judged on throughput instead when the server was overloaded).</p>`;
}

/** Fields this page does not know by name: named, their figures left to summary.json. */
function extraFigures(load: Unknown): string {
  const unknown = Object.keys(load).filter((k) => !KNOWN.has(k));
  if (unknown.length === 0) return '';
  const names = unknown.map((k) => `<code>${escapeHtml(k)}</code>`).join(', ');
  return `<p class="load-extra">Also recorded in summary.json's <code>load</code>: ${names}.</p>`;
}

export function renderLoadSection(load: Unknown): string {
  return [
    '<section class="load" id="load"><h2>Load</h2>',
    setup(load),
    thresholds(load),
    endpointTable(load),
    overloadSection(load),
    capacitySection(load),
    '<div class="tables">',
    rotationTable(load),
    checksTable(load),
    degradationTable(load),
    '</div>',
    clientSection(load),
    otherFacts(load),
    extraFigures(load),
    renderLoadCharts(load),
    '</section>',
  ].join('\n');
}
