// Reads summary.json's `load` section for report.html, defensively: engines add fields over time (client
// saturation, the load model), so a missing field is left out and an unknown one is shown as it is.

/** Latency percentiles in ms, as summary.json's load section writes them (load/measure/recorder.ts). */
interface LatencyMs {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export const ENDPOINTS = ['token', 'refresh'] as const;
export type EndpointName = (typeof ENDPOINTS)[number];
export type Unknown = Record<string, unknown>;

export interface FiguresView {
  requests?: number;
  errors?: number;
  rps?: number;
  latency?: LatencyMs;
}
export interface SecondView {
  t: number;
  requests: number;
  errors: number;
  /** Answers 429 or 503 with Retry-After (a rate limiter's), when the engine counted them apart. */
  throttled?: number;
  latency?: LatencyMs;
  /** Per-endpoint figures of this second, when the engine recorded them (`series[].endpoints`). */
  endpoints: Partial<Record<EndpointName, FiguresView>>;
}

export const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
export const record = (value: unknown): Unknown | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Unknown) : undefined;

/**
 * Percentiles in rising order and never above max. Histograms report a percentile as the top of its
 * bucket, so a p99 can come out a fraction of a millisecond above the exact max: drawn, that looks wrong.
 */
function orderedLatency(value: unknown): LatencyMs | undefined {
  const l = record(value);
  const max = num(l?.max);
  if (!l || max === undefined) return undefined;
  const p99 = Math.min(num(l.p99) ?? 0, max);
  const p95 = Math.min(num(l.p95) ?? 0, p99);
  return { p50: Math.min(num(l.p50) ?? 0, p95), p95, p99, max, mean: Math.min(num(l.mean) ?? 0, max) };
}

export function figuresOf(value: unknown): FiguresView {
  const f = record(value) ?? {};
  const latency = orderedLatency(f.latency_ms);
  const out: FiguresView = {};
  for (const key of ['requests', 'errors', 'rps'] as const) {
    const n = num(f[key]);
    if (n !== undefined) out[key] = n;
  }
  return latency ? { ...out, latency } : out;
}

/**
 * The points the charts draw: the recorded windows when the run has them shorter than a second (a short
 * run, 250 ms windows: `window_series`), else the seconds; counts as rates per second either way. Whole
 * points only: the last, partial one of a run would look like a collapse.
 */
export function pointsOf(load: Unknown): { width: number; points: SecondView[] } {
  const windows = record(load.window_series);
  const width = num(windows?.window_s);
  if (windows && width && width > 0 && Array.isArray(windows.points)) {
    const perSecond = (f: FiguresView): FiguresView => ({
      ...f,
      ...(f.requests !== undefined ? { requests: f.requests / width } : {}),
      ...(f.errors !== undefined ? { errors: f.errors / width } : {}),
    });
    const points = secondsOf(load, windows.points, width).map((p) => ({
      ...p,
      requests: p.requests / width,
      errors: p.errors / width,
      endpoints: Object.fromEntries(Object.entries(p.endpoints).map(([e, f]) => [e, perSecond(f)])),
    }));
    return { width, points };
  }
  return { width: 1, points: secondsOf(load) };
}

/** Whole seconds (or windows of `width` s) only: the last, partial one of a run would look like a collapse. */
export function secondsOf(load: Unknown, series: unknown = load.series, width = 1): SecondView[] {
  const whole = Math.floor((num(load.duration_s) ?? Infinity) / width + 1e-9) * width;
  const seconds: SecondView[] = [];
  for (const item of Array.isArray(series) ? series : []) {
    const p = record(item);
    const t = num(p?.t);
    if (!p || t === undefined || (whole >= width && t + width > whole + 1e-9)) continue;
    const latency = orderedLatency(p.latency_ms);
    const byEndpoint = record(p.endpoints) ?? {};
    const throttled = num(p.throttled);
    const endpoints: SecondView['endpoints'] = {};
    for (const e of ENDPOINTS) if (record(byEndpoint[e])) endpoints[e] = figuresOf(byEndpoint[e]);
    seconds.push({
      t,
      requests: num(p.requests) ?? 0,
      errors: num(p.errors) ?? 0,
      ...(throttled !== undefined ? { throttled } : {}),
      ...(latency ? { latency } : {}),
      endpoints,
    });
  }
  return seconds;
}

/** "1,234", "12.5", "0.37": figures as a reader wants them, never more than 3 significant decimals. */
export function formatNumber(value: number | undefined): string {
  if (value === undefined) return '–';
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}
