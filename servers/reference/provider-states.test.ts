import assert from 'node:assert/strict';
import { post, refreshBody } from '../../testing/http.ts';
import { startServer, type Running } from '../../testing/reference-server.ts';

const state = (url: string, body: unknown) =>
  post(`${url}/_pact/provider-states`, JSON.stringify(body), 'application/json');
const TOKEN = `${'a'.repeat(12)}4${'b'.repeat(3)}8${'c'.repeat(15)}${'Z'.repeat(224)}`;

describe('reference server: Pact provider states (--provider-states)', () => {
  let ref: Running;
  before(async () => (ref = await startServer({ providerStates: true })));
  after(() => ref.stop());

  it("seeds 'user {username} with password {password} exists for client {clientId}'", async () => {
    const params = { username: 'ann', password: 'pw-1', clientId: 'client-7' };
    assert.equal(
      (
        await state(ref.url, {
          state: 'user {username} with password {password} exists for client {clientId}',
          params,
          action: 'setup',
        })
      ).status,
      200,
    );
    const res = await post(`${ref.url}/v1/token`, new URLSearchParams({ grantType: 'password', ...params }).toString());
    assert.equal(res.status, 200);
  });

  it("registers 'refresh token {refreshToken} was issued to {username}' as a live token, once", async () => {
    const res = await state(ref.url, {
      state: 'refresh token {refreshToken} was issued to {username}',
      params: { refreshToken: TOKEN, username: 'ann' },
    });
    assert.deepEqual(res.json, { refreshToken: TOKEN });
    assert.equal((await post(`${ref.url}/v1/refresh/token`, refreshBody(TOKEN))).status, 200);
    assert.equal((await post(`${ref.url}/v1/refresh/token`, refreshBody(TOKEN))).status, 400);
  });

  it("registers 'refresh token {refreshToken} was already used' as a spent token", async () => {
    const spent = TOKEN.replace(/Z/g, 'Y');
    await state(ref.url, { state: 'refresh token {refreshToken} was already used', params: { refreshToken: spent } });
    const res = await post(`${ref.url}/v1/refresh/token`, refreshBody(spent));
    assert.deepEqual([res.status, res.json?.error], [400, 'invalid_grant']);
  });

  it('rejects an unknown state with 400 invalid_request naming it', async () => {
    const res = await state(ref.url, { state: 'the moon is full', params: {} });
    assert.equal(res.status, 400);
    assert.match(String(res.json?.error_description), /the moon is full/);
  });

  it('treats teardown as a no-op', async () => {
    const res = await state(ref.url, { state: 'the moon is full', action: 'teardown' });
    assert.equal(res.status, 200);
  });
});
