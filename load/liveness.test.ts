// The probe after the load (load/liveness.ts) against small servers: one that answers, one that fails, and
// one behind a limiter: a 429 with Retry-After is waited out within the run's budget (a pass), and when the
// budget cannot cover the wait the probe is not judged (never the server's failure).
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { runGuards } from '../client/run-guards.ts';
import { close, listen } from '../servers/reference/index.ts';
import { startServer, type Running } from '../testing/reference-server.ts';
import { contextFor } from '../testing/load-context.ts';
import { probeLiveness } from './liveness.ts';

/** Answers 429 (Retry-After: 1) to the first `throttled` requests, then passes them to `upstream`. */
function limiter(upstream: string, throttled: number): Server {
  let seen = 0;
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen += 1;
      if (seen <= throttled) return void res.writeHead(429, { 'retry-after': '1' }).end();
      void fetch(upstream + (req.url ?? '/'), {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? '' },
        body: Buffer.concat(chunks),
      }).then(async (answer) =>
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text()),
      );
    });
  });
}

describe('the liveness probe after the load', () => {
  let reference: Running;
  before(async () => (reference = await startServer()));
  after(() => reference.stop());

  const probe = (url: string, budgetSeconds: number) => {
    const context = contextFor(url);
    return probeLiveness({ ...context, guards: runGuards(context.target.credentials, budgetSeconds) }, 'documented');
  };

  it('a server that still issues and refreshes: ok', async () => {
    assert.deepEqual(await probe(reference.url, 5), {
      ok: true,
      detail: 'after the load, a password grant and a refresh of its pair both gave valid pairs',
    });
  });

  it('a server that answers 500: failed, naming the step', async () => {
    const broken = createServer((_req, res) => res.writeHead(500).end('{}'));
    const url = await listen(broken);
    try {
      const result = await probe(url, 5);
      assert.equal(result.ok, false);
      assert.match(result.detail, /the password grant failed: .*500/);
    } finally {
      await close(broken);
    }
  });

  it('behind a limiter: a 429 waited out within the budget is ok; beyond the budget, not judged', async () => {
    const waited = limiter(reference.url, 1);
    const spent = limiter(reference.url, 100);
    const [waitedUrl, spentUrl] = [await listen(waited), await listen(spent)];
    try {
      assert.equal((await probe(waitedUrl, 5)).ok, true);
      const result = await probe(spentUrl, 0.5);
      assert.equal(result.ok, null, result.detail);
      assert.match(result.detail, /the password grant was not judged: the target kept throttling \(1× 429/);
    } finally {
      await Promise.all([close(waited), close(spent)]);
    }
  });
});
