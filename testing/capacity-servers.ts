// Token servers of known capacity, for overload and the capacity search. `fixed`: at most `answersPerSecond`
// answers a second, one after another (a single server with a fixed service time of 1000/N ms); what comes
// faster queues, unbounded, and waits its turn: past its capacity its latency climbs, its throughput does
// not fall, it never degrades. `filling`: the same, but every answer takes longer the more it answered
// (service time × (1 + answered / fillAt)): a server that degrades as it fills up. Both answer correctly
// (the fake token server: rotation enforced, every pair new) and cheaply, so the gate is the only limit.
// Run in-process, or as a child (`node --import tsx testing/capacity-servers.ts N [fillAt]`, prints its URL).
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createFakeServer, listenFake } from './fake-token-server.ts';

export interface CapacityOptions {
  answersPerSecond: number;
  /** Set: every answer takes 1 + answered / fillAt service times (the server degrades as it fills). */
  fillAt?: number;
}

export interface CapacityServer {
  url: string;
  /** Answers given so far. */
  answered: () => number;
  stop: () => Promise<void>;
}

/** The fake token server behind `gate` (given the server's own handler to call), listening on loopback. */
export async function listenGated(
  gate: (honest: RequestListener) => RequestListener,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = createFakeServer();
  const honest = server.listeners('request')[0] as RequestListener;
  server.removeAllListeners('request');
  server.on('request', gate(honest));
  server.keepAliveTimeout = 60_000;
  const url = await listenFake(server);
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url, stop };
}

export async function startCapacityServer(options: CapacityOptions): Promise<CapacityServer> {
  const serviceMs = 1000 / options.answersPerSecond;
  let nextFree = 0;
  let answered = 0;
  const gate = (honest: RequestListener, req: IncomingMessage, res: ServerResponse) => {
    const now = performance.now();
    const slow = options.fillAt ? 1 + answered / options.fillAt : 1;
    const done = Math.max(now, nextFree) + serviceMs * slow;
    nextFree = done;
    res.once('finish', () => (answered += 1));
    // The answer leaves when its service ends: at the end of its slot.
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      setTimeout(() => end(...args), Math.max(0, done - performance.now()));
      return res;
    }) as typeof res.end;
    honest(req, res);
  };
  const { url, stop } = await listenGated((honest) => (req, res) => gate(honest, req, res));
  return { url, answered: () => answered, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n, fillAt] = process.argv.slice(2).map(Number);
  const started = await startCapacityServer({ answersPerSecond: n || 100, ...(fillAt ? { fillAt } : {}) });
  console.log(started.url);
  process.on('SIGTERM', () => void started.stop().then(() => process.exit(0)));
}
