import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { DOC_LOGIN, FORM, post } from '../../testing/http.ts';
import { startServer, type Running } from '../../testing/reference-server.ts';

const CLIENT = '57f986e1-4588-4512-90ea-d264904df7b2';
const login = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const GOOD = { grantType: 'password', clientId: CLIENT, username: 'crm@fidilio.com', password: '12312312' };

const REJECTED: [string, string, number, string][] = [
  ['a wrong password', login({ ...GOOD, password: 'wrong-password-42' }), 400, 'invalid_grant'],
  ['an unknown user', login({ ...GOOD, username: 'nobody@example.com' }), 400, 'invalid_grant'],
  ['an unknown client', login({ ...GOOD, clientId: '00000000-0000-4000-8000-000000000000' }), 401, 'invalid_client'],
  ['an unsupported grant type', login({ ...GOOD, grantType: 'client_credentials' }), 400, 'unsupported_grant_type'],
  [
    'a missing grant type',
    login({ clientId: CLIENT, username: GOOD.username, password: GOOD.password }),
    400,
    'invalid_request',
  ],
  [
    'a missing clientId',
    login({ grantType: 'password', username: GOOD.username, password: GOOD.password }),
    400,
    'invalid_request',
  ],
  ['an empty username', login({ ...GOOD, username: '' }), 400, 'invalid_request'],
  [
    'a missing password',
    login({ grantType: 'password', clientId: CLIENT, username: GOOD.username }),
    400,
    'invalid_request',
  ],
  ['a repeated field', `${DOC_LOGIN}&password=other`, 400, 'invalid_request'],
  ['bad percent-encoding', `${DOC_LOGIN}%E0%A4%A`, 400, 'invalid_request'],
  ['an invalid UTF-8 escape', DOC_LOGIN.replace('12312312', '%FF%FE'), 400, 'invalid_request'],
  ['an injection string as username', login({ ...GOOD, username: "' OR '1'='1" }), 400, 'invalid_grant'],
];

describe('reference server: errors are OAuth 2.0 JSON with the right status and code', () => {
  let ref: Running;
  before(async () => (ref = await startServer()));
  after(() => ref.stop());

  for (const [what, body, status, code] of REJECTED) {
    it(`rejects ${what} with ${status} ${code} and no token`, async () => {
      const res = await post(`${ref.url}/v1/token`, body);
      assert.equal(res.status, status);
      assert.equal(res.json?.error, code);
      assert.equal(typeof res.json?.error_description, 'string');
      assert.equal(res.json?.token, undefined);
      assert.equal(res.headers.get('cache-control'), 'no-store');
    });
  }

  it('never reflects the submitted password in an error body', async () => {
    const res = await post(`${ref.url}/v1/token`, login({ ...GOOD, password: 'S3cret-Canary-Value' }));
    assert.equal(res.status, 400);
    assert.ok(!res.text.includes('S3cret-Canary-Value'));
  });

  it('answers 415 unsupported_media_type to a JSON body', async () => {
    const res = await post(`${ref.url}/v1/token`, JSON.stringify(GOOD), 'application/json');
    assert.deepEqual([res.status, res.json?.error], [415, 'unsupported_media_type']);
  });

  it('answers 413 request_too_large to a body over the limit', async () => {
    const res = await post(`${ref.url}/v1/token`, `${DOC_LOGIN}&pad=${'x'.repeat(20_000)}`);
    assert.deepEqual([res.status, res.json?.error], [413, 'request_too_large']);
  });

  it('reads an oversized body to its end before the 413, with no answer or close before (RFC 9112 §9.6)', async () => {
    // A server that answers and closes with the body unread resets the connection, and the client can lose the
    // 413 to that reset. Half the body, a pause, then the rest: nothing may come back before the rest is sent.
    const half = 'x'.repeat(1 << 19);
    const headers = [
      'POST /v1/token HTTP/1.1',
      'Host: x',
      `Content-Type: ${FORM}`,
      `Content-Length: ${2 * half.length}`,
    ];
    const head = `${headers.join('\r\n')}\r\n\r\n`;
    const seen = await new Promise<{ early: string; data: string; error?: string }>((resolve) => {
      let data = '';
      let early = '';
      let restSent = false;
      const socket = connect(Number(new URL(ref.url).port), '127.0.0.1', () => {
        socket.write(head + half);
        setTimeout(() => {
          restSent = true;
          socket.end(half);
        }, 300);
      });
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        data += chunk;
        if (!restSent) early += chunk;
      });
      socket.on('end', () => (early ||= restSent ? '' : 'closed'));
      socket.on('error', (error: NodeJS.ErrnoException) => resolve({ early, data, error: error.code }));
      socket.on('close', () => resolve({ early, data }));
    });
    assert.equal(seen.early, '', 'an answer or a close before the body ended');
    assert.equal(seen.error, undefined, `the connection failed: ${seen.error}`);
    assert.match(seen.data, /^HTTP\/1\.1 413 /);
  });

  it('answers 405 with Allow: POST to GET, even with credentials in the query string', async () => {
    const res = await fetch(`${ref.url}/v1/token?${DOC_LOGIN}`);
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST');
    assert.equal(((await res.json()) as { token?: string }).token, undefined);
  });

  it('answers 404 not_found elsewhere, and keeps provider states off by default', async () => {
    for (const path of ['/v1/tokens', '/_pact/provider-states']) {
      const res = await post(`${ref.url}${path}`, '{}', 'application/json');
      assert.deepEqual([res.status, res.json?.error], [404, 'not_found']);
    }
  });

  it('answers 400 (never 5xx) to bogus chunked encoding', async () => {
    const port = new URL(ref.url).port;
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write(
          [
            'POST /v1/token HTTP/1.1',
            'Host: x',
            `Content-Type: ${FORM}`,
            'Transfer-Encoding: chunked',
            '',
            'zz', // not a hexadecimal chunk size
            'ab',
            '0',
            '',
            '',
          ].join('\r\n'),
        ),
      );
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (data += chunk));
      socket.on('close', () => resolve(data));
    });
    assert.match(raw, /^HTTP\/1\.1 400 /);
    assert.match(raw, /"error":"invalid_request"/);
  });
});

describe('reference server: password hashing', () => {
  it('does not accept the password with a NUL byte appended (HMAC key padding)', async () => {
    const ref = await startServer();
    try {
      const res = await post(`${ref.url}/v1/token`, login({ ...GOOD, password: `${GOOD.password}\u0000` }));
      assert.deepEqual([res.status, res.json?.error], [400, 'invalid_grant']);
    } finally {
      await ref.stop();
    }
  });
});
