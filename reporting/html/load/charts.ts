// The load charts of report.html: latency per endpoint (the password grant hashes a password and takes
// hundreds of ms, a refresh about one: on one chart refresh would sit on zero) with its p95 threshold,
// and throughput, over the seconds of the run. Inline SVG: no scripts, no external assets.
import { lineChart, type ChartLine } from './line-chart.ts';
import { num, pointsOf, record, type EndpointName, type SecondView, type Unknown } from './view.ts';

const PERCENTILES = [
  { key: 'p50', color: '#2da44e' },
  { key: 'p95', color: '#bf8700' },
  { key: 'p99', color: '#8250df' },
] as const;

const ENDPOINT_TITLES: Record<EndpointName, string> = {
  token: 'Latency of POST /v1/token (password grant)',
  refresh: 'Latency of POST /v1/refresh/token (refresh)',
};
const THRESHOLD_KEYS: Record<EndpointName, string> = { token: 'p95TokenMs', refresh: 'p95RefreshMs' };

/** The x axis of the run's charts: seconds, each point a second or a window of `width` s. */
const runAxis = (width: number) => ({ width, title: 'seconds since the start of the load', unit: 's' });

function endpointLatency(
  seconds: SecondView[],
  endpoint: EndpointName,
  threshold: number | undefined,
  width: number,
): string {
  const lines: ChartLine[] = PERCENTILES.map(({ key, color }) => ({
    label: key,
    color,
    values: seconds.map((s) => {
      const figures = s.endpoints[endpoint];
      return figures?.latency && (figures.requests ?? 1) > 0 ? figures.latency[key] : undefined;
    }),
  }));
  return lineChart({
    id: `latency-${endpoint}`,
    title: ENDPOINT_TITLES[endpoint],
    yTitle: 'latency (ms)',
    unit: 'ms',
    seconds: seconds.map((s) => s.t),
    x: runAxis(width),
    lines,
    ...(threshold !== undefined ? { threshold: { label: 'p95 threshold', value: threshold } } : {}),
  });
}

function overallLatency(seconds: SecondView[], width: number): string {
  const lines: ChartLine[] = PERCENTILES.map(({ key, color }) => ({
    label: key,
    color,
    values: seconds.map((s) => (s.latency && s.requests > 0 ? s.latency[key] : undefined)),
  }));
  return lineChart({
    id: 'latency-all',
    title: 'Latency of all requests (token and refresh together)',
    yTitle: 'latency (ms)',
    unit: 'ms',
    seconds: seconds.map((s) => s.t),
    x: runAxis(width),
    lines,
    note:
      'This engine recorded no per-endpoint time series, so both endpoints are drawn together: fast refresh ' +
      "answers sit near zero under the password grants. Each endpoint's figures are in the table above.",
  });
}

function throughput(seconds: SecondView[], perEndpoint: boolean, width: number): string {
  const lines: ChartLine[] = [{ label: 'all requests/s', color: '#0969da', values: seconds.map((s) => s.requests) }];
  if (perEndpoint)
    lines.push(
      { label: 'token/s', color: '#1b7c83', values: seconds.map((s) => s.endpoints.token?.requests ?? 0) },
      { label: 'refresh/s', color: '#bc4c00', values: seconds.map((s) => s.endpoints.refresh?.requests ?? 0) },
    );
  lines.push({ label: 'unexpected answers/s', color: '#cf222e', values: seconds.map((s) => s.errors) });
  // A rate limiter's answers (429, 503 with Retry-After): neither errors nor in the latency charts.
  if (seconds.some((s) => s.throttled !== undefined))
    lines.push({ label: 'throttled answers/s', color: '#9a6700', values: seconds.map((s) => s.throttled ?? 0) });
  return lineChart({
    id: 'throughput',
    title: 'Throughput',
    yTitle: 'requests per second',
    unit: 'req/s',
    seconds: seconds.map((s) => s.t),
    x: runAxis(width),
    lines,
    wide: perEndpoint,
  });
}

/** The charts of a load report's series: its windows for a short run, else its seconds (whole ones only). */
export function renderLoadCharts(load: Unknown): string {
  const { width, points: seconds } = pointsOf(load);
  if (seconds.length === 0)
    return '<div class="charts"><p>No per-second time series was recorded for this run.</p></div>';
  const thresholds = record(load.thresholds) ?? {};
  const perEndpoint = seconds.some((s) => Object.keys(s.endpoints).length > 0);
  const latency = perEndpoint
    ? (['token', 'refresh'] as const).map((e) => endpointLatency(seconds, e, num(thresholds[THRESHOLD_KEYS[e]]), width))
    : [overallLatency(seconds, width)];
  const note =
    width < 1
      ? `<p class="chart-note">Each point is a window of ${width * 1000} ms, as recorded; rates are per second.</p>`
      : '';
  return ['<div class="charts">', note, ...latency, throughput(seconds, perEndpoint, width), '</div>'].join('\n');
}
