// A LoadReport of a short, clean run (500 answers per endpoint, no violation, no degradation judged), for
// tests of the load requirements to change only what they are about.
import { Recorder } from '../load/measure/recorder.ts';
import { emptyCounters } from '../load/flows/rotation.ts';
import { degradationOf } from '../load/report/degradation.ts';
import type { LoadReport } from '../load/report/load-report.ts';

const latency = { p50: 1, p95: 2, p99: 3, max: 4, mean: 1 };
const endpoint = { requests: 500, errors: 0, rps: 100, latency_ms: latency };
const degradation = { degradationFactor: 1.5, degradationSlackMs: 5 };

export function loadReportFixture(extra: Partial<LoadReport> = {}): LoadReport {
  return {
    engine: 'node',
    duration_s: 5,
    stopped_early: false,
    connections: 8,
    rps: 200,
    requests: 1000,
    errors: 0,
    error_rate: 0,
    latency_ms: latency,
    endpoints: { token: endpoint, refresh: endpoint },
    rotation: emptyCounters(),
    checks: { 'password grant returns a valid token pair': { passes: 500, fails: 0 } },
    thresholds: { p95TokenMs: 1000, p95RefreshMs: 500, maxErrorRate: 0.01, maxThrottledShare: 0.05, ...degradation },
    degradation: degradationOf(new Recorder(0), 0, degradation, true),
    series: [],
    ...extra,
  };
}
