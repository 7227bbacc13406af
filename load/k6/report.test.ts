// A k6 run's LoadReport from the collector's samples: LOAD-06 judged on the windows of the load itself, not of
// k6's whole run (the load, then a graceful stop in which only started iterations finish).
import assert from 'node:assert/strict';
import { engineSettings } from '../../testing/engine-settings.ts';
import type { Sample } from './collector.ts';
import { k6LoadReport } from './report.ts';
import { noContention } from '../measure/contention-sampler.ts';

const COLLECTOR = { batches: 0, malformed: 0, vus: 8, tokens: 0, collisions: 0, overflowed: false, answers: 0 };

/** `perWindow` answers in each 250 ms window from `fromMs` to `toMs`, latency (ms) by window and index. */
function samples(fromMs: number, toMs: number, perWindow: number, latency: (w: number, i: number) => number) {
  const all: Sample[] = [];
  for (let at = fromMs; at < toMs; at += 250)
    for (let i = 0; i < perWindow; i += 1)
      all.push({ endpoint: 'refresh', atMs: at + (i * 250) / perWindow, latencyMs: latency(at / 250, i), ok: true });
  return all;
}

describe('k6 LoadReport', () => {
  it("judges LOAD-06 on the load's own windows, not on k6's graceful stop after it", () => {
    // 6 s of load, 40 answers a window: 10 ms, and from 4 s on a tail of 10% at 300 ms (a slowing server). Then
    // 3 s of graceful stop: 8 VUs finishing their iterations, 10 fast answers a window (too few to judge one).
    const tail = (w: number, i: number) => (w >= 16 && i >= 36 ? 300 : 10 + (i % 5) / 5);
    const run = {
      summary: { metrics: {}, state: { testRunDurationMs: 9000 } },
      samples: [...samples(0, 6000, 40, tail), ...samples(6000, 9000, 10, () => 10)],
      collector: COLLECTOR,
      steady: true,
      stoppedEarly: false,
      contention: noContention(),
      plannedSeconds: 6,
    };
    const report = k6LoadReport(run, engineSettings('http://127.0.0.1:1'));
    assert.equal(report.degradation.windows, 24, JSON.stringify(report.degradation));
    assert.equal(report.degradation.judgement, 'fail', JSON.stringify(report.degradation));
    // The stop's answers still count in the totals.
    assert.equal(report.requests, 24 * 40 + 12 * 10);
  });
});
