// A reference server made uniformly slower, for the baseline comparison's tests and its benchmark. Every answer is
// held until `factor` × the time it would otherwise have taken: `baseMs` of service time (a server that waits
// on a database, say: 0 for the plain reference server) plus the time the server took to produce it, from the
// request's arrival to its end. factor 1, baseMs 0: the reference server, unchanged.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { close, createTokenServer, listen } from '../servers/reference/index.ts';

export interface Slowed {
  url: string;
  stop: () => Promise<void>;
}

export async function startSlowed(factor: number, { baseMs = 0, port = 0 } = {}): Promise<Slowed> {
  const server = createTokenServer({ scryptCost: 1024 });
  if (factor !== 1 || baseMs > 0) {
    const honest = server.listeners('request')[0] as RequestListener;
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const arrived = performance.now();
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.end = ((...args: unknown[]) => {
        const own = performance.now() - arrived;
        setTimeout(() => end(...args), factor * baseMs + (factor - 1) * own);
        return res;
      }) as typeof res.end;
      honest(req, res);
    });
  }
  const url = await listen(server, port);
  return { url, stop: () => close(server) };
}

/** A free loopback port, so that the runs of one comparison all verify the same origin. */
export async function freePort(): Promise<number> {
  const probe = createTokenServer({ scryptCost: 1024 });
  const url = await listen(probe);
  await close(probe);
  return Number(new URL(url).port);
}
