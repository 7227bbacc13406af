// Throttled answers in the flows: a 429 (or a 503 with Retry-After) is the limiter's answer, never a
// rejection of a replay, never a failed check; the flow sends it again (closed model) or ends (open model).
import assert from 'node:assert/strict';
import { fakeToken } from '../../testing/fake-token-server.ts';
import { drive } from '../../testing/flow-driver.ts';
import { ChainFlow } from './chain.ts';
import type { ResponseLike } from './checks.ts';
import type { FlowContext } from './flow.ts';
import { PasswordFlow } from './password.ts';
import { RaceFlow } from './race.ts';
import type { RequestSpec } from './requests.ts';
import { RotationLedger } from './rotation.ts';
import { isThrottled, MAX_THROTTLE_WAIT_MS, retryAfterMs, throttleWaitMs } from './throttle.ts';

const pair = (): ResponseLike => ({
  status: 200,
  body: JSON.stringify({ token: fakeToken(), refreshToken: fakeToken(), expiresIn: 3600 }),
});
const rejected: ResponseLike = { status: 400, body: '{"error":"invalid_grant"}' };
const tooMany: ResponseLike = { status: 429, body: '{}', retryAfter: '1' };

function context(retryThrottled: boolean): FlowContext & { failed: string[] } {
  const failed: string[] = [];
  return {
    credentials: { clientId: 'c', username: 'u', password: 'p' },
    format: 'documented',
    chainLength: 2,
    raceWidth: 3,
    retryThrottled,
    ledger: new RotationLedger({ graceSeconds: 0 }),
    observer: { check: (name, ok) => void (ok || failed.push(name)) },
    failed,
  };
}

/**
 * A correct server (one family: a replay revokes it) behind a limiter: the n-th request (0-based) in
 * `limited` is answered 429 by the limiter, never reaching the server.
 */
function limitedServer(limited: number[]) {
  let n = 0;
  let revoked = false;
  const spent = new Set<string>();
  return (spec: RequestSpec): ResponseLike => {
    const index = n++;
    if (limited.includes(index)) return tooMany;
    if (spec.endpoint === 'token') return pair();
    if (spent.has(spec.body)) revoked = true;
    if (revoked) return rejected;
    spent.add(spec.body);
    return pair();
  };
}

describe('throttled answers', () => {
  it('are a 429, or a 503 with Retry-After; a 503 without it is an error', () => {
    assert.equal(isThrottled(429, null), true);
    assert.equal(isThrottled(503, '2'), true);
    assert.equal(isThrottled(503, null), false);
    assert.equal(isThrottled(400, '2'), false);
  });

  it('Retry-After is read as delay-seconds or an HTTP-date (RFC 9110 §10.2.3)', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    assert.equal(retryAfterMs('120', now), 120_000);
    assert.equal(retryAfterMs(' 0 ', now), 0);
    assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:28:03 GMT', now), 3000);
    assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:27:00 GMT', now), 0, 'a date in the past: now');
    assert.equal(retryAfterMs('-1', now), null);
    assert.equal(retryAfterMs('soon', now), null);
    assert.equal(retryAfterMs(null, now), null);
  });

  it('the wait follows Retry-After with jitter, else backs off exponentially; bounded both ways', () => {
    assert.equal(throttleWaitMs(1, 1000, 0), 1000);
    assert.equal(throttleWaitMs(1, 1000, 0.99), 1248);
    assert.equal(throttleWaitMs(1, 0, 0), 50, 'Retry-After: 0 is no licence for a tight loop');
    assert.equal(throttleWaitMs(1, 3_600_000, 0.5), MAX_THROTTLE_WAIT_MS);
    assert.equal(throttleWaitMs(1, null, 0), 50);
    assert.equal(throttleWaitMs(3, null, 0), 100);
    assert.equal(throttleWaitMs(3, null, 0.999), 200);
    assert.equal(throttleWaitMs(40, null, 0.5), MAX_THROTTLE_WAIT_MS);
  });

  it('a replay answered 429 is no rejection: closed model, sent again and judged on the real answer', () => {
    const ctx = context(true);
    // grant, 2 rotations, replay (429), replay again (400), probe (400)
    const sent = drive(new ChainFlow(ctx), limitedServer([3]));
    assert.deepEqual(
      sent.map((s) => s.expect),
      ['pair', 'pair', 'pair', 'rejection', 'rejection', 'race'],
    );
    assert.equal(sent[3]!.body, sent[4]!.body, 'the same replay again');
    const c = ctx.ledger.counters;
    assert.deepEqual([c.replays, c.replays_throttled, c.family_probes], [1, 1, 1]);
    assert.deepEqual(ctx.failed, []);
    assert.equal(c.violations.family_survived_replay, 0);
  });

  it('open model: a replay answered 429 ends the chain as throttled, with no probe and no verdict', () => {
    const ctx = context(false);
    const flow = new ChainFlow(ctx);
    // Before the fix the 429 counted as the rejection and the probe that followed "survived the replay".
    const sent = drive(flow, limitedServer([3]));
    assert.equal(sent.length, 4);
    assert.equal(flow.throttled, true);
    const c = ctx.ledger.counters;
    assert.deepEqual([c.replays, c.replays_throttled, c.family_probes], [0, 1, 0]);
    assert.deepEqual(
      Object.values(c.violations).filter((n) => n > 0),
      [],
      'no violation',
    );
    assert.deepEqual(ctx.failed, []);
  });

  it('a grant answered 429 fails no check: sent again (closed) or the flow ends throttled (open)', () => {
    const closed = context(true);
    assert.equal(drive(new PasswordFlow(closed), limitedServer([0, 1])).length, 3);
    assert.deepEqual(closed.failed, []);
    const open = context(false);
    const flow = new PasswordFlow(open);
    assert.equal(drive(flow, limitedServer([0])).length, 1);
    assert.equal(flow.throttled, true);
    assert.deepEqual(open.failed, []);
  });

  it('a race with a throttled racer is counted apart, never run again; two winners still violate', () => {
    const ctx = context(true);
    const flow = new RaceFlow(ctx);
    assert.equal(drive(flow, limitedServer([2])).length, 4);
    assert.equal(flow.throttled, true);
    const c = ctx.ledger.counters;
    assert.deepEqual([c.races, c.races_throttled, c.violations.race_double_win], [0, 1, 0]);
    assert.deepEqual(ctx.failed, []);
    // A server without rotation behind the limiter: of three racers one is throttled, two win.
    const broken = context(true);
    let racers = 0;
    drive(new RaceFlow(broken), (spec) => (spec.endpoint === 'refresh' && racers++ === 0 ? tooMany : pair()));
    assert.equal(broken.ledger.counters.violations.race_double_win, 1);
    assert.equal(broken.ledger.counters.races_throttled, 1);
  });
});
