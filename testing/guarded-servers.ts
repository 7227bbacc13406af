// Targets that guard themselves the way production auth servers do: a rate limiter in front (a token bucket
// answering 429 with Retry-After in seconds, or a gateway answering 503 with an HTTP-date Retry-After) and
// brute-force protection (a username locked after N failed logins). Each is a proxy in front of a real
// reference server (scrypt cost 1024) or a mutant, so the server behind the guard is correct, or broken in
// one known way. Stand-ins for such deployments: they prove what the suite does with their answers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { close, createTokenServer, listen } from '../servers/reference/index.ts';
import { createMutantServer } from '../servers/mutants/index.ts';

export type Guard =
  /** A token bucket: `capacity` requests at once, `perSecond` more each second; then 429 + Retry-After: N. */
  | { kind: 'bucket'; capacity: number; perSecond: number; retryAfter?: boolean }
  /** A gateway: the same bucket, but 503 + Retry-After as an HTTP-date (and a Date header). */
  | { kind: 'gateway'; capacity: number; perSecond: number }
  /** Brute-force protection: a username whose logins failed `after` times gets 400 invalid_grant, always. */
  | { kind: 'lockout'; after: number };

export interface GuardedServer {
  url: string;
  /** What the guard did: throttled answers sent, logins that failed per username, usernames locked. */
  stats: { throttled: number; failures: Map<string, number>; locked: Set<string> };
  stop: () => Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** Starts the guard in front of the reference server, or of the mutant `mutant`. */
export async function startGuarded(guard: Guard, mutant?: string): Promise<GuardedServer> {
  const upstream = mutant ? createMutantServer(mutant, { scryptCost: 1024 }) : createTokenServer({ scryptCost: 1024 });
  const upstreamUrl = await listen(upstream);
  const stats = { throttled: 0, failures: new Map<string, number>(), locked: new Set<string>() };
  const bucket = guard.kind === 'lockout' ? undefined : tokenBucket(guard.capacity, guard.perSecond);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (bucket) {
        const wait = bucket();
        if (wait > 0) {
          stats.throttled += 1;
          return guard.kind === 'gateway'
            ? unavailable(res, wait)
            : tooMany(res, wait, guard.kind === 'bucket' && guard.retryAfter !== false);
        }
        return void forward(upstreamUrl, req, body, res);
      }
      const username = loginUsername(req, body);
      if (username !== undefined && stats.locked.has(username)) {
        return json(res, 400, { error: 'invalid_grant', error_description: 'the user is locked' });
      }
      void forward(upstreamUrl, req, body, res, (status, text) => {
        if (username === undefined || status !== 400 || !/"invalid_grant"/.test(text)) return;
        const failures = (stats.failures.get(username) ?? 0) + 1;
        stats.failures.set(username, failures);
        if (guard.kind === 'lockout' && failures >= guard.after) stats.locked.add(username);
      });
    });
  });
  const url = await listen(server);
  return {
    url,
    stats,
    stop: async () => {
      await close(server);
      await close(upstream);
    },
  };
}

/** Returns 0 when a request may pass (and takes its token), else the milliseconds until the next token. */
function tokenBucket(capacity: number, perSecond: number): () => number {
  let tokens = capacity;
  let last = performance.now();
  return () => {
    const now = performance.now();
    tokens = Math.min(capacity, tokens + ((now - last) / 1000) * perSecond);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, ((1 - tokens) / perSecond) * 1000);
  };
}

function tooMany(res: ServerResponse, waitMs: number, retryAfter: boolean): void {
  const headers: Record<string, string> = retryAfter ? { 'retry-after': String(Math.ceil(waitMs / 1000)) } : {};
  json(res, 429, { error: 'rate_limited', error_description: 'too many requests' }, headers);
}

function unavailable(res: ServerResponse, waitMs: number): void {
  const date = new Date(Math.ceil((Date.now() + waitMs) / 1000) * 1000 + 1000);
  res.writeHead(503, {
    'content-type': 'text/html',
    'retry-after': date.toUTCString(),
    date: new Date().toUTCString(),
  });
  res.end('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>');
}

function json(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** The username of a form POST to /v1/token, as the server would read it. */
function loginUsername(req: IncomingMessage, body: Buffer): string | undefined {
  if (req.method !== 'POST' || !req.url?.startsWith('/v1/token')) return undefined;
  if (!/^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')) return undefined;
  return new URLSearchParams(body.toString('utf8')).get('username') ?? undefined;
}

async function forward(
  upstreamUrl: string,
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
  seen?: (status: number, text: string) => void,
): Promise<void> {
  try {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !HOP_BY_HOP.has(name) && name !== 'host') headers[name] = value;
    }
    const answer = await fetch(`${upstreamUrl}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers,
      ...(body.length && req.method !== 'GET' ? { body: new Uint8Array(body) } : {}),
    });
    const text = await answer.text();
    seen?.(answer.status, text);
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') out[name] = value;
    });
    res.writeHead(answer.status, out).end(text);
  } catch {
    res.destroy();
  }
}
