import assert from 'node:assert/strict';
import { isDocumentedToken } from '../../schemas/token-format.ts';
import { validateTokenResponse } from '../../schemas/validators.ts';
import { DOC_LOGIN, post, refreshBody, tokens as login } from '../../testing/http.ts';
import { startServer, type Running } from '../../testing/reference-server.ts';

describe('reference server: password grant and refresh rotation', () => {
  let ref: Running;
  beforeEach(async () => (ref = await startServer()));
  afterEach(() => ref.stop());

  it('answers the documented login with a documented pair, expiresIn 3600, and Cache-Control no-store', async () => {
    const res = await post(`${ref.url}/v1/token`, DOC_LOGIN, 'application/x-www-form-urlencoded', {
      'cache-control': 'no-cache',
      'postman-token': 'c1d78ff1-8c9d-1294-9ebe-de8ba895e00a',
    });
    assert.equal(res.status, 200);
    const valid = validateTokenResponse(res.json);
    assert.ok(valid.ok, valid.ok ? '' : valid.message);
    assert.equal(res.json?.expiresIn, 3600);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  });

  it("rotates on the documented refresh body (trailing '&=' included): new refresh and access tokens", async () => {
    const first = await login(ref.url);
    const res = await post(`${ref.url}/v1/refresh/token`, refreshBody(first.refreshToken));
    assert.equal(res.status, 200);
    assert.ok(isDocumentedToken(res.json?.refreshToken) && isDocumentedToken(res.json?.token));
    assert.notEqual(res.json?.refreshToken, first.refreshToken);
    assert.notEqual(res.json?.token, first.token);
  });

  it('accepts a refresh token once: a replay is rejected with invalid_grant', async () => {
    const { refreshToken } = await login(ref.url);
    assert.equal((await post(`${ref.url}/v1/refresh/token`, refreshBody(refreshToken))).status, 200);
    const replay = await post(`${ref.url}/v1/refresh/token`, refreshBody(refreshToken));
    assert.equal(replay.status, 400);
    assert.equal(replay.json?.error, 'invalid_grant');
    assert.equal(replay.json?.token, undefined);
  });

  it('revokes the whole family on replay: the newest refresh token stops working too (RFC 9700 4.14.2)', async () => {
    const { refreshToken } = await login(ref.url);
    const next = await post(`${ref.url}/v1/refresh/token`, refreshBody(refreshToken));
    await post(`${ref.url}/v1/refresh/token`, refreshBody(refreshToken));
    const newest = await post(`${ref.url}/v1/refresh/token`, refreshBody(next.json?.refreshToken as string));
    assert.equal(newest.status, 400);
    assert.equal(newest.json?.error, 'invalid_grant');
  });

  it('gives exactly one 200 to 300 concurrent refreshes of one token', async () => {
    const { refreshToken } = await login(ref.url);
    const results = await Promise.all(
      Array.from({ length: 300 }, () => post(`${ref.url}/v1/refresh/token`, refreshBody(refreshToken))),
    );
    assert.equal(results.filter((r) => r.status === 200).length, 1);
    assert.ok(results.filter((r) => r.status !== 200).every((r) => r.json?.error === 'invalid_grant'));
  });

  it('never accepts an access token as a refresh token', async () => {
    const { token } = await login(ref.url);
    const res = await post(`${ref.url}/v1/refresh/token`, refreshBody(token));
    assert.equal(res.status, 400);
    assert.equal(res.json?.error, 'invalid_grant');
  });

  it('holds a chain of 50 consecutive rotations', async () => {
    let { refreshToken } = await login(ref.url);
    const seen = new Set([refreshToken]);
    for (let i = 0; i < 50; i += 1) {
      const res = await post(`${ref.url}/v1/refresh/token`, refreshBody(refreshToken));
      assert.equal(res.status, 200, `rotation ${i + 1}`);
      refreshToken = res.json?.refreshToken as string;
      assert.ok(!seen.has(refreshToken), 'a rotated token repeats an earlier one');
      seen.add(refreshToken);
    }
  });

  it('rejects a refresh token presented with another clientId, and revokes it', async () => {
    const { refreshToken } = await login(ref.url);
    const res = await post(`${ref.url}/v1/refresh/token`, `${refreshBody(refreshToken)}&clientId=other`);
    assert.equal(res.status, 400);
    assert.equal(res.json?.error, 'invalid_grant');
    assert.equal((await post(`${ref.url}/v1/refresh/token`, refreshBody(refreshToken))).status, 400);
  });
});

describe('reference server: refresh-token expiry', () => {
  it('rejects a refresh token after its lifetime with invalid_grant', async () => {
    let now = 1_000_000;
    const ref = await startServer({ refreshTtlSeconds: 60, now: () => now });
    try {
      const { refreshToken } = await login(ref.url);
      now += 61_000;
      const res = await post(`${ref.url}/v1/refresh/token`, refreshBody(refreshToken));
      assert.equal(res.status, 400);
      assert.equal(res.json?.error, 'invalid_grant');
    } finally {
      await ref.stop();
    }
  });
});
