// A rate limiter in front of a server, as gateways and auth providers put one: a token bucket (`rate`
// requests per second, `burst` at most at once) shared by every client. A request that finds the bucket
// empty is answered by the limiter itself, never reaching the server: 429 with `Retry-After` in whole
// seconds (RFC 6585 §4), or 503 with `Retry-After` as an HTTP-date (RFC 9110 §10.2.3).
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { close, listen } from '../servers/reference/index.ts';

export interface LimiterOptions {
  /** Requests let through per second, on average. */
  rate: number;
  /** Requests let through at once when the bucket is full. */
  burst: number;
  /** How a refused request is answered (default 429 with delay-seconds). */
  answer?: '429' | '503-date';
}

export interface Limiter {
  url: string;
  /** Requests passed to the server and refused by the limiter so far. */
  counts: { passed: number; refused: number };
  stop: () => Promise<void>;
}

export async function startLimiter(upstream: string, options: LimiterOptions): Promise<Limiter> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const counts = { passed: 0, refused: 0 };
  let tokens = options.burst;
  let refilledAt = performance.now();
  const take = (): number => {
    const now = performance.now();
    tokens = Math.min(options.burst, tokens + ((now - refilledAt) / 1000) * options.rate);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return ((1 - tokens) / options.rate) * 1000;
  };
  const refuse = (res: ServerResponse, waitMs: number) => {
    counts.refused += 1;
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    const body = JSON.stringify({ error: 'rate_limited', error_description: 'too many requests' });
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (options.answer === '503-date')
      res.writeHead(503, { ...headers, 'retry-after': new Date(Date.now() + seconds * 1000).toUTCString() });
    else res.writeHead(429, { ...headers, 'retry-after': String(seconds) });
    res.end(body);
  };
  const pass = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    counts.passed += 1;
    const forward = request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: target.host, 'content-length': body.length },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    forward.end(body);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const wait = take();
      if (wait > 0) refuse(res, wait);
      else pass(req, res, Buffer.concat(chunks));
    });
  });
  const url = await listen(server);
  return {
    url,
    counts,
    stop: async () => {
      await close(server);
      agent.destroy();
    },
  };
}
