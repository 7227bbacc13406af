// report.html's load figures per endpoint, in a plain table (nothing to expand): requests, throughput,
// unexpected answers and latency percentiles, each p95 against its threshold.
import { escapeHtml } from '../escape.ts';
import {
  ENDPOINTS,
  figuresOf,
  formatNumber,
  num,
  record,
  type EndpointName,
  type FiguresView,
  type Unknown,
} from './view.ts';

const ENDPOINT_LABELS: Record<EndpointName | 'all', string> = {
  all: 'all requests',
  token: 'POST /v1/token',
  refresh: 'POST /v1/refresh/token',
};
const THRESHOLD_KEYS: Record<EndpointName, string> = { token: 'p95TokenMs', refresh: 'p95RefreshMs' };
const ms = (value: number | undefined) => (value === undefined ? '–' : `${formatNumber(value)} ms`);
const cell = (content: string, className = '') => `<td${className ? ` class="${className}"` : ''}>${content}</td>`;

function endpointRow(name: EndpointName | 'all', f: FiguresView, threshold: number | undefined): string {
  const over = threshold !== undefined && f.latency !== undefined && f.latency.p95 > threshold;
  const limit = threshold === undefined ? '' : `≤ ${ms(threshold)} ${over ? '✗ over' : '✓'}`;
  return `<tr><th scope="row">${escapeHtml(ENDPOINT_LABELS[name])}</th>${[
    cell(formatNumber(f.requests), 'num'),
    cell(formatNumber(f.rps), 'num'),
    cell(formatNumber(f.errors), f.errors ? 'num bad' : 'num'),
    cell(ms(f.latency?.p50), 'num'),
    cell(ms(f.latency?.p95), over ? 'num bad' : 'num'),
    cell(ms(f.latency?.p99), 'num'),
    cell(ms(f.latency?.max), 'num'),
    cell(limit, over ? 'bad' : ''),
  ].join('')}</tr>`;
}

export function endpointTable(load: Unknown): string {
  const thresholds = record(load.thresholds) ?? {};
  const endpoints = record(load.endpoints) ?? {};
  const rows = [endpointRow('all', figuresOf(load), undefined)];
  for (const e of ENDPOINTS)
    if (record(endpoints[e])) rows.push(endpointRow(e, figuresOf(endpoints[e]), num(thresholds[THRESHOLD_KEYS[e]])));
  return `<table class="figures"><thead><tr><th>endpoint</th><th>requests</th><th>req/s</th><th>unexpected</th>
<th>p50</th><th>p95</th><th>p99</th><th>max</th><th>p95 threshold</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}
