// Per-endpoint figures of each second of a run (`series[].endpoints` in summary.json's `load`), so that
// report.html can chart the password grant (hundreds of ms: it hashes a password) apart from refresh (~1 ms).
import type { Endpoint } from '../flows/requests.ts';
import { Recorder, type SecondPoint } from '../engine/recorder.ts';

export type EndpointSecond = Omit<SecondPoint, 't'>;
export type SecondWithEndpoints = SecondPoint & { endpoints?: Record<Endpoint, EndpointSecond> };

export interface Sample {
  endpoint: Endpoint | null;
  second: number;
  /** null: the request failed without an answer. */
  latencyMs: number | null;
  ok: boolean;
}

/** Adds each second's per-endpoint figures to `series`, from the same samples it was built from. */
export function withEndpoints(series: SecondPoint[], samples: Iterable<Sample>): SecondWithEndpoints[] {
  const recorders: Record<Endpoint, Recorder> = { token: new Recorder(), refresh: new Recorder() };
  for (const s of samples) if (s.endpoint) recorders[s.endpoint].record(s.endpoint, s.latencyMs, s.ok, s.second);
  const perEndpoint = { token: recorders.token.series(), refresh: recorders.refresh.series() };
  const empty = (t: number): SecondPoint => ({
    t,
    requests: 0,
    errors: 0,
    latency_ms: { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 },
  });
  const figures = (e: Endpoint, t: number): EndpointSecond => {
    const { t: _, ...rest } = perEndpoint[e][t] ?? empty(t);
    return rest;
  };
  return series.map((point) => ({
    ...point,
    endpoints: { token: figures('token', point.t), refresh: figures('refresh', point.t) },
  }));
}
