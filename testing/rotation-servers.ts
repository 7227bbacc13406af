// Small rotation servers for the conformance checks' own tests, each right or wrong in one way about what a
// rotation grace window means (and a few other rotation defects). Stand-ins for real servers: they prove
// what the checks do with such answers.
//   hydra: correct under a grace window (ORY Hydra style): a used refresh token presented again within
//     `graceMs` of its first use gets a new pair of its own; after that, 401.
//   same-pair: within the window a used token gets the same pair again (two holders of one pair).
//   endless: within the window a new pair, and the window never closes (replays work forever).
//   static-login: every password grant answers one same pair (a cached login); refresh is correct.
//   race-5xx: no grace; while a refresh token is being redeemed, other refreshes of it get 503.
//   race-none: concurrent refreshes of one token all get 409, the first one too (nobody wins a race).
//   echo-200: correct, but every 200 body carries the submitted form, password included.
import { createServer, type Server } from 'node:http';
import { fakeToken } from './fake-token-server.ts';

export type RotationFlaw = 'hydra' | 'same-pair' | 'endless' | 'static-login' | 'race-5xx' | 'race-none' | 'echo-200';

interface Pair {
  token: string;
  refreshToken: string;
  expiresIn: number;
}

const newPair = (): Pair => ({ token: fakeToken(), refreshToken: fakeToken(), expiresIn: 3600 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createRotationServer(flaw: RotationFlaw, graceMs = 0): Server {
  const live = new Set<string>();
  /** When each used token was first used, and the pair it got then. */
  const used = new Map<string, { at: number; pair: Pair }>();
  const busy = new Set<string>();
  const contended = new Set<string>();
  const loginPair = newPair();
  const issue = (pair = newPair()) => (live.add(pair.refreshToken), pair);
  const redeem = async (token: string): Promise<[number, unknown]> => {
    if (flaw === 'race-5xx' || flaw === 'race-none') {
      if (busy.has(token)) {
        contended.add(token);
        return flaw === 'race-5xx' ? [503, { error: 'busy' }] : [409, { error: 'conflict' }];
      }
      busy.add(token);
      await sleep(100);
      busy.delete(token);
      if (flaw === 'race-none' && contended.has(token)) return [409, { error: 'conflict' }];
    }
    if (live.delete(token)) {
      const pair = issue();
      used.set(token, { at: Date.now(), pair });
      return [200, pair];
    }
    const spent = used.get(token);
    const inWindow = spent !== undefined && (flaw === 'endless' || Date.now() - spent.at < graceMs);
    if (!inWindow) return [401, { error: 'invalid_grant' }];
    return [200, flaw === 'same-pair' ? spent.pair : issue()];
  };
  return createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const reply = ([status, json]: [number, unknown]) => {
        const echo = flaw === 'echo-200' && status === 200 ? { ...(json as object), received: body } : json;
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(echo));
      };
      if (req.method !== 'POST') return reply([405, { error: 'invalid_request' }]);
      if (req.url === '/v1/token') {
        if (form.get('grantType') !== 'password' || form.get('password') !== '12312312')
          return reply([401, { error: 'invalid_grant' }]);
        return reply([200, flaw === 'static-login' ? loginPair : issue()]);
      }
      if (req.url === '/v1/refresh/token') return void redeem(form.get('refreshToken') ?? '').then(reply);
      reply([404, { error: 'not_found' }]);
    });
  });
}
