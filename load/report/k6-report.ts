// k6's end-of-test summary (and its --out json samples, for the time series) as a LoadReport.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Endpoint } from '../flows/requests.ts';
import { VIOLATIONS } from '../flows/rotation.ts';
import { Recorder } from '../engine/recorder.ts';
import type { LoadSettings } from '../engine/settings.ts';
import { degradationOf } from './degradation.ts';
import { withEndpoints } from './endpoint-series.ts';
import type { EndpointFigures, LoadReport } from './load-report.ts';

interface Metric {
  values: Record<string, number>;
}
export interface K6Summary {
  metrics: Record<string, Metric | undefined>;
  root_group?: { checks?: { name: string; passes: number; fails: number }[] };
  state?: { testRunDurationMs?: number };
}
export interface K6Point {
  metric: string;
  time: number;
  value: number;
  endpoint: Endpoint | null;
  ok: boolean;
}

/** Reads http_req_duration points of a `k6 run --out json=FILE` file. */
export async function readSamples(file: string): Promise<K6Point[]> {
  const points: K6Point[] = [];
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (!line.includes('"http_req_duration"') || !line.includes('"Point"')) continue;
    const { data } = JSON.parse(line) as { data: { time: string; value: number; tags?: Record<string, string> } };
    const endpoint = data.tags?.endpoint === 'token' || data.tags?.endpoint === 'refresh' ? data.tags.endpoint : null;
    points.push({
      metric: 'http_req_duration',
      time: Date.parse(data.time),
      value: data.value,
      endpoint,
      ok: data.tags?.expected_response !== 'false',
    });
  }
  return points;
}

const value = (s: K6Summary, metric: string, stat: string) => s.metrics[metric]?.values[stat] ?? 0;

function latency(s: K6Summary, metric: string) {
  return {
    p50: value(s, metric, 'med'),
    p95: value(s, metric, 'p(95)'),
    p99: value(s, metric, 'p(99)'),
    max: value(s, metric, 'max'),
    mean: value(s, metric, 'avg'),
  };
}

export function k6LoadReport(
  summary: K6Summary,
  points: K6Point[],
  settings: LoadSettings,
  stoppedEarly: boolean,
): LoadReport {
  const seconds = Math.max((summary.state?.testRunDurationMs ?? 0) / 1000, 1e-3);
  const recorder = new Recorder();
  const start = Math.min(...points.map((p) => p.time));
  const samples = points.map((p) => ({
    endpoint: p.endpoint,
    second: Math.floor((p.time - start) / 1000),
    latencyMs: p.value,
    ok: p.ok,
  }));
  for (const s of samples) recorder.record(s.endpoint, s.latencyMs, s.ok, s.second);
  const figures = (e: Endpoint): EndpointFigures => {
    const { requests, errors } = recorder.endpoints[e];
    return {
      requests,
      errors,
      rps: Math.round((requests / seconds) * 100) / 100,
      latency_ms: latency(summary, `http_req_duration{endpoint:${e}}`),
    };
  };
  const requests = value(summary, 'http_reqs', 'count');
  const errors = value(summary, 'http_req_failed', 'passes');
  const whole = recorder.seconds.length;
  return {
    engine: 'k6',
    duration_s: Math.round(seconds * 100) / 100,
    stopped_early: stoppedEarly,
    connections: settings.connections,
    rps: Math.round((requests / seconds) * 100) / 100,
    requests,
    errors,
    error_rate: requests ? Math.round((errors / requests) * 10000) / 10000 : 0,
    latency_ms: latency(summary, 'http_req_duration'),
    endpoints: { token: figures('token'), refresh: figures('refresh') },
    rotation: {
      rotations: value(summary, 'rotation_rotations', 'count'),
      replays: value(summary, 'rotation_replays', 'count'),
      races: value(summary, 'rotation_races', 'count'),
      accepted_in_grace: 0,
      violations: Object.fromEntries(
        VIOLATIONS.map((v) => [v, value(summary, `rotation_${v}`, 'count')]),
      ) as LoadReport['rotation']['violations'],
    },
    checks: Object.fromEntries(
      (summary.root_group?.checks ?? []).map((c) => [c.name, { passes: c.passes, fails: c.fails }]),
    ),
    thresholds: settings.thresholds,
    degradation: degradationOf(recorder, whole, false),
    series: withEndpoints(recorder.series(), samples),
  };
}
