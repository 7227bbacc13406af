// Test fixture: a server that breaks the contract in one way. It forwards every request to a
// correct upstream and rewrites the JSON answers with `mutate`, e.g. expiresIn as a string.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { close, listen } from '../servers/reference/index.ts';

export type Mutation = (body: Record<string, unknown>) => Record<string, unknown>;

export const expiresInAsString: Mutation = (body) =>
  'expiresIn' in body ? { ...body, expiresIn: String(body.expiresIn) } : body;

export async function startBrokenServer(
  upstream: string,
  mutate: Mutation,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const relay = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await fetch(`${upstream}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers: { 'content-type': req.headers['content-type'] ?? 'application/octet-stream' },
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    const text = await answer.text();
    let body = text;
    try {
      body = JSON.stringify(mutate(JSON.parse(text) as Record<string, unknown>));
    } catch {
      /* not JSON: forwarded as is */
    }
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' }).end(body);
  };
  const server = createServer((req, res) => void relay(req, res));
  return { url: await listen(server), stop: () => close(server) };
}
