// What the docs leave open: the shape of error bodies and the exact codes (ERROR-01, ERROR-02: SHOULDs).
// RFC 6749 §5.2 requires 401 for invalid_client only when the client authenticated through the
// Authorization header; a clientId in the body may get 400 invalid_client.
import { form } from '../form.ts';
import type { Exchange } from '../../exchange.ts';
import type { Probe } from '../../probe.ts';
import { WRONG_PASSWORD } from '../../../schemas/documented-api.ts';
import { PATHS } from '../../../schemas/documented-api.ts';

export interface ErrorCase {
  what: string;
  statuses: number[];
  code: string;
  send: (probe: Probe) => Promise<Exchange>;
}

export const ERROR_CASES: ErrorCase[] = [
  {
    what: 'wrong password',
    statuses: [400],
    code: 'invalid_grant',
    send: (p) => p.post(PATHS.token, p.loginBody({ password: WRONG_PASSWORD })),
  },
  {
    what: 'unknown client',
    statuses: [400, 401],
    code: 'invalid_client',
    send: (p) => p.post(PATHS.token, p.loginBody({ clientId: 'no-such-client' })),
  },
  {
    what: 'unsupported grant type',
    statuses: [400],
    code: 'unsupported_grant_type',
    send: (p) => p.post(PATHS.token, p.loginBody({ grantType: 'magic' })),
  },
  {
    what: 'missing password',
    statuses: [400],
    code: 'invalid_request',
    send: (p) => p.post(PATHS.token, p.loginBody({ password: undefined })),
  },
  {
    what: 'unknown refresh token',
    statuses: [400],
    code: 'invalid_grant',
    send: (p) => p.post(PATHS.refresh, form({ refreshToken: 'never-issued' })),
  },
];
