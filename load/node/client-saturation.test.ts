// The rule that says the client, not the server, was a limit.
import assert from 'node:assert/strict';
import { starvationReasons } from './client-saturation.ts';

const thresholds = { p95TokenMs: 1000, p95RefreshMs: 500 };
const calm = { thread_busy: [0.4, null], event_loop_delay_ms: { p50: 0.1, p99: 3, max: 20 } };
const starts = { scheduled: 1000, started: 1000, late: 0, queued: 0, dropped: 0, max_lag_ms: 2 };

describe('client saturation rule', () => {
  it('finds nothing in a calm run', () => assert.deepEqual(starvationReasons(calm, thresholds, starts), []));

  it('fires on a busy worker thread, on event-loop delay over max(10 ms, 10% of lowest p95), on missed starts', () => {
    assert.match(
      starvationReasons({ ...calm, thread_busy: [0.4, 0.95] }, thresholds, null).join(),
      /worker 1's thread was busy 95%/,
    );
    const delayed = { ...calm, event_loop_delay_ms: { p50: 1, p99: 51, max: 90 } };
    assert.match(starvationReasons(delayed, thresholds, null).join(), /event-loop delay p99 51 ms \(rule: > 50 ms\)/);
    assert.deepEqual(
      starvationReasons({ ...delayed, event_loop_delay_ms: { p50: 1, p99: 49, max: 90 } }, thresholds, null),
      [],
    );
    const tight = { p95TokenMs: 20, p95RefreshMs: 20 };
    assert.match(
      starvationReasons({ ...calm, event_loop_delay_ms: { p50: 1, p99: 11, max: 12 } }, tight, null).join(),
      /> 10 ms/,
    );
    assert.match(
      starvationReasons(calm, thresholds, { ...starts, late: 11 }).join(),
      /11 of 1000 flow starts began over 10 ms late/,
    );
    assert.match(
      starvationReasons(calm, thresholds, { ...starts, dropped: 11 }).join(),
      /11 of 1000 flow starts dropped.*overload/,
    );
    assert.deepEqual(starvationReasons(calm, thresholds, { ...starts, dropped: 10, late: 10, queued: 500 }), []);
  });
});
