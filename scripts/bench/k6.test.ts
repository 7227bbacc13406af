// The k6 row of `npm run bench` gives a figure only for a run that did its checks: a run that measured
// nothing (no checks, failed checks, failed thresholds, a repeated token, lost collector batches, no
// summary, a k6 that failed) says why instead.
import assert from 'node:assert/strict';
import type { SummaryData } from '../../load/k6/scripts/lib/summary-data.ts';
import { childrenCpu, judgeK6Run, type CollectorSeen } from './k6.ts';

function summary(over: Partial<SummaryData> = {}, batches = 100): SummaryData {
  return {
    metrics: {
      http_reqs: { type: 'counter', values: { count: 200 } },
      collector_batches: { type: 'counter', values: { count: batches } },
      checks: { type: 'rate', values: { rate: 1 }, thresholds: { 'rate>=0.99': { ok: true } } },
    },
    root_group: { checks: [{ name: 'password grant returns a valid token pair', passes: 100, fails: 0 }] },
    state: { testRunDurationMs: 5000 },
    ...over,
  };
}
/** The reason a run gave no figure (a figure here fails the test). */
function why(judged: ReturnType<typeof judgeK6Run>): string {
  assert.equal(typeof judged, 'string', `a figure where none was due: ${JSON.stringify(judged)}`);
  return judged as string;
}
const seen = (over: Partial<CollectorSeen> = {}): CollectorSeen => ({
  answers: 100,
  collisions: 0,
  batchesReceived: 100,
  malformed: 0,
  ...over,
});

describe('bench: the k6 row', () => {
  it("counts the collector's API answers, not k6's requests (which include the collector's posts)", () => {
    assert.deepEqual(judgeK6Run(0, summary(), seen()), { requests: 100, rps: 20, checks: 100, failedChecks: 0 });
  });

  it('the fallback, without a collector, counts http_reqs', () => {
    assert.deepEqual(judgeK6Run(0, summary(), null), { requests: 200, rps: 40, checks: 100, failedChecks: 0 });
  });

  it('gives no figure for a run that made no checks', () => {
    const none = judgeK6Run(0, summary({ root_group: { checks: [] } }), seen());
    assert.match(why(none), /made no checks: it measured nothing, no figure/);
    const noGroup = judgeK6Run(0, summary({ root_group: undefined }), null);
    assert.match(why(noGroup), /made no checks/);
  });

  it('gives no figure for failed checks, failed thresholds, a missing summary or a failed k6', () => {
    const failed = summary({ root_group: { checks: [{ name: 'c', passes: 99, fails: 1 }] } });
    assert.match(why(judgeK6Run(99, failed, seen())), /checks failed 1 times of 100/);
    const threshold = summary();
    threshold.metrics.checks = { type: 'rate', values: {}, thresholds: { 'rate>=0.99': { ok: false } } };
    assert.match(why(judgeK6Run(99, threshold, seen())), /thresholds failed \(checks: rate>=0\.99\)/);
    assert.match(why(judgeK6Run(0, null, seen())), /no summary/);
    // A latency threshold is not a check left undone: the figure stands (the engine's runs are not judged on it).
    const slow = summary();
    slow.metrics['http_req_duration{endpoint:token}'] = {
      type: 'trend',
      values: {},
      thresholds: { 'p(95)<1000': { ok: false } },
    };
    assert.equal(typeof judgeK6Run(99, slow, seen()), 'object');
    assert.match(why(judgeK6Run(107, summary(), seen())), /exited with 107/);
  });

  it('gives no figure when a token repeated or the collector did not see every batch', () => {
    assert.match(why(judgeK6Run(0, summary(), seen({ collisions: 2 }))), /2 repeated tokens/);
    assert.match(why(judgeK6Run(0, summary(), seen({ batchesReceived: 90 }))), /received 90 of 100 batches/);
    assert.match(why(judgeK6Run(0, summary(), seen({ malformed: 1 }))), /received 100 of 101 batches/);
    assert.match(why(judgeK6Run(0, summary(), seen({ answers: 0 }))), /no API request was answered/);
  });

  it("reads the children's CPU from bash `times`", () => {
    assert.equal(childrenCpu('0m0.010s 0m0.002s\n1m2.500s 0m0.250s\n'), 62.75);
  });
});
