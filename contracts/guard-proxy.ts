// The Pact verifier (a Rust core) sends the contract's requests to the provider itself: it cannot wait out a
// 429 or count failed logins. So the contract layer points it at this loopback proxy, which forwards each
// request to the target through the run's guards, the same as the conformance layer's: throttled answers are
// waited out and resent within the run's wait budget (RFC 6585 §4, RFC 9110 §10.2.3), failed logins on the
// configured account are counted against the run's limit, and a locked account stops the sending. When a
// request cannot get an answer the server judged, the proxy answers 429 with NOT_JUDGED_HEADER and records
// why: the contract's judge (judge.ts) makes that interaction inconclusive, never a PACT failure.
// Why a proxy rather than marking the verifier's 429s afterwards: a 429 the verifier saw is one it could not
// retry, so the interaction would lack its answer whenever a limiter spoke; through the proxy it gets the
// server's answer in all but the cases the budget cannot cover.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { notJudged } from '../client/not-judged.ts';
import type { RunGuards } from '../client/run-guards.ts';
import { Transport, TransportError, type OutgoingRequest } from '../client/transport.ts';
import type { Target } from '../verdict/types.ts';

const NOT_JUDGED_HEADER = 'x-token-suite-not-judged';
/** The contract's requests are small; anything larger is cut, as the target would see a broken request. */
const MAX_REQUEST_BYTES = 1 << 20;
const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'accept-encoding',
  'content-encoding',
]);

export interface GuardProxy {
  /** http://127.0.0.1:PORT: the verifier's provider base URL. */
  url: string;
  /** Why requests went unanswered by the server (each reason once). */
  notJudged: Set<string>;
  close(): Promise<void>;
}

export async function startGuardProxy(target: Target, guards: RunGuards, signal?: AbortSignal): Promise<GuardProxy> {
  const transport = new Transport({ deadlineMs: target.timeoutMs, ...(target.tls ? { tls: target.tls } : {}) }, signal);
  const reasons = new Set<string>();
  const server: Server = createServer((req, res) => {
    readBody(req).then(
      (body) => forward(outgoing(target, req, body), res),
      () => res.destroy(),
    );
  });
  const forward = async (request: OutgoingRequest, res: ServerResponse) => {
    const { logins, throttle } = guards;
    const kind = logins.kindOf(request);
    try {
      logins.admit(kind);
      const answer = await throttle.http(() => transport.send(request));
      logins.observe(kind, answer.status);
      const headers: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name)) headers[name] = value;
      });
      res.writeHead(answer.status, headers).end(answer.body);
    } catch (error) {
      if (!notJudged(error)) {
        if (!(error instanceof TransportError)) reasons.add(`the proxy failed (a suite error): ${String(error)}`);
        return void res.destroy();
      }
      reasons.add(error.message);
      res.writeHead(429, { 'content-type': 'application/json', [NOT_JUDGED_HEADER]: '1' });
      res.end(JSON.stringify({ error: 'not_judged', error_description: error.message }));
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    notJudged: reasons,
    close: () =>
      new Promise<void>((resolve) => {
        transport.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function outgoing(target: Target, req: IncomingMessage, body: Buffer): OutgoingRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: req.method ?? 'GET',
    url: `${target.baseUrl}${req.url ?? '/'}`,
    headers,
    ...(body.length > 0 ? { body } : {}),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
