// Over HTTP: one user's many logins never log another user out, and a full store answers 503 + Retry-After.
import assert from 'node:assert/strict';
import { post, refreshBody } from '../../testing/http.ts';
import { startServer, type Running } from '../../testing/reference-server.ts';

const CLIENT = 'fair-client';
const USERS = ['alice', 'bob', 'carol'];
const SEED = { clients: [CLIENT], users: USERS.map((username) => ({ username, password: `${username}-pw` })) };
const loginAs = (url: string, username: string) =>
  post(
    `${url}/v1/token`,
    new URLSearchParams({ grantType: 'password', clientId: CLIENT, username, password: `${username}-pw` }).toString(),
  );
const refreshOf = (url: string, refreshToken: string) => post(`${url}/v1/refresh/token`, refreshBody(refreshToken));

describe('reference server: a token store fair under pressure', () => {
  let ref: Running;
  beforeEach(async () => (ref = await startServer({ seed: SEED, maxTokens: 6, maxTokensPerUser: 3 })));
  afterEach(() => ref.stop());

  it("one user's many logins never log another user out, and that user's newest token keeps working", async () => {
    const bobs = (await loginAs(ref.url, 'bob')).json?.refreshToken as string;
    let alices = '';
    for (let i = 0; i < 12; i += 1) alices = (await loginAs(ref.url, 'alice')).json?.refreshToken as string;
    assert.equal((await refreshOf(ref.url, bobs)).status, 200);
    assert.equal((await refreshOf(ref.url, alices)).status, 200);
  });

  it('answers a login that would overfill the store with 503 temporarily_unavailable and Retry-After', async () => {
    const live: string[] = [];
    for (const user of ['alice', 'bob'])
      for (let i = 0; i < 3; i += 1) live.push((await loginAs(ref.url, user)).json?.refreshToken as string);
    const refused = await loginAs(ref.url, 'carol');
    assert.equal(refused.status, 503);
    assert.equal(refused.json?.error, 'temporarily_unavailable');
    assert.match(refused.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
    assert.equal(refused.headers.get('cache-control'), 'no-store');
    assert.equal(refused.json?.refreshToken, undefined);
    for (const token of live) assert.equal((await refreshOf(ref.url, token)).status, 200);
  });
});
