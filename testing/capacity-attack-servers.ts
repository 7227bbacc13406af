// Token servers of KNOWN capacity in shapes real servers have, to attack the capacity search (--find-capacity).
// Each is the fake token server (correct answers, cheap) behind a gate: a queue served by `slots` workers, each
// answer taking `cost × serviceMs` of one worker. The gate is the only limit.
//   fifo N        one worker, FIFO, unbounded queue (the same as capacity-servers.ts): N answers/s
//   shed503 N     fifo, but an arrival that finds more than 10 waiting is answered 503 + Retry-After: 1 at once
//   shed429 N     the same with 429
//   bucket503 N   fifo behind a token bucket of N/s (burst 5): a request finding the bucket empty is answered
//                 503 + Retry-After: 1 at once, so the queue never grows and latency never climbs
//   bucket429 N   the same with 429
//   tiring N      fifo, but from 20 s of the server's life every answer takes twice as long (N/2 answers/s)
//   tiringS N     the same from S s (tiring40: from 40 s)
//   cost N        fifo, a password grant (/v1/token) costs 5 units, a refresh 1: N units/s
//   lifo N        one worker, the newest waiting request is served first: N answers/s
//   slots4 N      4 workers, FIFO, each answer 4000/N ms: N answers/s
// Run as a child: `node --import tsx testing/capacity-attack-servers.ts SHAPE N` prints its URL; on SIGTERM it
// prints its counts (answered, shed) to stderr.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { listenGated } from './capacity-servers.ts';

export type Shape =
  | `tiring${number}`
  | 'fifo'
  | 'shed503'
  | 'shed429'
  | 'bucket503'
  | 'bucket429'
  | 'tiring'
  | 'cost'
  | 'lifo'
  | 'slots4';

export interface AttackServer {
  url: string;
  counts: () => { answered: number; shed: number; byPath: Record<string, number> };
  stop: () => Promise<void>;
}

interface Job {
  units: number;
  /** The honest handler's res.end arguments, once it called it. */
  endArgs?: unknown[];
  served: boolean;
  send: () => void;
}

export async function startAttackServer(shape: Shape, answersPerSecond: number): Promise<AttackServer> {
  const slots = shape === 'slots4' ? 4 : 1;
  const serviceMs = (1000 * slots) / answersPerSecond;
  const born = performance.now();
  const tiresAtMs = shape.startsWith('tiring') ? 1000 * (Number(shape.slice('tiring'.length)) || 20) : Infinity;
  const waiting: Job[] = [];
  let busy = 0;
  let answered = 0;
  let shed = 0;
  const byPath: Record<string, number> = {};
  const BURST = 5;
  let bucket = BURST;
  let filled = born;
  /** Token bucket (bucket503/429): true when a token was taken. */
  const take = () => {
    const now = performance.now();
    bucket = Math.min(BURST, bucket + ((now - filled) * answersPerSecond) / 1000);
    filled = now;
    if (bucket < 1) return false;
    bucket -= 1;
    return true;
  };

  const pump = () => {
    while (busy < slots && waiting.length > 0) {
      const job = (shape === 'lifo' ? waiting.pop() : waiting.shift()) as Job;
      busy += 1;
      const tired = performance.now() - born > tiresAtMs ? 2 : 1;
      setTimeout(
        () => {
          busy -= 1;
          job.served = true;
          if (job.endArgs) job.send();
          pump();
        },
        serviceMs * job.units * tired,
      );
    }
  };

  const gate = (honest: RequestListener, req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '';
    const shedding = shape === 'shed503' || shape === 'shed429';
    const bucketed = shape === 'bucket503' || shape === 'bucket429';
    if ((shedding && waiting.length > 10) || (bucketed && !take())) {
      shed += 1;
      req.resume();
      const body = JSON.stringify({ error: 'temporarily_unavailable' });
      res.writeHead(shape.endsWith('503') ? 503 : 429, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'retry-after': '1',
      });
      res.end(body);
      return;
    }
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const job: Job = {
      units: shape === 'cost' && path === '/v1/token' ? 5 : 1,
      served: false,
      send: () => {
        answered += 1;
        byPath[path] = (byPath[path] ?? 0) + 1;
        end(...(job.endArgs as unknown[]));
      },
    };
    res.end = ((...args: unknown[]) => {
      job.endArgs = args;
      if (job.served) job.send();
      return res;
    }) as typeof res.end;
    waiting.push(job);
    pump();
    honest(req, res);
  };
  const { url, stop } = await listenGated((honest) => (req, res) => gate(honest, req, res));
  return { url, counts: () => ({ answered, shed, byPath: { ...byPath } }), stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const shape = (process.argv[2] ?? 'fifo') as Shape;
  const n = Number(process.argv[3]) || 40;
  const started = await startAttackServer(shape, n);
  console.log(started.url);
  process.on('SIGTERM', () => {
    console.error(JSON.stringify({ shape, n, ...started.counts() }));
    void started.stop().then(() => process.exit(0));
  });
}
