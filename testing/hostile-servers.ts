// Hostile targets for the suite's own tests (loopback only): a real reference server whose answers turn
// hostile once the preflight is over, or only for the raw robustness probes. They stand in for malicious or
// broken servers; they prove the suite's bounds (time, memory, reports, secrets), not any product's behaviour.
import { createWriteStream, existsSync, readFileSync, renameSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { close, createTokenServer, listen, type ServerOptions } from '../servers/reference/index.ts';

export type Hostility =
  | 'endless-raw' // the raw probes (bogus chunking, short body) get an endless stream of bytes
  | 'drip-raw' // the raw probes get one byte every 200 ms, forever (below any idle timeout)
  | 'gzip-bomb' // after the preflight, every answer is 1 MiB of gzip that inflates to 1 GiB
  | 'endless-body' // after the preflight, every answer is a JSON body that never ends
  | 'close-mid-body' // after the preflight, answers stop after 10 of 1000 declared bytes
  | 'reset-mid-answer' // after the preflight, the connection is reset right after the headers
  | 'redirect' // after the preflight, every answer is a 307 to another origin
  | 'echo-password'; // errors reflect the submitted password

const PREFLIGHT_REQUESTS = 1;
const BOMB_INFLATED_BYTES = 1 << 30;

export interface HostileServer {
  url: string;
  stop: () => Promise<void>;
}

/** 1 GiB of zeros, gzipped once per machine (about 1 MiB) and cached in the temp directory. */
async function gzipBomb(): Promise<Buffer> {
  const path = join(tmpdir(), 'token-suite-gzip-bomb-1GiB.gz');
  if (!existsSync(path)) {
    const gzip = createGzip({ level: 9 });
    const done = new Promise<void>((resolve, reject) =>
      gzip
        .pipe(createWriteStream(`${path}.tmp`))
        .on('finish', () => resolve())
        .on('error', reject),
    );
    const chunk = Buffer.alloc(1 << 20);
    for (let i = 0; i < BOMB_INFLATED_BYTES / chunk.length; i += 1) {
      if (!gzip.write(chunk)) await new Promise<void>((resolve) => gzip.once('drain', () => resolve()));
    }
    gzip.end();
    await done;
    renameSync(`${path}.tmp`, path);
  }
  return readFileSync(path);
}

function endless(socket: Socket | ServerResponse, delayMs: number): void {
  const filler = Buffer.from(`HTTP/1.1 200 OK\r\n${'x'.repeat(8190)}`);
  const timer = setInterval(() => {
    if ((socket as Socket).destroyed) return clearInterval(timer);
    (socket as Socket).write(delayMs > 0 ? filler.subarray(0, 1) : filler);
  }, delayMs);
  (socket as Socket).once('close', () => clearInterval(timer));
}

/** The raw probes (conformance/checks/robustness/cases.ts send `Host: x`): the short-body one reaches here. */
const isRawProbe = (req: IncomingMessage) => req.headers.host === 'x';

function afterPreflight(bomb: Buffer): Partial<Record<Hostility, (req: IncomingMessage, res: ServerResponse) => void>> {
  return {
    'gzip-bomb': (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(bomb),
    'endless-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on('drain', pump);
      res.write('{"token":"');
      pump();
    },
    'close-mid-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"token":"');
      setImmediate(() => res.socket?.destroy());
    },
    'reset-mid-answer': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.flushHeaders();
      setImmediate(() => res.socket?.resetAndDestroy());
    },
    redirect: (_req, res) => res.writeHead(307, { location: 'http://127.0.0.1:9/v1/token' }).end(),
  };
}

export async function startHostile(kind: Hostility, options: ServerOptions = {}): Promise<HostileServer> {
  const server = createTokenServer({ scryptCost: 1024, ...options });
  const honest = server.listeners('request')[0] as RequestListener;
  const bomb = kind === 'gzip-bomb' ? await gzipBomb() : Buffer.alloc(0);
  const hostile = afterPreflight(bomb)[kind];
  let seen = 0;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    seen += 1;
    if ((kind === 'endless-raw' || kind === 'drip-raw') && isRawProbe(req))
      return endless(req.socket, kind === 'drip-raw' ? 200 : 0);
    if (hostile && seen > PREFLIGHT_REQUESTS) return hostile(req, res);
    if (kind === 'echo-password') return echoing(req, res, honest);
    honest(req, res);
  });
  if (kind === 'endless-raw' || kind === 'drip-raw') {
    server.removeAllListeners('clientError');
    server.on('clientError', (_error, socket: Socket) => endless(socket, kind === 'drip-raw' ? 200 : 0));
  }
  const url = await listen(server);
  return { url, stop: () => close(server) };
}

/** Answers as the honest server would, but a 4xx body carries the submitted password. */
function echoing(req: IncomingMessage, res: ServerResponse, honest: RequestListener): void {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: Record<string, unknown>) => ServerResponse;
  res.writeHead = ((status: number, headers: Record<string, unknown> = {}) => {
    const { 'content-length': _dropped, ...rest } = headers;
    return writeHead(status, rest);
  }) as typeof res.writeHead;
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  res.end = ((chunk?: unknown) => {
    if (res.statusCode < 400) return end(chunk);
    const password = new URLSearchParams(body).get('password') ?? '';
    const description = `wrong password ${password} (${encodeURIComponent(password)})`;
    return end(JSON.stringify({ error: 'invalid_grant', error_description: description }));
  }) as typeof res.end;
  honest(req, res);
}
