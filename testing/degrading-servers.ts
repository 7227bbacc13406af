// Servers that get slower during a run, for LOAD-06's own tests and its false-alarm measurement: a real
// reference server whose answers are held back. `step`: 250 ms more per answer once 500 requests were
// answered. `halfway`: every answer held `baseMs`; from `afterMs` after the first request on, each answer
// is held until 1.5 × the time it would have taken (a true +50% on every latency, the server's own included).
// They stand in for a server degrading under load; only the timing of their answers is changed.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { close, createTokenServer, listen } from '../servers/reference/index.ts';

export type Degrading = { kind: 'step' } | { kind: 'halfway'; baseMs: number; afterMs: number };

export async function startDegrading(how: Degrading): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = createTokenServer({ scryptCost: 1024 });
  const honest = server.listeners('request')[0] as RequestListener;
  let answered = 0;
  let firstAt: number | undefined;
  const slower = () => how.kind === 'halfway' && Date.now() - (firstAt ??= Date.now()) >= how.afterMs;
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const arrived = performance.now();
    if (slower()) {
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.end = ((...args: unknown[]) => {
        setTimeout(() => end(...args), 0.5 * (performance.now() - arrived));
        return res;
      }) as typeof res.end;
    }
    res.once('finish', () => (answered += 1));
    const hold = how.kind === 'step' ? (answered >= 500 ? 250 : 0) : how.baseMs;
    if (hold === 0) return honest(req, res);
    setTimeout(() => honest(req, res), hold);
  };
  server.removeAllListeners('request');
  server.on('request', answer);
  const url = await listen(server);
  return { url, stop: () => close(server) };
}
