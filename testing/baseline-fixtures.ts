// Summaries with a load section built from per-second windows, for the baseline comparison's unit tests: each
// endpoint's windows drawn around a given p50, p95 and request count, with a seeded jitter so that two "runs"
// of the same server differ the way two real runs do.
import type { Summary } from '../verdict/summary.ts';
import type { RequirementResult } from '../verdict/types.ts';
import { summaryOf } from './summaries.ts';

export interface LoadShape {
  p50: number;
  p95: number;
  requests: number;
  errors?: number;
  /** Relative jitter of each window (0.2: ±20%). */
  jitter?: number;
  seed?: number;
  windows?: number;
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function loadOf(shape: LoadShape): Record<string, unknown> {
  const windows = shape.windows ?? 10;
  const next = random(shape.seed ?? 1);
  const wobble = () => 1 + (shape.jitter ?? 0.2) * (2 * next() - 1);
  const point = (scale: number) => {
    const requests = Math.round(shape.requests * scale * wobble());
    const latency_ms = { p50: shape.p50 * wobble(), p95: shape.p95 * wobble(), p99: shape.p95 * 1.2, max: 0, mean: 0 };
    return { requests, errors: 0, latency_ms };
  };
  const series = Array.from({ length: windows }, (_, t) => {
    const token = point(0.2);
    const refresh = point(0.8);
    return {
      t,
      requests: token.requests + refresh.requests,
      errors: 0,
      latency_ms: token.latency_ms,
      endpoints: { token, refresh },
    };
  });
  const total = (share: number) => ({
    requests: Math.round(shape.requests * share * windows),
    errors: Math.round((shape.errors ?? 0) * share),
    rps: shape.requests * share,
    latency_ms: { p50: shape.p50, p95: shape.p95, p99: shape.p95 * 1.2, max: 0, mean: 0 },
  });
  return {
    engine: 'node',
    duration_s: windows,
    connections: 8,
    endpoints: { token: total(0.2), refresh: total(0.8) },
    series,
  };
}

export function runOf(shape: LoadShape, requirements: RequirementResult[] = [], extra: Partial<Summary> = {}): Summary {
  return summaryOf(requirements, {
    load: loadOf(shape),
    settings: { engine: 'node', model: 'closed', rate: 0, connections: 8, duration_s: shape.windows ?? 10 },
    machine: {
      cores: 2,
      cpu_model: 'test CPU',
      load_average: [1, 1, 1],
      node: 'v20.0.0',
      k6: null,
      platform: 'linux-x64',
    },
    ...extra,
  });
}
