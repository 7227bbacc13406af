// Throttled answers in the load verdict: counted apart by the recorder (per endpoint, per window, never
// timed), judged on the other answers below the stated share, and over it the load measures inconclusive
// with a sentence naming the limiter; a defect seen in the server's own answers still fails.
import assert from 'node:assert/strict';
import { loadReportFixture } from '../../testing/load-report-fixture.ts';
import { emptyCounters } from '../flows/rotation.ts';
import { Recorder } from '../measure/recorder.ts';
import type { LoadReport } from './load-report.ts';
import { loadRequirements } from './requirements.ts';
import { throttleFiguresOf, type ThrottleFigures } from './throttling.ts';

const byId = (r: LoadReport, id: string) => loadRequirements(r).find((q) => q.id === id)!;

/** 1,000 requests, of which `throttled` were 429s from second 2 on. */
function throttledReport(throttled: number, extra: Partial<LoadReport> = {}): LoadReport {
  const figures: ThrottleFigures = {
    answers: throttled,
    status_429: throttled,
    status_503: 0,
    endpoints: { token: throttled / 2, refresh: throttled / 2 },
    share: throttled / 1000,
    first_at_s: 2,
    share_from_first: throttled / 600,
    flows: 0,
    max_share: 0.05,
  };
  const endpoint = { ...loadReportFixture().endpoints.token, requests: 500, throttled: throttled / 2 };
  return loadReportFixture({ throttled: figures, endpoints: { token: endpoint, refresh: endpoint }, ...extra });
}

describe('throttled answers in the load verdict', () => {
  it('the recorder counts them per endpoint and per window, never as errors, never timed; merges keep them', () => {
    const worker = new Recorder(0, 250);
    worker.record('token', 10, true, 100);
    worker.throttled('token', 429, 300);
    worker.throttled('refresh', 503, 300);
    worker.record('refresh', null, false, 600);
    const main = new Recorder(0, 250);
    main.merge(worker.encode());
    for (const r of [worker, main]) {
      assert.deepEqual([r.overall.requests, r.overall.errors, r.overall.throttled], [4, 1, 2]);
      assert.equal(r.overall.histogram.totalCount, 1, 'only the answer that was not throttled is timed');
      assert.deepEqual([r.endpoints.token.throttled, r.endpoints.refresh.throttled], [1, 1]);
      assert.deepEqual(
        r.windows.map((w) => w.throttled),
        [0, 2, 0],
      );
      assert.deepEqual(r.throttledStatuses, { '429': 1, '503': 1, flows: 0 });
    }
    assert.equal(main.series()[0]?.throttled, 2);
    assert.equal(main.series()[0]?.endpoints?.refresh.throttled, 1);
  });

  it('says when throttling began and its share from then on', () => {
    const series = [0, 1, 2, 3].map((t) => ({
      t,
      requests: 100,
      errors: 0,
      throttled: t < 2 ? 0 : 50,
      latency_ms: { p50: 1, p95: 1, p99: 1, max: 1, mean: 1 },
    }));
    const f = throttleFiguresOf({
      requests: 400,
      statuses: { '429': 90, '503': 10, flows: 3 },
      endpoints: { token: 40, refresh: 60 },
      series,
      maxShare: 0.05,
    });
    assert.deepEqual([f.answers, f.share, f.first_at_s, f.share_from_first, f.flows], [100, 0.25, 2, 0.5, 3]);
  });

  it('below the share: judged on the other answers, with the throttled ones stated and left out of latency', () => {
    const r = throttledReport(40);
    for (const q of loadRequirements(r)) assert.match(q.evidence.join('\n'), /40 throttled answers \(4%/, q.id);
    assert.equal(byId(r, 'LOAD-01').status, 'pass');
    assert.equal(byId(r, 'LOAD-02').status, 'pass');
    assert.match(byId(r, 'LOAD-02').evidence.join('\n'), /over 480 requests \(20 throttled answers excluded\)/);
  });

  it('over the share: LOAD-01, -02 and -06 are inconclusive with a sentence naming the limiter and the fix', () => {
    const r = throttledReport(300);
    for (const id of ['LOAD-01', 'LOAD-02', 'LOAD-06']) {
      const q = byId(r, id);
      assert.equal(q.status, 'inconclusive', id);
      assert.equal(
        q.evidence[0],
        'MISSING: the figures measure the rate limiter: 50% of answers were throttled (300 × 429) from t=2s ' +
          "(30% of the run's, over the 5% allowed); lower --rate or --connections, " +
          'or exempt the test client from the rate limit',
      );
    }
    const allowed = { ...r, throttled: { ...r.throttled!, max_share: 0.5 } };
    assert.equal(byId(allowed, 'LOAD-01').status, 'pass', '--max-throttled 0.5 allows 30%');
  });

  it("over the share, a defect in the server's own answers still fails", () => {
    const rotation = { ...emptyCounters(), replays: 20, replays_outside_grace: 20 };
    rotation.violations.replay_accepted = 3;
    const broken = throttledReport(300, { rotation, errors: 100, error_rate: 0.14 });
    assert.equal(byId(broken, 'LOAD-03').status, 'fail');
    assert.equal(byId(broken, 'LOAD-01').status, 'fail');
  });
});
