// Servers that fail the way real targets do, for the verifier's own tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { close, listen } from '../server/index.ts';

export type Fault = 'hang' | 'hang-on-post' | 'reset-on-post' | 'html' | 'server-errors' | 'slow' | 'echo-password';

const HANDLERS: Record<Fault, (req: IncomingMessage, res: ServerResponse) => void> = {
  hang: () => undefined,
  'hang-on-post': (req, res) => (req.method === 'POST' ? undefined : res.end()),
  'reset-on-post': (req, res) => (req.method === 'POST' ? req.socket.destroy() : res.end()),
  html: (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome to nginx!</body></html>'),
  'server-errors': (_req, res) =>
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable"}'),
  slow: (_req, res) =>
    void setTimeout(
      () => res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_request"}'),
      150,
    ),
  'echo-password': (req, res) => {
    let body = '';
    req
      .on('data', (c) => (body += c))
      .on('end', () => {
        const password = new URLSearchParams(body).get('password') ?? '';
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: `bad password ${password}` }));
      });
  },
};

export async function startFault(fault: Fault): Promise<{ url: string; stop: () => Promise<void> }> {
  const server: Server = createServer(HANDLERS[fault]);
  const url = await listen(server);
  return { url, stop: () => close(server) };
}
