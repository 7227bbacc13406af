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

export async function startCapacityServer(options: CapacityOptions): Promise<CapacityServer> {
  const server = createFakeServer();
  const honest = server.listeners('request')[0] as RequestListener;
  const serviceMs = 1000 / options.answersPerSecond;
  let nextFree = 0;
  let answered = 0;
  const gate = (req: IncomingMessage, res: ServerResponse) => {
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
  server.removeAllListeners('request');
  server.on('request', gate);
  server.keepAliveTimeout = 60_000;
  const url = await listenFake(server);
  return {
    url,
    answered: () => answered,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n, fillAt] = process.argv.slice(2).map(Number);
  const started = await startCapacityServer({ answersPerSecond: n || 100, ...(fillAt ? { fillAt } : {}) });
  console.log(started.url);
  process.on('SIGTERM', () => void started.stop().then(() => process.exit(0)));
}
