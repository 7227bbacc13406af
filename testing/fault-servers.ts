// Targets that fail the way real ones do, for the verifier's own tests. Each is a proxy in front of a real
// reference server (scrypt cost 1024): it answers correctly (so the preflight passes) until its fault starts,
// then fails in its own way. Stand-ins for misbehaving servers: they prove what the suite does with such
// answers, not how any particular product misbehaves.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { close, listen } from '../servers/reference/index.ts';
import { startServer } from './reference-server.ts';

export type Fault =
  | 'hang' // never answers anything
  | 'hang-on-post' // answers the preflight, then never answers a POST
  | 'reset-on-post' // answers the preflight, then closes every POST's connection without an answer
  | 'html' // an HTML catch-all page for every request
  | 'server-errors' // 503 JSON for everything
  | 'empty-pairs' // 200 {} to every password grant: the server's failure, not a configuration mistake
  | 'slow' // correct, 150 ms late on every answer
  | 'echo-password' // correct, but 4xx bodies reflect the submitted password
  | 'expires-3599' // correct, but expiresIn reads 3599 on every other grant (remaining lifetime)
  | 'unknown-client-400' // correct, but an unknown clientId gets 400 invalid_client (RFC 6749 allows it) not 401
  | 'hang-on-json' // correct, but never answers a JSON body (a hostile case on each endpoint)
  | 'refresh-404' // the password grant works, the refresh endpoint is missing (an HTML 404 page)
  | 'hang-on-odd-input'; // correct, but never answers a body that is not a form, or a method other than POST

/** How many requests the proxy forwards faithfully before a post-preflight fault starts. */
const PREFLIGHT_REQUESTS = 1;

type Handler = (req: IncomingMessage, res: ServerResponse, forward: Forward, seen: number) => void;
type Forward = (req: IncomingMessage, res: ServerResponse, rewrite?: (status: number, body: string) => string) => void;

const HANDLERS: Record<Fault, Handler> = {
  hang: () => undefined,
  'hang-on-post': (req, res, forward, seen) => (seen <= PREFLIGHT_REQUESTS ? forward(req, res) : undefined),
  'reset-on-post': (req, res, forward, seen) => (seen <= PREFLIGHT_REQUESTS ? forward(req, res) : req.socket.destroy()),
  html: (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome to nginx!</body></html>'),
  'server-errors': (_req, res) =>
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable"}'),
  'empty-pairs': (req, res, forward) =>
    req.url === '/v1/token' ? res.writeHead(200, { 'content-type': 'application/json' }).end('{}') : forward(req, res),
  slow: (req, res, forward) => void setTimeout(() => forward(req, res), 150),
  'echo-password': (req, res, forward) => {
    let password = '';
    req.on('data', (chunk: Buffer) => (password += chunk.toString()));
    forward(req, res, (status, body) => {
      if (status < 400) return body;
      const submitted = new URLSearchParams(password).get('password') ?? '';
      return JSON.stringify({ error: 'invalid_grant', error_description: `bad password ${submitted}` });
    });
  },
  'unknown-client-400': (req, res, forward) => {
    forward(req, res);
    const writeHead = res.writeHead.bind(res) as (status: number, headers: Record<string, string>) => ServerResponse;
    res.writeHead = ((status: number, headers: Record<string, string>) =>
      writeHead(status === 401 ? 400 : status, headers)) as typeof res.writeHead;
  },
  'refresh-404': (req, res, forward) =>
    req.url === '/v1/refresh/token'
      ? res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not Found</body></html>')
      : forward(req, res),
  'hang-on-json': (req, res, forward) =>
    /json/i.test(req.headers['content-type'] ?? '') ? undefined : forward(req, res),
  'hang-on-odd-input': (req, res, forward) =>
    req.method !== 'POST' || !/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')
      ? undefined
      : forward(req, res),
  'expires-3599': (req, res, forward, seen) =>
    forward(req, res, (status, body) =>
      status === 200 && seen % 2 === 0 ? body.replace('"expiresIn":3600', '"expiresIn":3599') : body,
    ),
};

export interface FaultServer {
  url: string;
  stop: () => Promise<void>;
}

export async function startFault(fault: Fault): Promise<FaultServer> {
  const upstream = await startServer();
  let seen = 0;
  const forward: Forward = (req, res, rewrite) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    const respond = async () => {
      try {
        const answer = await fetch(`${upstream.url}${req.url ?? '/'}`, {
          method: req.method ?? 'GET',
          headers: { 'content-type': req.headers['content-type'] ?? 'application/octet-stream' },
          ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
        });
        const text = await answer.text();
        const headers = {
          'content-type': answer.headers.get('content-type') ?? 'application/json',
          'cache-control': 'no-store',
        };
        res.writeHead(answer.status, headers).end(rewrite ? rewrite(answer.status, text) : text);
      } catch {
        res.destroy();
      }
    };
    req.on('end', () => void respond());
  };
  const server: Server = createServer((req, res) => {
    seen += 1;
    HANDLERS[fault](req, res, forward, seen);
  });
  const url = await listen(server);
  return {
    url,
    stop: async () => {
      await close(server);
      await upstream.stop();
    },
  };
}
