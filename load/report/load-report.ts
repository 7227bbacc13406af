// The `load` section of summary.json: what a run measured, in one engine-neutral shape.
import type { RotationCounters } from '../flows/rotation.ts';
import type { CheckCounts, EngineRun } from '../engine/node-engine.ts';
import { latencyOf, type LatencyMs } from '../engine/recorder.ts';
import type { LoadSettings, LoadThresholds } from '../engine/settings.ts';
import { degradationOf, type Degradation } from './degradation.ts';
import type { SecondWithEndpoints } from './endpoint-series.ts';

export interface EndpointFigures {
  requests: number;
  errors: number;
  rps: number;
  latency_ms: LatencyMs;
}

export interface LoadReport {
  engine: 'node' | 'k6';
  duration_s: number;
  stopped_early: boolean;
  connections: number;
  rps: number;
  requests: number;
  errors: number;
  error_rate: number;
  latency_ms: LatencyMs;
  endpoints: Record<'token' | 'refresh', EndpointFigures>;
  rotation: RotationCounters;
  checks: CheckCounts;
  thresholds: LoadThresholds;
  /** The first and the last fifth of the run compared; null when the run is shorter than 2 s. */
  degradation: Degradation | null;
  /** Per second; `endpoints` per second when the engine records it (report.html charts each endpoint). */
  series: SecondWithEndpoints[];
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function nodeLoadReport(run: EngineRun, settings: LoadSettings): LoadReport {
  const { recorder } = run;
  const seconds = Math.max(run.durationSeconds, 1e-3);
  const figures = (bucket: typeof recorder.overall): EndpointFigures => ({
    requests: bucket.requests,
    errors: bucket.errors,
    rps: round(bucket.requests / seconds),
    latency_ms: latencyOf(bucket.histogram),
  });
  // Whole seconds only: the last, partial second would skew the window.
  const whole = Math.max(1, Math.floor(run.durationSeconds));
  return {
    engine: 'node',
    duration_s: round(run.durationSeconds),
    stopped_early: run.stoppedEarly,
    connections: settings.connections,
    ...overall(figures(recorder.overall)),
    endpoints: { token: figures(recorder.endpoints.token), refresh: figures(recorder.endpoints.refresh) },
    rotation: run.ledger.counters,
    checks: run.checks,
    thresholds: settings.thresholds,
    degradation: degradationOf(recorder, whole),
    series: recorder.series(),
  };
}

function overall(f: EndpointFigures) {
  return {
    rps: f.rps,
    requests: f.requests,
    errors: f.errors,
    error_rate: f.requests ? round(f.errors / f.requests, 4) : 0,
    latency_ms: f.latency_ms,
  };
}
