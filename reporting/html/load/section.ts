// The load section of report.html: which engine and load model ran, the thresholds, the figures tables
// (visible without expanding anything), figures the engine added that this page does not know by name,
// and the charts over time.
import { escapeHtml } from '../escape.ts';
import { renderLoadCharts } from './charts.ts';
import { checksTable, degradationTable, rotationTable } from './counter-tables.ts';
import { endpointTable } from './figures-table.ts';
import { describe, flatten, type Row } from './flatten.ts';
import { formatNumber, num, record, type Unknown } from './view.ts';

const KNOWN = new Set([
  ...['engine', 'duration_s', 'stopped_early', 'connections', 'rps', 'requests', 'errors', 'error_rate'],
  ...['latency_ms', 'endpoints', 'rotation', 'checks', 'thresholds', 'degradation', 'series', 'model', 'load_model'],
]);
const ENGINE_NAMES: Record<string, string> = { node: 'Node engine', k6: 'k6' };

function setup(load: Unknown): string {
  const engine = typeof load.engine === 'string' ? (ENGINE_NAMES[load.engine] ?? load.engine) : 'not recorded';
  const model = describe(load.model ?? load.load_model) ?? 'not recorded by this engine';
  const parts = [`<strong>Engine:</strong> ${escapeHtml(engine)}`];
  parts.push(`<strong>load model:</strong> ${escapeHtml(model)}`);
  const connections = num(load.connections);
  if (connections !== undefined) parts.push(`${formatNumber(connections)} connections`);
  const duration = num(load.duration_s);
  if (duration !== undefined) parts.push(`${formatNumber(duration)} s of load`);
  if (load.stopped_early === true) parts.push('<span class="bad">stopped early: partial figures</span>');
  return `<p class="load-setup">${parts.join(' · ')}</p>`;
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
no degradation: the last fifth's p95 ≤ ×${factor} (+${ms('degradationSlackMs')}) of the first fifth's.</p>`;
}

function rowsTable(caption: string, rows: Row[]): string {
  if (rows.length === 0) return '';
  const body = rows.map(
    ([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td class="num">${escapeHtml(v)}</td></tr>`,
  );
  const head = `<table class="figures compact"><caption>${escapeHtml(caption)}</caption>`;
  return `${head}<tbody>\n${body.join('\n')}\n</tbody></table>`;
}

/** Fields this page does not know by name: client saturation first, then anything else, as they are. */
function extraFigures(load: Unknown): string {
  const unknown = Object.keys(load).filter((k) => !KNOWN.has(k));
  const saturation = unknown.filter((k) => /saturation|client/i.test(k));
  const other = unknown.filter((k) => !saturation.includes(k));
  const rowsOf = (keys: string[]) => keys.flatMap((k) => flatten(load[k], k.replace(/_/g, ' ')));
  return [rowsTable('Client saturation', rowsOf(saturation)), rowsTable('Other figures', rowsOf(other))].join('\n');
}

export function renderLoadSection(load: Unknown): string {
  return [
    '<section class="load" id="load"><h2>Load</h2>',
    setup(load),
    thresholds(load),
    endpointTable(load),
    '<div class="tables">',
    rotationTable(load),
    checksTable(load),
    degradationTable(load),
    extraFigures(load),
    '</div>',
    renderLoadCharts(load),
    '</section>',
  ].join('\n');
}
