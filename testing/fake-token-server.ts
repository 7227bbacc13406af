// A tiny token server for the load layer's own tests, with switchable rotation bugs: the suite must
// notice them. `acceptReplays`: spent refresh tokens keep working. `raceWindowMs`: a refresh token is
// marked spent only after this delay, so concurrent refreshes of one token all win. `sameTokensPerUser`:
// every user's n-th pair is the same as every other user's n-th pair (tokens repeat only across users,
// so only a check that sees all users' tokens together finds the collisions). `reissueEvery`: every Nth
// pair carries, as its token, a token already sent on another connection. `stall`: answers are held
// during the first `forMs` of every `everyMs` (counted from the server's creation). With `tls` options it
// speaks HTTPS. `replayFault`: a spent refresh token presented again gets no HTTP answer: the request is
// held until the client gives up ('hang') or its connection is reset ('reset'). `contested`: concurrent
// refreshes of one token (arriving within 10 ms of each other) are all rejected ('reject-all'), answered
// 503 but the first ('5xx'), held but the first ('hang'), or all win with new pairs and the token is never
// spent ('keep'). `staticLogin`: every password grant answers one same pair. `silentAfterMs`: a late
// collapse, nothing answered any more. `stats` counts what it did,
// for tests that compare it with the engine's books.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions as HttpsOptions } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';

export interface FakeFlaws {
  acceptReplays?: boolean;
  raceWindowMs?: number;
  delayMs?: number;
  sameTokensPerUser?: boolean;
  reissueEvery?: number;
  stall?: { everyMs: number; forMs: number };
  replayFault?: 'hang' | 'reset';
  contested?: 'reject-all' | '5xx' | 'hang' | 'keep';
  /** From this many ms after the first request on, nothing is answered (a late collapse). */
  silentAfterMs?: number;
  staticLogin?: boolean;
}

const CONTEST_MS = 10;

export interface FakeStats {
  /** Requests answered, by path. */
  answered: Record<string, number>;
  /** Token pairs sent (each 2 tokens). */
  pairs: number;
  /** Pairs whose token had been sent before, on another connection. */
  reissued: number;
  /** SNI server names of TLS connections. */
  servernames: string[];
}

export type FakeServer = Server & { stats: FakeStats };

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function fakeToken(): string {
  return randomUUID().replace(/-/g, '') + Array.from(randomBytes(224), (b) => ALNUM[b % ALNUM.length]).join('');
}

const hashed = (text: string) => createHash('sha256').update(text).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createFakeServer(flaws: FakeFlaws = {}, tls?: HttpsOptions): FakeServer {
  const live = new Map<string, string>();
  const spent = new Set<string>();
  const issuedTo = new Map<string, number>();
  const stats: FakeStats = { answered: {}, pairs: 0, reissued: 0, servernames: [] };
  const sent: { token: string; socket: Socket }[] = [];
  const createdAt = Date.now();
  const inFlight = new Map<string, number>();
  let firstAt: number | undefined;
  let staticPair: { token: string; refreshToken: string; expiresIn: number } | undefined;
  const newPair = (user: string) => {
    const n = (issuedTo.get(user) ?? 0) + 1;
    issuedTo.set(user, n);
    return flaws.sameTokensPerUser
      ? { token: hashed(`token ${n}`), refreshToken: hashed(`refresh ${n}`), expiresIn: 3600 }
      : { token: fakeToken(), refreshToken: fakeToken(), expiresIn: 3600 };
  };
  const issue = (user: string, socket: Socket) => {
    const pair = newPair(user);
    stats.pairs += 1;
    const earlier =
      flaws.reissueEvery && stats.pairs % flaws.reissueEvery === 0 && sent.find((s) => s.socket !== socket);
    if (earlier) {
      pair.token = earlier.token;
      sent.splice(sent.indexOf(earlier), 1);
      stats.reissued += 1;
    } else if (flaws.reissueEvery) sent.push({ token: pair.token, socket });
    if (sent.length > 64) sent.shift();
    live.set(pair.refreshToken, user);
    return pair;
  };
  const stall = async () => {
    if (!flaws.stall) return;
    const phase = (Date.now() - createdAt) % flaws.stall.everyMs;
    if (phase < flaws.stall.forMs) await sleep(flaws.stall.forMs - phase);
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    const respond = async () => {
      const form = new URLSearchParams(body);
      const reply = (status: number, json: unknown) => {
        stats.answered[req.url ?? ''] = (stats.answered[req.url ?? ''] ?? 0) + 1;
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      };
      const since = Date.now() - (firstAt ??= Date.now());
      if (flaws.silentAfterMs !== undefined && since >= flaws.silentAfterMs) return;
      if (flaws.delayMs) await sleep(flaws.delayMs);
      await stall();
      if (req.url === '/v1/token' && flaws.staticLogin)
        return reply(200, (staticPair ??= issue(form.get('username') ?? '', req.socket)));
      if (req.url === '/v1/token') return reply(200, issue(form.get('username') ?? '', req.socket));
      const token = form.get('refreshToken') ?? '';
      if (req.url !== '/v1/refresh/token') return reply(404, { error: 'not_found' });
      const user = live.get(token);
      if (flaws.replayFault && spent.has(token))
        return flaws.replayFault === 'reset' ? req.socket.destroy() : undefined;
      if (user === undefined)
        return reply(400, { error: 'invalid_grant', error_description: 'refresh token is not valid' });
      if (flaws.contested) {
        const arrival = (inFlight.get(token) ?? 0) + 1;
        inFlight.set(token, arrival);
        await sleep(CONTEST_MS);
        const contested = (inFlight.get(token) ?? 1) > 1;
        if (arrival === 1) setTimeout(() => inFlight.delete(token), CONTEST_MS);
        if (contested && flaws.contested === 'reject-all') {
          live.delete(token);
          return reply(400, { error: 'invalid_grant', error_description: 'concurrent use' });
        }
        if (contested && arrival > 1 && flaws.contested === '5xx') return reply(503, { error: 'busy' });
        if (contested && arrival > 1 && flaws.contested === 'hang') return;
        if (contested && flaws.contested === 'keep') return reply(200, issue(user, req.socket));
      }
      if (flaws.raceWindowMs) await sleep(flaws.raceWindowMs);
      if (!flaws.acceptReplays) live.delete(token);
      if (flaws.replayFault) spent.add(token);
      return reply(200, issue(user, req.socket));
    };
    req.on('end', () => void respond());
  };
  const server = (tls ? createHttpsServer(tls, handler) : createServer(handler)) as FakeServer;
  server.on('secureConnection', (socket: TLSSocket) => stats.servernames.push(String(socket.servername)));
  server.stats = stats;
  return server;
}

/** Listens on loopback; the URL names `host` (e.g. 'localhost', to match a test certificate). */
export function listenFake(server: Server, scheme: 'http' | 'https' = 'http', host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`${scheme}://${host}:${(server.address() as AddressInfo).port}`)),
  );
}
