// A hostile stand-in: in front of a real reference server, it hands out tokens in standard base64 (with '+'
// and '/', which no alphanumeric-run redaction catches) and reflects every presented refresh token in its
// error answers. It proves the suite redacts the tokens it saw, whatever their alphabet.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { close, listen } from '../servers/reference/index.ts';
import { startServer } from './reference-server.ts';

export interface TokenProxy {
  url: string;
  /** Every base64 token handed out, to look for in the reports. */
  issued: Set<string>;
  stop: () => Promise<void>;
}

/** 48 random bytes in standard base64: 64 characters, '+' and '/' included by chance. */
const base64Token = () => {
  let token = '';
  while (!/[+/]/.test(token)) token = randomBytes(48).toString('base64');
  return token;
};

export async function startBase64TokenProxy(): Promise<TokenProxy> {
  const upstream = await startServer();
  const toUpstream = new Map<string, string>();
  const toClient = new Map<string, string>();
  const issued = new Set<string>();
  const disguise = (token: unknown): unknown => {
    if (typeof token !== 'string') return token;
    let mine = toClient.get(token);
    if (!mine) {
      mine = base64Token();
      toClient.set(token, mine);
      toUpstream.set(mine, token);
      issued.add(mine);
    }
    return mine;
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    const respond = async () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const presented = form.get('refreshToken');
      if (presented !== null) form.set('refreshToken', toUpstream.get(presented) ?? presented);
      const answer = await fetch(`${upstream.url}${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/octet-stream' },
        ...(req.method === 'GET' ? {} : { body: form.toString() }),
      });
      const json = (await answer.json().catch(() => ({}))) as Record<string, unknown>;
      const body =
        answer.status === 200
          ? { ...json, token: disguise(json.token), refreshToken: disguise(json.refreshToken) }
          : { ...json, error_description: `refresh token ${presented ?? '(none)'} is not valid` };
      res
        .writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify(body));
    };
    req.on('end', () => void respond());
  });
  const url = await listen(server);
  return { url, issued, stop: async () => (await close(server), await upstream.stop()) };
}
