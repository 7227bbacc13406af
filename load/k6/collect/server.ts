// The collector's HTTP side: runners POST /batch and /done (wire.ts); every body is read up to BODY_LIMIT
// and handed to the merge, which takes it or says why not. A refused message gets a 4xx, a log line naming
// the sender and the reason (the first 20 of each kind, then every 1,000th) and a count; nothing a runner
// sends can throw here. The run ends when every runner sent its end, at the deadline, or on abort.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Accepted, Rejection, RunMerge } from './merge.ts';
import { BODY_LIMIT } from './wire.ts';

export type EndReason = 'all ended' | 'deadline' | 'aborted';

export interface CollectServerOptions {
  merge: RunMerge;
  host: string;
  port: number;
  /** Ms from listen() after which the run is judged with whatever arrived. */
  deadlineMs: number;
  log: (line: string) => void;
  signal?: AbortSignal;
}

const STATUS: Record<Rejection, number> = {
  malformed: 400,
  oversized: 413,
  'another run': 409,
  'unknown runner': 409,
  'duplicate runner': 409,
  'after its end': 409,
  'not found': 404,
};

export class CollectServer {
  private server: Server | null = null;
  private finish: ((reason: EndReason) => void) | null = null;
  readonly ended: Promise<EndReason>;

  constructor(private readonly options: CollectServerOptions) {
    this.ended = new Promise((resolve) => (this.finish = resolve));
  }

  /** Listens; resolves with the URL runners post to (host as given, the port as bound). */
  async listen(): Promise<string> {
    const server = createServer((req, res) => this.handle(req, res));
    server.requestTimeout = 30_000;
    server.headersTimeout = 10_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => resolve());
    });
    const timer = setTimeout(() => this.end('deadline'), this.options.deadlineMs);
    timer.unref();
    const { signal } = this.options;
    signal?.addEventListener('abort', () => this.end('aborted'), { once: true });
    void this.ended.then(() => clearTimeout(timer));
    const port = (server.address() as AddressInfo).port;
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    return `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`;
  }

  end(reason: EndReason): void {
    this.finish?.(reason);
    this.finish = null;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const sender = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
    const path = (req.url ?? '').split('?')[0] ?? '';
    const declared = Number(req.headers['content-length'] ?? 0);
    if (req.method !== 'POST')
      return this.answer(res, sender, this.options.merge.refuse('not found', `${req.method} ${path}`));
    if (declared > BODY_LIMIT) return this.oversized(req, res, sender);
    let size = 0;
    const chunks: Buffer[] = [];
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
      else if (!refused) {
        refused = true;
        this.oversized(req, res, sender);
      }
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      if (refused) return;
      const taken = this.options.merge.take(path, Buffer.concat(chunks).toString('utf8'));
      this.answer(res, sender, taken);
      if (taken.ok && this.options.merge.allEnded()) this.end('all ended');
    });
  }

  private oversized(req: IncomingMessage, res: ServerResponse, sender: string): void {
    const taken = this.options.merge.refuse('oversized', `a body over ${BODY_LIMIT} bytes`);
    res.writeHead(413, { connection: 'close' }).end(() => req.socket.destroy());
    this.logRefusal(sender, taken);
  }

  private answer(res: ServerResponse, sender: string, taken: Accepted): void {
    if (taken.ok) {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(STATUS[taken.rejection], { 'content-type': 'text/plain' }).end(`${taken.reason}\n`);
    this.logRefusal(sender, taken);
  }

  private logRefusal(sender: string, taken: Accepted): void {
    if (taken.ok) return;
    const n = this.options.merge.rejected[taken.rejection] ?? 0;
    if (n <= 20 || n % 1000 === 0)
      this.options.log(`collector: refused a message from ${sender} (${taken.rejection}, #${n}): ${taken.reason}`);
  }
}
