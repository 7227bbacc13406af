// Malformed and hostile requests. None may get a 5xx, and none may get a token:
// each either breaks the documented request form or carries credentials that are not the real ones.
import type { Credentials } from '../../../client/token-client.ts';
import { form } from '../form.ts';
import { loginBody, loginFields } from '../login-form.ts';
import { PATHS } from '../../../schemas/documented-api.ts';

export interface HostileCase {
  what: string;
  method?: string;
  path?: string;
  contentType?: string | null;
  body?: string;
  /** Raw bytes on a socket, for what fetch cannot send. */
  raw?: string;
  /** A body a server may refuse by closing the connection (RFC 9110 §15.5.14, 413 Content Too Large). */
  oversized?: true;
}

const TOKEN = PATHS.token;
const REFRESH = PATHS.refresh;
const FORM = 'application/x-www-form-urlencoded';

/** A raw POST to the token endpoint with these headers besides Host, Content-Type and Connection. */
const rawRequest = (headers: string[], body: string) =>
  [`POST ${TOKEN} HTTP/1.1`, 'Host: x', `Content-Type: ${FORM}`, ...headers, 'Connection: close', '', body].join(
    '\r\n',
  );

/**
 * Every case that carries a wrong password names `ghost`, this run's username that cannot exist, but one: the
 * real password with a NUL byte after it, sent last, one of the run's few failed logins on the real account.
 */
export function hostileCases(c: Credentials, ghost: string): HostileCase[] {
  const good = loginBody(c);
  const fields = loginFields(c);
  const unknown = { ...c, username: ghost };
  return [
    { what: 'bad percent-encoding (%E0%A4%A)', body: `${loginBody(unknown)}%E0%A4%A` },
    { what: 'a bare % in the password', body: loginBody(unknown).replace(/password=[^&]*/, 'password=%') },
    {
      what: 'invalid UTF-8 (%FF%FE) as password',
      body: loginBody(unknown).replace(/password=[^&]*/, 'password=%FF%FE'),
    },
    { what: 'a 1 MiB body', body: `${good}&pad=${'x'.repeat(1 << 20)}`, oversized: true },
    { what: 'a 64 KiB username', body: loginBody(c, { username: 'u'.repeat(65_536) }), oversized: true },
    // RFC 6749 §3.2: no parameter twice. The real username repeated with one that cannot exist: a server that
    // takes either value issues a token for one order, and no password is ever wrong.
    {
      what: 'username repeated: unknown, then real',
      body: `${loginBody(unknown)}&username=${encodeURIComponent(c.username)}`,
    },
    { what: 'username repeated: real, then unknown', body: `${good}&username=${encodeURIComponent(ghost)}` },
    { what: 'real credentials as JSON', contentType: 'application/json', body: JSON.stringify(fields) },
    { what: 'real credentials as text/plain', contentType: 'text/plain', body: good },
    { what: 'real credentials with no content-type', contentType: null, body: good },
    {
      what: 'real credentials as multipart/form-data',
      contentType: 'multipart/form-data; boundary=x',
      body: `--x\r\nContent-Disposition: form-data; name="grantType"\r\n\r\npassword\r\n--x--\r\n`,
    },
    { what: 'real credentials with PUT', method: 'PUT', body: good },
    { what: 'real credentials with PATCH', method: 'PATCH', body: good },
    { what: 'real credentials with DELETE', method: 'DELETE', body: good },
    { what: "SQL injection as username (' OR '1'='1)", body: loginBody(c, { username: "' OR '1'='1" }) },
    {
      what: "SQL injection as password (' OR '1'='1' --)",
      body: loginBody(unknown, { password: "' OR '1'='1' --" }),
    },
    {
      what: 'NoSQL operators as field names (username[$ne], password[$ne])',
      body: `${loginBody(c, { username: undefined, password: undefined })}&username%5B%24ne%5D=x&password%5B%24ne%5D=x`,
    },
    { what: 'CRLF injection in the username', body: loginBody(c, { username: `${c.username}\r\nX-Injected: 1` }) },
    {
      what: 'unicode: emoji, RTL override and combining marks',
      body: loginBody(c, { username: '👩‍💻\u202Eadmin\u0301', password: 'pässwörd' }),
    },
    { what: 'refresh: bad percent-encoding', path: REFRESH, body: 'refreshToken=%E0%A4%A&=' },
    { what: 'refresh: a JSON body', path: REFRESH, contentType: 'application/json', body: '{"refreshToken":"x"}' },
    {
      what: 'refresh: a 1 MiB token',
      path: REFRESH,
      body: form({ refreshToken: 'A'.repeat(1 << 20) }),
      oversized: true,
    },
    { what: 'refresh: GET', path: REFRESH, method: 'GET' },
    {
      what: 'bogus chunked encoding',
      raw: rawRequest(['Transfer-Encoding: chunked'], `zz\r\n${good}\r\n0\r\n\r\n`),
    },
    {
      what: 'Content-Length larger than the body',
      raw: rawRequest(['Content-Length: 99999'], good),
    },
    { what: 'a NUL byte after the real password', body: loginBody(c, { password: `${c.password}\u0000` }) },
  ];
}
