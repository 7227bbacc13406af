// Throttled answers (RFC 6585 §4, RFC 9110 §10.2.3): what counts as throttling, how long it asks to wait, and
// the run's wait budget.
import assert from 'node:assert/strict';
import { throttlingOf } from './retry-after.ts';
import { retryAfterMs } from './retry-after-value.ts';
import { Throttle, ThrottleBudgetSpent } from './throttle.ts';

const headers = (entries: Record<string, string> = {}) => new Headers(entries);
const answer = (status: number, entries: Record<string, string> = {}) => ({ status, headers: headers(entries) });

describe('client/retry-after: what is throttling', () => {
  it('429 is throttling, with or without Retry-After; 503 only with it', () => {
    assert.deepEqual(throttlingOf(429, headers()), { status: 429 });
    assert.deepEqual(throttlingOf(429, headers({ 'retry-after': '3' })), {
      status: 429,
      retryAfter: '3',
      waitMs: 3000,
    });
    assert.equal(throttlingOf(503, headers()), undefined, 'a bare 503 is the server failing, evidence');
    assert.equal(throttlingOf(503, headers({ 'retry-after': '2' }))?.waitMs, 2000);
    assert.equal(throttlingOf(400, headers({ 'retry-after': '2' })), undefined);
    assert.equal(throttlingOf(200, headers()), undefined);
  });

  it('reads an HTTP-date against the answer own Date header, else the local clock', () => {
    const date = 'Wed, 02 Dec 2026 10:00:00 GMT';
    assert.equal(retryAfterMs('Wed, 02 Dec 2026 10:00:05 GMT', date, 0), 5000);
    const now = Date.parse(date);
    assert.equal(retryAfterMs('Wed, 02 Dec 2026 10:00:02 GMT', null, now), 2000);
    assert.equal(retryAfterMs('Wed, 02 Dec 2026 09:00:00 GMT', null, now), 0, 'a date in the past: no wait');
    assert.equal(retryAfterMs('soon', null, now), undefined);
    assert.equal(retryAfterMs('-1', null, now), undefined, 'neither delay-seconds nor a date');
  });
});

describe('client/throttle: waits and resends within the budget', () => {
  it('resends after the Retry-After wait, and counts what it saw', async () => {
    const throttle = new Throttle({ budgetMs: 5000 });
    const answers = [answer(429, { 'retry-after': '0' }), answer(503, { 'retry-after': '0' }), answer(200)];
    const started = performance.now();
    const got = await throttle.http(() => Promise.resolve(answers.shift()!));
    assert.equal(got.status, 200);
    assert.deepEqual(throttle.counts, { 429: 1, 503: 1 });
    assert.ok(performance.now() - started >= 350, 'a Retry-After of 0 still waits a little: no tight loop');
    assert.match(throttle.summary() ?? '', /1× 429, 1× 503, last Retry-After: 0/);
  });

  it('backs off with jitter when there is no Retry-After', async () => {
    const throttle = new Throttle({ budgetMs: 5000, random: () => 0 });
    const answers = [answer(429), answer(429), answer(201)];
    const started = performance.now();
    assert.equal((await throttle.http(() => Promise.resolve(answers.shift()!))).status, 201);
    assert.ok(performance.now() - started >= 700, '0.25 s then 0.5 s (half of 0.5 s and 1 s, jitter at 0)');
  });

  it('gives up when the next wait does not fit in the budget, with a sentence naming the fix', async () => {
    const throttle = new Throttle({ budgetMs: 1000 });
    const error: unknown = await throttle
      .http(() => Promise.resolve(answer(429, { 'retry-after': '30' })))
      .catch((e: unknown) => e);
    assert.ok(error instanceof ThrottleBudgetSpent);
    assert.match(
      error.message,
      /1× 429, last Retry-After: 30.*budget of 1 s.*--throttle-budget.*exempt the test client/,
    );
    assert.equal(throttle.gaveUp, 1);
  });

  it('counts overlapping waits once: concurrent throttled requests share the budget', async () => {
    const throttle = new Throttle({ budgetMs: 1500 });
    const once = () => {
      let first = true;
      return () => Promise.resolve(first ? ((first = false), answer(429, { 'retry-after': '1' })) : answer(200));
    };
    const all = await Promise.all(Array.from({ length: 10 }, () => throttle.http(once())));
    assert.ok(all.every((a) => a.status === 200));
    assert.ok(throttle.waitedSeconds < 1.5, `waited ${throttle.waitedSeconds} s of budget`);
  });

  it('ends a wait at once when the run is aborted', async () => {
    const controller = new AbortController();
    const throttle = new Throttle({ budgetMs: 60_000, signal: controller.signal });
    const answers = [answer(429, { 'retry-after': '50' }), answer(200)];
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    await throttle.http(() => Promise.resolve(answers.shift()!));
    assert.ok(performance.now() - started < 10_000, 'no 50 s wait after the abort');
  });
});
