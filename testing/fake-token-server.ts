// A tiny token server for the load layer's own tests, with switchable rotation bugs: the suite must
// notice them. `acceptReplays`: spent refresh tokens keep working. `raceWindowMs`: a refresh token is
// marked spent only after this delay, so concurrent refreshes of one token all win. `sameTokensPerUser`:
// every user's n-th pair is the same as every other user's n-th pair (tokens repeat only across users,
// so only a check that sees all users' tokens together finds the collisions).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeFlaws {
  acceptReplays?: boolean;
  raceWindowMs?: number;
  delayMs?: number;
  sameTokensPerUser?: boolean;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function fakeToken(): string {
  return randomUUID().replace(/-/g, '') + Array.from(randomBytes(224), (b) => ALNUM[b % ALNUM.length]).join('');
}

export function createFakeServer(flaws: FakeFlaws = {}): Server {
  const live = new Map<string, string>();
  const issuedTo = new Map<string, number>();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const hashed = (text: string) => createHash('sha256').update(text).digest('hex');
  const issue = (user: string) => {
    const n = (issuedTo.get(user) ?? 0) + 1;
    issuedTo.set(user, n);
    const pair = flaws.sameTokensPerUser
      ? { token: hashed(`token ${n}`), refreshToken: hashed(`refresh ${n}`), expiresIn: 3600 }
      : { token: fakeToken(), refreshToken: fakeToken(), expiresIn: 3600 };
    live.set(pair.refreshToken, user);
    return pair;
  };
  return createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    const respond = async () => {
      const form = new URLSearchParams(body);
      const reply = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      };
      if (flaws.delayMs) await sleep(flaws.delayMs);
      if (req.url === '/v1/token') return reply(200, issue(form.get('username') ?? ''));
      const token = form.get('refreshToken') ?? '';
      if (req.url !== '/v1/refresh/token') return reply(404, { error: 'not_found' });
      const user = live.get(token);
      if (user === undefined)
        return reply(400, { error: 'invalid_grant', error_description: 'refresh token is not valid' });
      if (flaws.raceWindowMs) await sleep(flaws.raceWindowMs);
      if (!flaws.acceptReplays) live.delete(token);
      return reply(200, issue(user));
    };
    req.on('end', () => void respond());
  });
}

export function listenFake(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}
