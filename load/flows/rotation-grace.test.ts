// The rotation ledger's rules, on the shared flows driven by hand with a manual clock: a declared grace is
// judged by the time since rotation, only answered evidence counts, and a probe that wrongly works has its
// pair checked for uniqueness. The time-based grace server is the alt server's own session store
// (servers/alt/sessions.ts, the real code), on the same manual clock.
import assert from 'node:assert/strict';
import { Sessions, type Pair } from '../../servers/alt/sessions.ts';
import { fakeToken } from '../../testing/fake-token-server.ts';
import { drive } from '../../testing/flow-driver.ts';
import { ChainFlow } from './chain.ts';
import type { ResponseLike } from './checks.ts';
import type { FlowContext } from './flow.ts';
import { RaceFlow } from './race.ts';
import type { RequestSpec } from './requests.ts';
import { GRACE_TOLERANCE_MS, OUTSIDE_MARGIN_MS, RotationLedger, SPENT_QUEUE } from './rotation.ts';

const clock = { ms: 1_000_000 };
const rejected: ResponseLike = { status: 400, body: '{"error":"invalid_grant"}' };
const unanswered: ResponseLike = { status: 0, body: null };
const ok = (pair: Pair): ResponseLike => ({ status: 200, body: JSON.stringify(pair) });
const fresh = (): Pair => ({ token: fakeToken(), refreshToken: fakeToken(), expiresIn: 3600 });
const tokenOf = (spec: RequestSpec) => decodeURIComponent(spec.body.slice('refreshToken='.length));

function context(graceSeconds: number): FlowContext & { failed: string[] } {
  const failed: string[] = [];
  return {
    credentials: { clientId: 'c', username: 'u', password: 'p' },
    format: 'documented',
    chainLength: 3,
    raceWidth: 3,
    retryThrottled: true,
    ledger: new RotationLedger({ graceSeconds, now: () => clock.ms }),
    observer: { check: (name, passed) => void (passed ? undefined : failed.push(name)) },
    failed,
  };
}

/** The alt server's rotation rules, with a grace window of `graceMs` on the manual clock. */
function altSessions(graceMs: number) {
  const sessions = new Sessions({
    accessTtlSeconds: 3600,
    refreshTtlMs: 3_600_000,
    graceMs,
    newToken: fakeToken,
    now: () => clock.ms,
  });
  return (spec: RequestSpec): ResponseLike => {
    if (spec.endpoint === 'token') return ok(sessions.start('c', 'u'));
    const redeemed = sessions.redeem(tokenOf(spec), undefined);
    return redeemed.ok ? ok(redeemed.pair) : rejected;
  };
}

/** Chain 1 now, chain 2 just before its spent token is due, chain 3 when it is: what each sent. */
function threeChains(ctx: FlowContext, server: (spec: RequestSpec) => ResponseLike) {
  const start = clock.ms;
  const first = drive(new ChainFlow(ctx), server);
  clock.ms = start + 2000 + OUTSIDE_MARGIN_MS - 1;
  const second = drive(new ChainFlow(ctx), server);
  clock.ms = start + 2000 + OUTSIDE_MARGIN_MS;
  const third = drive(new ChainFlow(ctx), server);
  return { first, second, third };
}

describe('rotation ledger: grace judged by the time since rotation', () => {
  it('a chain replays a token rotated out S s + margin before; a time-based grace rejects it and the family', () => {
    const ctx = context(2);
    const { first, second, third } = threeChains(ctx, altSessions(2000));
    assert.deepEqual(
      first.map((s) => s.expect),
      ['pair', 'pair', 'pair', 'pair', 'race', 'race'],
      'grant, 3 rotations, the in-window replay, the probe',
    );
    assert.equal(second[0]!.endpoint, 'token', 'not due yet: the chain starts with its grant');
    assert.equal(third[0]!.endpoint, 'refresh', 'due: the chain first replays the spent token');
    assert.equal(third[0]!.expect, 'rejection');
    assert.equal(tokenOf(third[0]!), tokenOf(first[5]!), "the first chain's probed token, rotated by its probe");
    assert.equal(third[2]!.endpoint, 'token');
    const r = ctx.ledger.counters;
    assert.deepEqual(
      [r.replays, r.replays_in_grace, r.replays_outside_grace, r.family_probes, r.family_probes_outside_grace],
      [4, 3, 1, 4, 1],
    );
    assert.deepEqual(
      [r.replays_accepted_in_grace, r.families_survived_in_grace],
      [3, 3],
      "each chain's own in-window replay and its family's survival",
    );
    assert.ok(
      Object.values(r.violations).every((n) => n === 0),
      JSON.stringify(r.violations),
    );
    assert.deepEqual(ctx.failed, []);
  });

  it('a window longer than declared (1 h, not 2 s): the late replay and its family are violations', () => {
    const ctx = context(2);
    threeChains(ctx, altSessions(3_600_000));
    const { violations, replays_outside_grace } = ctx.ledger.counters;
    assert.equal(replays_outside_grace, 1);
    assert.equal(violations.replay_accepted, 1);
    assert.equal(violations.family_survived_replay, 1);
    assert.deepEqual(ctx.failed, ['a replayed refresh token is rejected']);
  });

  it(`accepts a replay up to S s + ${GRACE_TOLERANCE_MS} ms after rotation, not later; without a grace, never`, () => {
    const ledger = new RotationLedger({ graceSeconds: 2 });
    assert.equal(ledger.replayed(200, 2000 + GRACE_TOLERANCE_MS - 1), true);
    assert.equal(ledger.replayed(200, 2000 + GRACE_TOLERANCE_MS), false);
    assert.deepEqual([ledger.counters.replays_accepted_in_grace, ledger.counters.violations.replay_accepted], [1, 1]);
    const strict = new RotationLedger({ graceSeconds: 0 });
    assert.equal(strict.replayed(200, 0), false);
    strict.raced({ width: 3, answered: 3, winners: 2, failed: 0, repeated: false });
    assert.deepEqual([strict.counters.replays_outside_grace, strict.counters.replays_accepted_in_grace], [1, 0]);
    assert.deepEqual([strict.counters.violations.replay_accepted, strict.counters.violations.race_double_win], [1, 1]);
  });

  it(`keeps the oldest ${SPENT_QUEUE} spent tokens, handed back oldest first when due; none without grace`, () => {
    const ledger = new RotationLedger({ graceSeconds: 1 });
    for (let i = 0; i < SPENT_QUEUE + 8; i += 1) ledger.remember({ refreshToken: `t${i}`, rotatedAt: i, newest: '' });
    assert.equal(ledger.takeDue(1000 + OUTSIDE_MARGIN_MS - 1), null);
    const due: string[] = [];
    for (let token = ledger.takeDue(1e9); token; token = ledger.takeDue(1e9)) due.push(token.refreshToken);
    assert.deepEqual(
      due,
      Array.from({ length: SPENT_QUEUE }, (_, i) => `t${i}`),
    );
    const strict = new RotationLedger({ graceSeconds: 0 });
    strict.remember({ refreshToken: 't', rotatedAt: 0, newest: '' });
    assert.equal(strict.takeDue(1e9), null);
  });
});

describe('rotation ledger: only answered evidence counts', () => {
  it('an unanswered replay is counted apart, fails no check and ends the chain without a probe', () => {
    const ctx = context(0);
    let n = 0;
    const sent = drive(new ChainFlow(ctx), () => (n++ < 4 ? ok(fresh()) : unanswered));
    assert.equal(sent.length, 5, 'grant, 3 rotations, the replay: no probe');
    const r = ctx.ledger.counters;
    assert.deepEqual([r.replays, r.replays_unanswered, r.family_probes, r.family_probes_unanswered], [0, 1, 0, 0]);
    assert.deepEqual(ctx.failed, []);
  });

  it('an unanswered probe is counted apart, not as a family probed', () => {
    const ctx = context(0);
    let n = 0;
    drive(new ChainFlow(ctx), () => (n++ < 4 ? ok(fresh()) : n === 5 ? rejected : unanswered));
    const r = ctx.ledger.counters;
    assert.deepEqual([r.replays, r.family_probes, r.family_probes_unanswered], [1, 0, 1]);
  });

  it('a race with an unanswered racer is not counted, but two winners among its answers still are a violation', () => {
    for (const [answers, double] of [
      [[true, false, null], 0],
      [[true, true, null], 1],
    ] as const) {
      const ctx = context(0);
      let n = 0;
      drive(new RaceFlow(ctx), () => {
        if (n++ === 0) return ok(fresh());
        const won = answers[(n - 2) % 3];
        return won === null ? unanswered : won ? ok(fresh()) : rejected;
      });
      const r = ctx.ledger.counters;
      assert.deepEqual([r.races, r.races_unanswered, r.violations.race_double_win], [0, 1, double]);
      const failed = double ? ['exactly one of concurrent refreshes of one token wins'] : [];
      assert.deepEqual(ctx.failed, failed, 'a race check on partial answers only when they broke the rule');
    }
  });
});

describe('rotation ledger: exactly one winner per race', () => {
  const server5xx: ResponseLike = { status: 503, body: '{"error":"busy"}' };
  const timedOut: ResponseLike = { status: 0, body: null, timedOut: true };
  /** One race whose racers get `answers` (after the grant), with grace `grace`: its counters and failed checks. */
  function race(answers: (() => ResponseLike)[], grace = 0) {
    const ctx = context(grace);
    let n = 0;
    drive(new RaceFlow(ctx), () => (n++ === 0 ? ok(fresh()) : (answers[n - 2] as () => ResponseLike)()));
    return ctx;
  }
  const win = () => ok(fresh());
  const no = () => rejected;

  it('no winner, every racer answered, fails the race; so does a racer answered 5xx or held past the timeout', () => {
    assert.equal(race([no, no, no]).ledger.counters.violations.race_without_winner, 1);
    for (const bad of [server5xx, timedOut]) {
      const ctx = race([win, no, () => bad]);
      assert.equal(ctx.ledger.counters.violations.race_racer_failed, 1, JSON.stringify(bad));
      assert.ok(ctx.failed.includes('exactly one of concurrent refreshes of one token wins'));
    }
    const ctx = race([win, no, () => unanswered]);
    assert.ok(
      Object.values(ctx.ledger.counters.violations).every((v) => v === 0),
      'a reset proves nothing',
    );
  });

  it('under a grace: one identical pair to several racers, or distinct pairs, allowed; a shared token, not', () => {
    const same = fresh();
    const sharing = fresh();
    for (const [answers, allowed] of [
      [[() => ok(same), () => ok(same), no], true],
      [[win, win, no], true],
      [[() => ok(sharing), () => ok({ ...fresh(), token: sharing.token }), no], false],
    ] as const) {
      const r = race([...answers], 2).ledger.counters;
      assert.deepEqual([r.double_wins_in_grace, r.violations.race_double_win], allowed ? [1, 0] : [0, 1]);
    }
  });

  it('under a grace: the raced token is replayed once the window has passed, and must then be rejected', () => {
    const ctx = context(2);
    let n = 0;
    const raced = drive(new RaceFlow(ctx), () => (n++ === 0 ? ok(fresh()) : ok(fresh())));
    clock.ms += 2000 + OUTSIDE_MARGIN_MS;
    const sent = drive(new ChainFlow(ctx), () => ok(fresh()));
    assert.equal(sent[0]!.body, raced[1]!.body, 'the next chain replays the raced token first');
    const r = ctx.ledger.counters;
    assert.deepEqual([r.raced_replays_outside_grace, r.violations.raced_token_outlived_grace], [1, 1]);
    assert.equal(r.violations.replay_accepted, 0, 'counted once, against the race');
  });
});

describe('rotation ledger: a probe that wrongly works', () => {
  it('has its pair schema-checked and its tokens compared with every issued token', () => {
    const ctx = context(0);
    const pairs: Pair[] = [];
    const server = (spec: RequestSpec): ResponseLike => {
      if (spec.expect === 'rejection') return rejected;
      const pair = spec.expect === 'race' ? { ...fresh(), token: pairs[0]!.token } : fresh();
      pairs.push(pair);
      return ok(pair);
    };
    drive(new ChainFlow(ctx), server);
    assert.equal(pairs.length, 5, 'grant, 3 rotations, the probe');
    assert.equal(ctx.ledger.tokens.figures().checked, 2 * 5);
    assert.equal(ctx.ledger.counters.violations.token_collision, 1, "the probe's pair repeats the grant's token");
    const broken = context(0);
    const answers = { pair: () => ok(fresh()), rejection: () => rejected, race: () => ({ status: 200, body: '{}' }) };
    drive(new ChainFlow(broken), (spec) => answers[spec.expect]());
    assert.deepEqual(broken.failed, ['refresh returns a valid new token pair']);
  });
});
