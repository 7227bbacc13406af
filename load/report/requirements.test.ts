// LOAD-05 says what its uniqueness check guarantees, from the figures the engine reports; LOAD-02 says
// which load model ran and how the client fared.
import assert from 'node:assert/strict';
import { emptyCounters } from '../flows/rotation.ts';
import type { LoadReport } from './load-report.ts';
import { loadReportFixture } from '../../testing/load-report-fixture.ts';
import { MIN_TOKENS_LOAD_05 } from './minimums.ts';
import { loadRequirements } from './requirements.ts';

const endpoint = loadReportFixture().endpoints.token;
const latency = endpoint.latency_ms;
function report(extra: Partial<LoadReport> = {}, collisions = 0): LoadReport {
  const rotation = { ...emptyCounters(), violations: { ...emptyCounters().violations, token_collision: collisions } };
  return loadReportFixture({ rotation, ...extra });
}
const uniqueness = { checked: 3_000_000, remembered: 2_097_152, capacity: 2_097_152, memoryBytes: 32 * 2 ** 20 };
const load05 = (r: LoadReport) => loadRequirements(r).find((q) => q.id === 'LOAD-05')!;

describe('load requirements: what they say', () => {
  it('LOAD-05 states its capacity in the title and how many tokens were compared, and how, in the evidence', () => {
    const req = load05(report({ uniqueness }));
    assert.equal(req.status, 'pass');
    assert.match(req.title, /each of the first 2,097,152 compared exactly \(by 64-bit digest\) with every earlier one/);
    assert.deepEqual(req.evidence.slice(0, 3), [
      '3,000,000 issued tokens checked: 0 collisions',
      '2,097,152 compared with every earlier one (capacity 2,097,152 tokens in 32 MiB)',
      '902,848 issued past the capacity, each compared with those first 2,097,152 only',
    ]);
    assert.equal(load05(report({ uniqueness }, 2)).status, 'fail');
  });

  it('LOAD-05 is inconclusive when fewer tokens than its minimum are compared, and fails on a collision anyway', () => {
    assert.equal(load05(report({ uniqueness: { ...uniqueness, checked: 0, remembered: 0 } })).status, 'inconclusive');
    const few = { ...uniqueness, checked: MIN_TOKENS_LOAD_05 - 1, remembered: MIN_TOKENS_LOAD_05 - 1 };
    assert.equal(load05(report({ uniqueness: few })).status, 'inconclusive');
    assert.match(load05(report({ uniqueness: few })).evidence[0]!, /^MISSING: 99 issued tokens compared, 100 needed/);
    assert.equal(load05(report({ uniqueness: few }, 1)).status, 'fail');
    const enough = { ...few, checked: MIN_TOKENS_LOAD_05, remembered: MIN_TOKENS_LOAD_05 };
    assert.equal(load05(report({ uniqueness: enough })).status, 'pass');
  });

  it('LOAD-02 names the load model and shows the client figures, saying when the client was a limit', () => {
    const model = {
      kind: 'open' as const,
      connections: 8,
      rate: 40,
      workers: 1,
      description: 'open model: 40 flow starts/s …',
    };
    const client = {
      workers: 1,
      cores: 2,
      thread_busy: [0.97],
      event_loop_delay_ms: { p50: 0, p99: 2, max: 3 },
      event_loop_p99_ms: [2],
      process_cpu_s: 1,
      machine_busy: 1,
      starved: true,
      latency_suspect: true,
      reasons: ["worker 0's thread was busy 97% of the run (rule: >= 90%)"],
    };
    const req = loadRequirements(
      report({
        model: { ...model, starts: { scheduled: 1, started: 1, late: 0, queued: 0, dropped: 0, max_lag_ms: 0 } },
        client,
      }),
    ).find((q) => q.id === 'LOAD-02')!;
    assert.ok(req.evidence.includes('open model: 40 flow starts/s …'));
    assert.match(
      req.evidence.join('\n'),
      /client: 1 worker\(s\) busy 97%, event-loop delay p99 2 ms; the client was a limit: worker 0's thread/,
    );
  });

  const byId = (r: LoadReport, id: string) => loadRequirements(r).find((q) => q.id === id)!;
  const slow = { requests: 500, errors: 0, rps: 100, latency_ms: { ...latency, p95: 2000 } };
  const suspect = {
    workers: 1,
    cores: 2,
    thread_busy: [0.5],
    event_loop_delay_ms: { p50: 0, p99: 80, max: 90 },
    event_loop_p99_ms: [80],
    process_cpu_s: 1,
    machine_busy: 1,
    starved: true,
    latency_suspect: true,
    reasons: ['event-loop delay p99 80 ms (rule: > 50 ms): answers waited in the client'],
  };

  it('LOAD-01 is inconclusive below 100 answered requests, and fails on errors whatever the count', () => {
    assert.equal(byId(report({ requests: 60 }), 'LOAD-01').status, 'inconclusive');
    assert.equal(byId(report({ requests: 60, errors: 30, error_rate: 0.5 }), 'LOAD-01').status, 'fail');
    assert.equal(byId(report(), 'LOAD-01').status, 'pass');
  });

  it('LOAD-01 after the load: a failed liveness probe fails it, an unjudged one (throttled) cannot pass', () => {
    const detail = 'after the load, the refresh of its pair';
    const failed = byId(report({ liveness: { ok: false, detail: `${detail} failed: HTTP 500` } }), 'LOAD-01');
    assert.equal(failed.status, 'fail');
    assert.ok(failed.evidence.includes(`FAILED: ${detail} failed: HTTP 500`));
    const throttled = { ok: null, detail: `${detail} was not judged: the target kept throttling` };
    const unjudged = byId(report({ liveness: throttled }), 'LOAD-01');
    assert.equal(unjudged.status, 'inconclusive');
    assert.ok(unjudged.evidence.includes(`MISSING: ${throttled.detail}`));
    // An error rate over the bound still fails, whatever the probe.
    assert.equal(byId(report({ liveness: throttled, errors: 300, error_rate: 0.3 }), 'LOAD-01').status, 'fail');
    assert.equal(byId(report({ liveness: { ok: true, detail: 'both gave valid pairs' } }), 'LOAD-01').status, 'pass');
  });

  it('LOAD-01 is inconclusive without its checks (a k6 summary lacking root_group.checks), not 0 of 0', () => {
    const none = byId(report({ checks: {} }), 'LOAD-01');
    assert.equal(none.status, 'inconclusive');
    assert.match(none.evidence.join(' '), /MISSING: 0 checks of the answers ran, 50 needed/);
    const failed = { 'refresh returns a valid new token pair': { passes: 10, fails: 5 } };
    assert.equal(byId(report({ checks: failed }), 'LOAD-01').status, 'fail');
  });

  it('LOAD-02 is inconclusive below 50 answers for an endpoint', () => {
    const few = { ...endpoint, requests: 20 };
    const req = byId(report({ endpoints: { token: few, refresh: endpoint } }), 'LOAD-02');
    assert.equal(req.status, 'inconclusive');
    assert.match(req.evidence[0]!, /MISSING: 20 token answers, 50 needed/);
  });

  it('LOAD-02 over a threshold fails the server, unless answers waited in a starved client', () => {
    assert.equal(byId(report({ endpoints: { token: slow, refresh: endpoint } }), 'LOAD-02').status, 'fail');
    const req = byId(report({ endpoints: { token: slow, refresh: endpoint }, client: suspect }), 'LOAD-02');
    assert.equal(req.status, 'inconclusive');
    assert.match(req.evidence.join('\n'), /the wait may be the client's own/);
  });
});
