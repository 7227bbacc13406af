// report.html's capacity search (--find-capacity): the ramp on one chart, offered against achieved rate
// and p50/p95 per endpoint at each step (two panels over the same x axis: the offered rate), with the
// capacity found and what broke first, and the steps as a table.
import { escapeHtml } from '../escape.ts';
import { lineChart, type ChartLine } from './line-chart.ts';
import { formatNumber, num, record, type Unknown } from './view.ts';

const CAPTION = 'The ramp: offered against achieved rate, and latency per endpoint, at each step';
const AXIS = { width: 0, title: 'offered rate (flow starts per second)', unit: 'flows/s offered' };

interface Step {
  rate: number;
  achieved?: number;
  held: boolean;
  broke: string[];
  endpoints: Record<'token' | 'refresh', { p50?: number; p95?: number; achieved?: number }>;
}

function stepsOf(capacity: Unknown): Step[] {
  const steps = Array.isArray(capacity.steps) ? capacity.steps : [];
  return steps
    .map((value) => {
      const s = record(value) ?? {};
      const e = (name: string) => {
        const f = record(record(s.endpoints)?.[name]) ?? {};
        return { p50: num(f.p50_ms), p95: num(f.p95_ms), achieved: num(f.achieved_rps) };
      };
      return {
        rate: num(s.rate) ?? 0,
        achieved: num(s.achieved_flows_per_s),
        held: s.held === true,
        broke: Array.isArray(s.broke) ? s.broke.map(String) : [],
        endpoints: { token: e('token'), refresh: e('refresh') },
      };
    })
    .sort((a, b) => a.rate - b.rate);
}

export function capacitySection(load: Unknown): string {
  const capacity = record(load.capacity);
  if (!capacity) return '';
  const steps = stepsOf(capacity);
  const x = steps.map((s) => s.rate);
  const rates: ChartLine[] = [
    { label: 'offered flows/s', color: '#57606a', values: steps.map((s) => s.rate) },
    { label: 'achieved flows/s', color: '#0969da', values: steps.map((s) => s.achieved) },
  ];
  const latency: ChartLine[] = [
    { label: 'token p50', color: '#1b7c83', values: steps.map((s) => s.endpoints.token.p50) },
    { label: 'token p95', color: '#0a3069', values: steps.map((s) => s.endpoints.token.p95) },
    { label: 'refresh p50', color: '#bc4c00', values: steps.map((s) => s.endpoints.refresh.p50) },
    { label: 'refresh p95', color: '#8250df', values: steps.map((s) => s.endpoints.refresh.p95) },
  ];
  const found = num(capacity.capacity_flows_per_s);
  const rows = steps.map(
    (s) =>
      `<tr><td class="num">${formatNumber(s.rate)}</td><td class="num">${formatNumber(s.achieved)}</td>` +
      `<td class="num">${formatNumber(s.endpoints.token.p50)} / ${formatNumber(s.endpoints.token.p95)}</td>` +
      `<td class="num">${formatNumber(s.endpoints.refresh.p50)} / ${formatNumber(s.endpoints.refresh.p95)}</td>` +
      `<td class="${s.held ? 'ok' : 'bad'}">${s.held ? 'held' : `broke: ${escapeHtml(s.broke.join(', '))}`}</td></tr>`,
  );
  const headline = found === undefined ? 'No capacity found' : `Capacity: ${formatNumber(found)} flows/s`;
  const summary = typeof capacity.summary === 'string' ? capacity.summary : '';
  return [
    `<section class="capacity" id="capacity"><h3>Capacity search</h3>`,
    `<p class="capacity-found"><strong>${headline}.</strong> ${escapeHtml(summary)}</p>`,
    `<figure class="chart wide" data-chart="capacity"><figcaption>${CAPTION}</figcaption><div class="charts">`,
    lineChart({
      id: 'capacity-rates',
      title: 'Rate',
      yTitle: 'flow starts per second',
      unit: 'flows/s',
      seconds: x,
      lines: rates,
      x: AXIS,
    }),
    lineChart({
      id: 'capacity-latency',
      title: 'Latency (p50, p95)',
      yTitle: 'latency (ms)',
      unit: 'ms',
      seconds: x,
      lines: latency,
      x: AXIS,
    }),
    '</div></figure>',
    `<table class="figures"><caption>Steps</caption><thead><tr><th>offered flows/s</th><th>achieved flows/s</th>` +
      `<th>token p50 / p95 ms</th><th>refresh p50 / p95 ms</th><th></th></tr></thead><tbody>`,
    ...rows,
    '</tbody></table>',
    '</section>',
  ].join('\n');
}
