import assert from 'node:assert/strict';
import { RefreshStore } from './refresh-store.ts';

const store = (limits: Partial<{ ttlMs: number; historyLimit: number; maxTokens: number }>, now = () => 0) =>
  new RefreshStore({ ttlMs: 60_000, historyLimit: 64, maxTokens: 1000, ...limits }, now);

describe('refresh store: memory stays bounded', () => {
  it('purges expired tokens', () => {
    let now = 0;
    const s = store({ ttlMs: 1000 }, () => now);
    for (let i = 0; i < 100; i += 1) s.issue('c', `u${i}`);
    now = 1500;
    assert.equal(s.purgeExpired(), 100);
    assert.equal(s.size, 0);
  });

  it('drops every token of a family on reuse', () => {
    const s = store({});
    let token = s.issue('c', 'u');
    const first = token;
    for (let i = 0; i < 10; i += 1) {
      const r = s.rotate(token);
      assert.equal(r.outcome, 'rotated');
      if (r.outcome === 'rotated') token = r.refreshToken;
    }
    assert.equal(s.size, 11);
    assert.equal(s.rotate(first).outcome, 'reused');
    assert.equal(s.size, 0);
    assert.equal(s.rotate(token).outcome, 'unknown');
  });

  it('remembers at most historyLimit used tokens per family', () => {
    const s = store({ historyLimit: 5 });
    let token = s.issue('c', 'u');
    for (let i = 0; i < 50; i += 1) {
      const r = s.rotate(token);
      if (r.outcome === 'rotated') token = r.refreshToken;
    }
    assert.equal(s.size, 6);
  });

  it('keeps at most maxTokens tokens, evicting the oldest', () => {
    const s = store({ maxTokens: 10 });
    const first = s.issue('c', 'first');
    for (let i = 0; i < 20; i += 1) s.issue('c', `u${i}`);
    assert.equal(s.size, 10);
    assert.equal(s.rotate(first).outcome, 'unknown');
  });
});
