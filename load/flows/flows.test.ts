// The shared flows, driven by a scripted server: the requests they send and what they count.
import assert from 'node:assert/strict';
import { fakeToken } from '../../testing/fake-token-server.ts';
import { drive } from '../../testing/flow-driver.ts';
import { ChainFlow } from './chain.ts';
import type { ResponseLike } from './checks.ts';
import type { FlowContext } from './flow.ts';
import { chooseFlow, mixPoint } from './mix.ts';
import { RaceFlow } from './race.ts';
import { emptyCounters, RotationLedger } from './rotation.ts';
import { readFlowSettings } from './settings.ts';

const pair = (): ResponseLike => ({
  status: 200,
  body: JSON.stringify({ token: fakeToken(), refreshToken: fakeToken(), expiresIn: 3600 }),
});
const rejected: ResponseLike = { status: 400, body: '{"error":"invalid_grant"}' };

function context(graceSeconds = 0): FlowContext & { failed: string[] } {
  const failed: string[] = [];
  return {
    credentials: { clientId: 'c', username: 'u', password: 'p' },
    format: 'documented',
    chainLength: 3,
    raceWidth: 3,
    retryThrottled: true,
    ledger: new RotationLedger({ graceSeconds }),
    observer: {
      check: (name, ok) => {
        if (!ok) failed.push(name);
      },
    },
    failed,
  };
}

describe('shared flows', () => {
  it('a chain sends a grant, N rotations, a replay of the previous token and a probe of the newest', () => {
    const ctx = context();
    let answered = 0;
    const sent = drive(new ChainFlow(ctx), () => (answered++ >= 4 ? rejected : pair()));
    assert.deepEqual(
      sent.map((s) => `${s.endpoint}:${s.expect}`),
      ['token:pair', 'refresh:pair', 'refresh:pair', 'refresh:pair', 'refresh:rejection', 'refresh:race'],
    );
    assert.equal(sent[4]!.body, sent[3]!.body, 'the replay presents the previous refresh token again');
    assert.equal(sent[5]!.body.length, sent[4]!.body.length);
    assert.notEqual(sent[5]!.body, sent[4]!.body);
    assert.deepEqual(ctx.failed, []);
    assert.deepEqual(ctx.ledger.counters.violations, emptyCounters().violations);
  });

  it(
    'a chain counts an accepted replay and a family that survives it as violations; ' +
      'only the replay fails a check (reuse detection is a SHOULD)',
    () => {
      const ctx = context();
      drive(new ChainFlow(ctx), () => pair());
      assert.equal(ctx.ledger.counters.violations.replay_accepted, 1);
      assert.equal(ctx.ledger.counters.violations.family_survived_replay, 1);
      assert.equal(ctx.failed.length, 1);
    },
  );

  it('a chain stops at the first invalid token response', () => {
    const ctx = context();
    const sent = drive(new ChainFlow(ctx), () => ({ status: 200, body: '{"token":"short"}' }));
    assert.equal(sent.length, 1);
    assert.deepEqual(ctx.failed, ['password grant returns a valid token pair']);
  });

  it('a race counts more than one winner as a violation, but not within a declared grace period', () => {
    for (const grace of [0, 5]) {
      const ctx = context(grace);
      drive(new RaceFlow(ctx), () => pair());
      assert.equal(ctx.ledger.counters.violations.race_double_win, grace ? 0 : 1);
      assert.equal(ctx.ledger.counters.double_wins_in_grace, grace ? 1 : 0);
    }
  });

  it('the ledger counts a token issued twice as a collision', () => {
    const ledger = new RotationLedger({ graceSeconds: 0 });
    const token = fakeToken();
    ledger.issued({ token, refreshToken: fakeToken(), expiresIn: 1 });
    ledger.issued({ token: fakeToken(), refreshToken: token, expiresIn: 1 });
    assert.equal(ledger.counters.violations.token_collision, 1);
  });

  it('settings default to the documented example values and read TOKEN_SUITE_* overrides', () => {
    const defaults = readFlowSettings({});
    assert.deepEqual(defaults.users, [
      { clientId: '57f986e1-4588-4512-90ea-d264904df7b2', username: 'crm@fidilio.com', password: '12312312' },
    ]);
    const custom = readFlowSettings({
      TOKEN_SUITE_LOAD_USERS: 'a:x:y,b:z',
      TOKEN_SUITE_LOAD_CHAIN_LENGTH: '9',
      TOKEN_SUITE_LOAD_MIX: 'chain:1',
    });
    assert.deepEqual(
      custom.users.map((u) => [u.username, u.password]),
      [
        ['a', 'x:y'],
        ['b', 'z'],
      ],
    );
    assert.equal(custom.chainLength, 9);
    assert.deepEqual(custom.mix, { password: 0, chain: 1, race: 0 });
  });

  it('the mix picks flows in proportion to their weights', () => {
    const mix = { password: 1, chain: 2, race: 1 };
    assert.deepEqual(
      [0, 0.3, 0.6, 0.9].map((r) => chooseFlow(mix, r)),
      ['password', 'chain', 'chain', 'race'],
    );
  });

  it('spreads the mix: any run of consecutive flows holds each kind to within 2 of its share', () => {
    // The default mix (password 1, chain 4, race 1) and a lopsided one, from several offsets (workers).
    for (const mix of [
      { password: 1, chain: 4, race: 1 },
      { password: 7, chain: 2, race: 1 },
    ]) {
      const total = mix.password + mix.chain + mix.race;
      for (const offset of [0, 1 / 7, 0.5]) {
        const kinds = Array.from({ length: 2000 }, (_, n) => chooseFlow(mix, mixPoint(n, offset)));
        let worst = 0;
        for (const length of [6, 24, 100, 600])
          for (let from = 0; from + length <= kinds.length; from += 37)
            for (const kind of ['password', 'chain', 'race'] as const) {
              const seen = kinds.slice(from, from + length).filter((k) => k === kind).length;
              worst = Math.max(worst, Math.abs(seen - (length * mix[kind]) / total));
            }
        assert.ok(worst <= 2, `a window strayed ${worst} flows from its share (mix ${JSON.stringify(mix)})`);
      }
    }
  });
});
