// Merging the workers' books: histograms merged through HdrHistogram's encoding equal one histogram that
// saw every value, second by second (the max to HdrHistogram's 3 significant digits: a decoded histogram
// knows its largest bucket, not the exact largest value); counts add up.
import assert from 'node:assert/strict';
import { latencyOf, Recorder } from '../measure/recorder.ts';
import { emptyCounters, TALLIES } from '../flows/rotation.ts';
import { mergeResults } from './merge.ts';
import type { WorkerResult } from './worker-types.ts';

function result(index: number, recorder: Recorder, extra: Partial<WorkerResult> = {}): WorkerResult {
  return {
    index,
    users: 1,
    recorder: recorder.encode(),
    latencyCount: recorder.overall.histogram.totalCount,
    tokensChecked: 0,
    rotation: {
      ...emptyCounters(),
      // Each tally its own figure: worker 0 has k + 1 of the k-th, worker 1 twice that.
      ...Object.fromEntries(TALLIES.map((tally, k) => [tally, (index + 1) * (k + 1)])),
      violations: { ...emptyCounters().violations, replay_accepted: index, race_double_win: 1 },
    },
    checks: { grant: { passes: 10 * (index + 1), fails: index } },
    starts: { scheduled: 5, started: 4, late: 1, queued: 2, dropped: 1, max_lag_ms: 3 * (index + 1) },
    abandoned: 1,
    failures: { 'no answer within 10 ms': index + 1 },
    connectFailures: 0,
    wallSeconds: 1,
    threadCpuSeconds: null,
    eventLoopDelayMs: { p50: 0, p99: 0, max: 0 },
    ...extra,
  };
}

describe('merging worker results', () => {
  it('equals one recorder that saw every request, overall, per endpoint, per second and per window', () => {
    const all = new Recorder(0);
    const parts = [new Recorder(0), new Recorder(0)];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 20_000; i += 1) {
      const endpoint = random() < 0.3 ? 'token' : 'refresh';
      const latency = random() < 0.02 ? null : 0.2 + random() * random() * 900;
      const ok = random() > 0.01;
      const atMs = Math.floor(random() * 5000);
      all.record(endpoint, latency, ok, atMs);
      parts[i % 2]!.record(endpoint, latency, ok, atMs);
    }
    const merged = mergeResults(parts.map((r, i) => result(i, r)));
    const { recorder } = merged;
    for (const pick of [
      (r: Recorder) => r.overall,
      (r: Recorder) => r.endpoints.token,
      (r: Recorder) => r.endpoints.refresh,
    ]) {
      assert.equal(pick(recorder).requests, pick(all).requests);
      assert.equal(pick(recorder).errors, pick(all).errors);
      const [got, want] = [latencyOf(pick(recorder).histogram), latencyOf(pick(all).histogram)];
      assert.deepEqual({ ...got, max: 0 }, { ...want, max: 0 });
      assert.ok(Math.abs(got.max - want.max) <= want.max * 1e-3, `max ${got.max} vs ${want.max}`);
    }
    // Max is kept to the histogram's precision; it differs within that after a merge.
    const noMax = <T extends { latency_ms: object }>(p: T) => ({ ...p, latency_ms: { ...p.latency_ms, max: 0 } });
    const withoutMax = (r: Recorder) =>
      r.series().map((p) => ({
        ...noMax(p),
        endpoints: { token: noMax(p.endpoints!.token), refresh: noMax(p.endpoints!.refresh) },
      }));
    assert.deepEqual(withoutMax(recorder), withoutMax(all));
    const p95s = (r: Recorder) => r.windows.map((w) => [w.requests, w.errors, w.histogram.getValueAtPercentile(95)]);
    assert.deepEqual(p95s(recorder), p95s(all));
    assert.equal(recorder.windows.length, 20);
  });

  it('adds up rotation counters, checks, starts, failures and abandoned requests', () => {
    const merged = mergeResults([result(0, new Recorder(0)), result(1, new Recorder(0))]);
    assert.deepEqual(merged.rotation, {
      ...Object.fromEntries(TALLIES.map((tally, k) => [tally, 3 * (k + 1)])),
      violations: { ...emptyCounters().violations, replay_accepted: 1, race_double_win: 2 },
    });
    assert.deepEqual(merged.checks, { grant: { passes: 30, fails: 1 } });
    assert.deepEqual(merged.starts, { scheduled: 10, started: 8, late: 2, queued: 4, dropped: 2, max_lag_ms: 6 });
    assert.deepEqual(merged.failures, { 'no answer within 10 ms': 3 });
    assert.equal(merged.abandoned, 2);
  });
});
