import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import nock from 'nock';
import { HttpError, NetworkError, SchemaError, TimeoutError } from './errors.ts';
import { TokenClient } from './token-client.ts';

// nock intercepts every HTTP request of the process once imported: only while these tests run, so the
// other test files of the mocha process (the Pact consumer's mock server, servers on loopback) talk to
// real sockets.
nock.restore();

const BASE = 'http://echon.test';
const CREDS = { clientId: '57f986e1-4588-4512-90ea-d264904df7b2', username: 'crm@fidilio.com', password: '12312312' };
const TOKEN = `2faafd13b0f64a388c57de929a8b6a54${'X'.repeat(224)}`;
const PAIR = { token: TOKEN, refreshToken: TOKEN.replace(/X/g, 'Y'), expiresIn: 3600 };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new assert.AssertionError({ message: 'expected the call to fail' });
}

describe('TokenClient', () => {
  // The default timeout (10 s): a 200 ms one, which only the timeout test needs, timed out the first
  // request of the file on a loaded machine (cold interception, first import of the transport).
  const client = new TokenClient({ baseUrl: `${BASE}/` });
  before(() => {
    nock.activate();
    nock.disableNetConnect();
  });
  afterEach(() => {
    assert.ok(nock.isDone(), 'an expected request was not made');
    nock.cleanAll();
  });
  after(() => {
    nock.enableNetConnect();
    nock.restore();
  });

  it('posts the password grant as a form and returns the typed pair', async () => {
    nock(BASE)
      .post(
        '/v1/token',
        'grantType=password&clientId=57f986e1-4588-4512-90ea-d264904df7b2&username=crm%40fidilio.com&password=12312312',
      )
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(200, PAIR);
    assert.deepEqual(await client.getToken(CREDS), PAIR);
  });

  it('posts the refresh token as a form and returns the new pair', async () => {
    nock(BASE).post('/v1/refresh/token', { refreshToken: PAIR.refreshToken }).reply(200, PAIR);
    assert.deepEqual(await client.refresh(PAIR.refreshToken), PAIR);
  });

  it('throws HttpError keeping status, parsed body and OAuth code on a 4xx', async () => {
    nock(BASE).post('/v1/token').reply(400, { error: 'invalid_grant', error_description: 'bad password' });
    const error = await rejection(client.getToken(CREDS));
    assert.ok(error instanceof HttpError);
    assert.deepEqual([error.status, error.code, error.kind], [400, 'invalid_grant', 'http']);
  });

  it('throws HttpError keeping the raw text of a non-JSON 5xx', async () => {
    nock(BASE).post('/v1/refresh/token').reply(503, '<html>busy</html>');
    const error = await rejection(client.refresh('x'));
    assert.ok(error instanceof HttpError);
    assert.deepEqual([error.status, error.body, error.code], [503, '<html>busy</html>', undefined]);
  });

  it('throws SchemaError on a 200 whose body is not JSON', async () => {
    nock(BASE).post('/v1/token').reply(200, 'ok');
    const error = await rejection(client.getToken(CREDS));
    assert.ok(error instanceof SchemaError);
    assert.match(error.message, /not JSON/);
  });

  it("throws SchemaError with ajv's errors on a schema-violating body", async () => {
    nock(BASE)
      .post('/v1/token')
      .reply(200, { ...PAIR, expiresIn: '3600' });
    const error = await rejection(client.getToken(CREDS));
    assert.ok(error instanceof SchemaError);
    assert.equal(error.errors[0]?.instancePath, '/expiresIn');
    assert.match(error.message, /expiresIn must be integer/);
  });

  it('accepts any opaque token with tokenFormat "opaque", and still demands the fields', async () => {
    const opaque = new TokenClient({ baseUrl: BASE, tokenFormat: 'opaque' });
    nock(BASE).post('/v1/token').reply(200, { token: 'abc', refreshToken: 'def', expiresIn: 60 });
    assert.equal((await opaque.getToken(CREDS)).token, 'abc');
    nock(BASE).post('/v1/token').reply(200, { token: 'abc', expiresIn: 60 });
    assert.ok((await rejection(opaque.getToken(CREDS))) instanceof SchemaError);
  });

  it('throws TimeoutError when the server does not answer within timeoutMs', async () => {
    nock(BASE).post('/v1/token').delay(1000).reply(200, PAIR);
    const error = await rejection(new TokenClient({ baseUrl: BASE, timeoutMs: 200 }).getToken(CREDS));
    assert.ok(error instanceof TimeoutError);
    assert.equal(error.timeoutMs, 200);
  });
});

describe('TokenClient without a server', () => {
  it('throws NetworkError with ECONNREFUSED when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const error = await rejection(new TokenClient({ baseUrl: `http://127.0.0.1:${port}` }).getToken(CREDS));
    assert.ok(error instanceof NetworkError);
    assert.equal(error.code, 'ECONNREFUSED');
  });
});
