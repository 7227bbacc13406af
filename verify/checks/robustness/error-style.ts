// What the docs leave open: the shape of error bodies and the exact codes. Only SHOULDs.
import { validateErrorResponse } from '../../../schemas/validators.ts';
import { Evidence, form, type Check } from '../../check.ts';
import type { Exchange, Probe } from '../../probe.ts';
import { loginBody, WRONG_PASSWORD } from '../login-form.ts';

type Case = [what: string, status: number, code: string, send: (probe: Probe) => Promise<Exchange>];

const CASES: Case[] = [
  [
    'wrong password',
    400,
    'invalid_grant',
    (p) => p.post('/v1/token', loginBody(p.target.credentials, { password: WRONG_PASSWORD })),
  ],
  [
    'unknown client',
    401,
    'invalid_client',
    (p) => p.post('/v1/token', loginBody(p.target.credentials, { clientId: 'no-such-client' })),
  ],
  [
    'unsupported grant type',
    400,
    'unsupported_grant_type',
    (p) => p.post('/v1/token', loginBody(p.target.credentials, { grantType: 'magic' })),
  ],
  [
    'missing password',
    400,
    'invalid_request',
    (p) => p.post('/v1/token', loginBody(p.target.credentials, { password: undefined })),
  ],
  [
    'unknown refresh token',
    400,
    'invalid_grant',
    (p) => p.post('/v1/refresh/token', form({ refreshToken: 'never-issued' })),
  ],
];

export const oauthErrorBodies: Check = {
  id: 'ERROR-01',
  title: 'Error bodies are OAuth 2.0 JSON: {error, error_description}',
  level: 'SHOULD',
  source: 'RFC 6749 §5.2 (the docs do not define errors)',
  async run(probe) {
    const e = new Evidence();
    for (const [what, , , send] of CASES) {
      const valid = validateErrorResponse((await send(probe)).json);
      e.expect(valid.ok, `${what}: ${valid.ok ? 'matches error-response.schema.json' : valid.message}`);
    }
    return e.done();
  },
};

export const oauthErrorCodes: Check = {
  id: 'ERROR-02',
  title: 'Errors use the RFC 6749 status and code for each failure',
  level: 'SHOULD',
  source: 'RFC 6749 §5.2',
  async run(probe) {
    const e = new Evidence();
    for (const [what, status, code, send] of CASES) {
      const ex = await send(probe);
      const got = (ex.json as { error?: unknown } | undefined)?.error;
      e.expect(
        ex.status === status && got === code,
        `${what}: expected ${status} ${code}, got ${ex.status} ${typeof got === 'string' ? got : '(no error code)'}`,
      );
    }
    return e.done();
  },
};
