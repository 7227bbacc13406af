// The per-second windows a run recorded (summary.json's load.series), per endpoint: the samples a comparison
// measures the runs' own noise on. A window that ends after the load did (the last, partial second) is left out;
// latency counts only windows with MIN_ANSWERS answers of that endpoint.

export const ENDPOINTS = ['token', 'refresh'] as const;
export type EndpointName = (typeof ENDPOINTS)[number];

/** Answers a window needs for its p50/p95 to count. */
const MIN_ANSWERS = 5;

export interface EndpointWindows {
  /** Requests per complete window (per second). */
  requests: number[];
  p50: number[];
  p95: number[];
  p99: number[];
}

export interface EndpointTotals {
  requests: number;
  errors: number;
  rps: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

type Loose = Record<string, unknown> | undefined;
const record = (value: unknown): Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function endpointWindows(load: Loose, endpoint: EndpointName): EndpointWindows {
  const out: EndpointWindows = { requests: [], p50: [], p95: [], p99: [] };
  const duration = num(load?.duration_s);
  const series = Array.isArray(load?.series) ? (load.series as unknown[]) : [];
  for (const raw of series) {
    const point = record(raw);
    const t = num(point?.t);
    if (t === null || (duration !== null && t + 1 > duration + 0.05)) continue;
    const figures = record(record(point?.endpoints)?.[endpoint]);
    const requests = num(figures?.requests);
    if (requests === null) continue;
    out.requests.push(requests);
    if (requests < MIN_ANSWERS) continue;
    const latency = record(figures?.latency_ms);
    for (const key of ['p50', 'p95', 'p99'] as const) {
      const value = num(latency?.[key]);
      if (value !== null) out[key].push(value);
    }
  }
  return out;
}

export function endpointTotals(load: Loose, endpoint: EndpointName): EndpointTotals | null {
  const figures = record(record(load?.endpoints)?.[endpoint]);
  const requests = num(figures?.requests);
  if (!figures || requests === null) return null;
  const latency = record(figures.latency_ms);
  return {
    requests,
    errors: num(figures.errors) ?? 0,
    rps: num(figures.rps),
    p50: num(latency?.p50),
    p95: num(latency?.p95),
    p99: num(latency?.p99),
  };
}
