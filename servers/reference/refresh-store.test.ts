import assert from 'node:assert/strict';
import { setImmediate as tick } from 'node:timers/promises';
import { OAuthError } from './errors.ts';
import { RefreshStore, type StoreLimits } from './refresh-store.ts';

const LIMITS: StoreLimits = {
  ttlMs: 60_000,
  historyLimit: 64,
  maxTokens: 1000,
  maxTokensPerUser: 1000,
  retryAfterSeconds: 60,
  purgeSliceMs: 10,
};
const store = (limits: Partial<StoreLimits>, now = () => 0) => new RefreshStore({ ...LIMITS, ...limits }, now);

/** Rotates `token` `times` times; returns the newest token, or throws when a rotation fails. */
function chain(s: RefreshStore, token: string, times: number): string {
  for (let i = 0; i < times; i += 1) {
    const r = s.rotate(token);
    if (r.outcome !== 'rotated') throw new Error(`rotation ${i + 1}: ${r.outcome}`);
    token = r.refreshToken;
  }
  return token;
}

describe('refresh store: memory stays bounded', () => {
  it('purges expired tokens', async () => {
    let now = 0;
    const s = store({ ttlMs: 1000 }, () => now);
    for (let i = 0; i < 100; i += 1) s.issue('c', `u${i}`);
    now = 1500;
    assert.equal(await s.purgeExpired(), 100);
    assert.equal(s.size, 0);
  });

  it('drops every token of a family on reuse', () => {
    const s = store({});
    const first = s.issue('c', 'u');
    const token = chain(s, first, 10);
    assert.equal(s.size, 11);
    assert.equal(s.rotate(first).outcome, 'reused');
    assert.equal(s.size, 0);
    assert.equal(s.rotate(token).outcome, 'unknown');
  });

  it('remembers at most historyLimit used tokens per family', () => {
    const s = store({ historyLimit: 5 });
    chain(s, s.issue('c', 'u'), 50);
    assert.equal(s.size, 6);
  });
});

describe('refresh store: fair under pressure', () => {
  it("past a user's own cap, forgets only that user's oldest tokens: nobody else is logged out", () => {
    const s = store({ maxTokens: 1000, maxTokensPerUser: 100 });
    const bobs = s.issue('c', 'bob');
    const alicesFirst = s.issue('c', 'alice');
    let alicesLast = alicesFirst;
    for (let i = 0; i < 5000; i += 1) alicesLast = s.issue('c', 'alice');
    assert.equal(s.rotate(bobs).outcome, 'rotated');
    assert.equal(s.size, 102); // alice: 100; bob: one spent, one live
    assert.equal(s.rotate(alicesFirst).outcome, 'unknown');
    assert.equal(s.rotate(alicesLast).outcome, 'rotated');
  });

  it("keeps a user's long refresh chain working at that user's cap", () => {
    const s = store({ maxTokensPerUser: 20 });
    for (let i = 0; i < 50; i += 1) s.issue('c', 'alice'); // leftovers of earlier flows
    const newest = chain(s, s.issue('c', 'alice'), 2000);
    assert.equal(s.size, 20);
    assert.equal(s.rotate(newest).outcome, 'rotated');
  });

  it('refuses a grant at the global cap with 503 temporarily_unavailable and Retry-After, evicting nobody', () => {
    const s = store({ maxTokens: 100, maxTokensPerUser: 10, retryAfterSeconds: 42 });
    const newest = Array.from({ length: 10 }, (_, u) => Array.from({ length: 10 }, () => s.issue('c', `u${u}`)));
    assert.throws(
      () => s.issue('c', 'late-comer'),
      (error: unknown) =>
        error instanceof OAuthError &&
        error.status === 503 &&
        error.code === 'temporarily_unavailable' &&
        error.headers['retry-after'] === '42',
    );
    assert.equal(s.size, 100);
    for (const tokens of newest) for (const token of tokens) assert.equal(s.rotate(token).outcome, 'rotated');
  });

  it('still rotates at the global cap, and a user at its own cap still gets grants', () => {
    const s = store({ maxTokens: 30, maxTokensPerUser: 10 });
    const tokens = ['a', 'b', 'c'].map((user) => Array.from({ length: 10 }, () => s.issue('c', user)).pop()!);
    for (const token of tokens) chain(s, token, 100);
    assert.equal(s.size, 30);
    assert.equal(s.rotate(s.issue('c', 'a')).outcome, 'rotated');
  });

  it('purges in slices, letting the event loop run in between', async () => {
    let now = 0;
    const s = store({ ttlMs: 1000, maxTokens: 20_000, maxTokensPerUser: 20_000, purgeSliceMs: 0 }, () => now);
    for (let i = 0; i < 10_000; i += 1) s.issue('c', 'u');
    now = 1500;
    let turns = 0;
    let purging = true;
    const turnsWhilePurging = (async () => {
      while (purging) {
        await tick();
        turns += 1;
      }
    })();
    assert.equal(await s.purgeExpired(), 10_000);
    purging = false;
    await turnsWhilePurging;
    assert.ok(turns >= 10, `only ${turns} event-loop turns while purging 10,000 tokens`);
  });
});
