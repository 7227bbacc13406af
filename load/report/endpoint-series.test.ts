// Per-endpoint figures of each second, so report.html can chart token and refresh latency apart.
import assert from 'node:assert/strict';
import { Recorder } from '../engine/recorder.ts';
import { withEndpoints, type Sample } from './endpoint-series.ts';

describe('withEndpoints', () => {
  it("splits each second's requests, errors and latency by endpoint, from the same samples", () => {
    const samples: Sample[] = [
      { endpoint: 'token', second: 0, latencyMs: 600, ok: true },
      { endpoint: 'refresh', second: 0, latencyMs: 1, ok: true },
      { endpoint: 'refresh', second: 0, latencyMs: 2, ok: false },
      { endpoint: 'refresh', second: 1, latencyMs: 1, ok: true },
      { endpoint: null, second: 1, latencyMs: null, ok: false },
    ];
    const overall = new Recorder();
    for (const s of samples) overall.record(s.endpoint, s.latencyMs, s.ok, s.second);
    const [first, second] = withEndpoints(overall.series(), samples);
    assert.equal(first?.endpoints?.token.requests, 1);
    assert.equal(first?.endpoints?.token.latency_ms.max, 600);
    assert.deepEqual([first?.endpoints?.refresh.requests, first?.endpoints?.refresh.errors], [2, 1]);
    assert.equal(first?.endpoints?.refresh.latency_ms.max, 2);
    assert.deepEqual(
      [second?.requests, second?.endpoints?.token.requests, second?.endpoints?.refresh.requests],
      [2, 0, 1],
    );
  });
});
