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
}

const TOKEN = PATHS.token;
const REFRESH = PATHS.refresh;
const FORM = 'application/x-www-form-urlencoded';

/** A raw POST to the token endpoint with these headers besides Host, Content-Type and Connection. */
const rawRequest = (headers: string[], body: string) =>
  [`POST ${TOKEN} HTTP/1.1`, 'Host: x', `Content-Type: ${FORM}`, ...headers, 'Connection: close', '', body].join(
    '\r\n',
  );

export function hostileCases(c: Credentials): HostileCase[] {
  const good = loginBody(c);
  const fields = loginFields(c);
  const fullwidth = c.password.replace(/[0-9A-Za-z]/, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  return [
    { what: 'bad percent-encoding (%E0%A4%A)', body: `${good}%E0%A4%A` },
    { what: 'a bare % in the password', body: loginBody(c).replace(/password=[^&]*/, 'password=%') },
    { what: 'invalid UTF-8 (%FF%FE) as password', body: loginBody(c).replace(/password=[^&]*/, 'password=%FF%FE') },
    { what: 'a 1 MiB body', body: `${good}&pad=${'x'.repeat(1 << 20)}` },
    { what: 'a 64 KiB username', body: loginBody(c, { username: 'u'.repeat(65_536) }) },
    {
      what: 'password repeated: wrong, then real',
      body: `${loginBody(c, { password: 'wrong-first' })}&password=${encodeURIComponent(c.password)}`,
    },
    { what: 'password repeated: real, then wrong', body: `${good}&password=wrong-second` },
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
    { what: "SQL injection as password (' OR '1'='1' --)", body: loginBody(c, { password: "' OR '1'='1' --" }) },
    {
      what: 'NoSQL operator as field name (password[$ne])',
      body: `${loginBody(c, { password: undefined })}&password%5B%24ne%5D=x`,
    },
    { what: 'a NUL byte after the real password', body: loginBody(c, { password: `${c.password}\u0000` }) },
    { what: 'the real password with a trailing space', body: loginBody(c, { password: `${c.password} ` }) },
    { what: 'a fullwidth-digit look-alike of the password', body: loginBody(c, { password: fullwidth }) },
    { what: 'CRLF injection in the username', body: loginBody(c, { username: `${c.username}\r\nX-Injected: 1` }) },
    {
      what: 'unicode: emoji, RTL override and combining marks',
      body: loginBody(c, { username: '👩‍💻\u202Eadmin\u0301', password: 'pässwörd' }),
    },
    { what: 'refresh: bad percent-encoding', path: REFRESH, body: 'refreshToken=%E0%A4%A&=' },
    { what: 'refresh: a JSON body', path: REFRESH, contentType: 'application/json', body: '{"refreshToken":"x"}' },
    { what: 'refresh: a 1 MiB token', path: REFRESH, body: form({ refreshToken: 'A'.repeat(1 << 20) }) },
    { what: 'refresh: GET', path: REFRESH, method: 'GET' },
    {
      what: 'bogus chunked encoding',
      raw: rawRequest(['Transfer-Encoding: chunked'], `zz\r\n${good}\r\n0\r\n\r\n`),
    },
    {
      what: 'Content-Length larger than the body',
      raw: rawRequest(['Content-Length: 99999'], good),
    },
  ];
}
