// The Node engine against real servers: what its workers saw adds up to what it reports, uniqueness is
// checked across workers, hostile servers cost failed requests (never a crash or a hang), and progress
// is reported while it runs. (The open model's stall test and TLS have their own files.)
import assert from 'node:assert/strict';
import { createFakeServer, listenFake, type FakeFlaws, type FakeServer } from '../../testing/fake-token-server.ts';
import { startHostile, type Hostility } from '../../testing/hostile-http-servers.ts';
import type { LoadProgress } from '../../verdict/types.ts';
import { runNodeEngine } from './engine.ts';
import { emptyCounters } from '../flows/rotation.ts';
import { engineSettings as settingsFor } from '../../testing/engine-settings.ts';

async function withFake<T>(flaws: FakeFlaws, body: (url: string, server: FakeServer) => Promise<T>): Promise<T> {
  const server = createFakeServer(flaws);
  try {
    return await body(await listenFake(server), server);
  } finally {
    server.close();
    server.closeAllConnections();
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('Node engine', function () {
  this.timeout(60_000);

  it('with 2 workers, reports exactly what its workers saw, and what the server answered', async () => {
    await withFake({}, async (url, server) => {
      const progress: LoadProgress[] = [];
      const settings = settingsFor(
        url,
        { TOKEN_SUITE_LOAD_MIX: 'password:1,chain:2,race:1' },
        { connections: 6, workers: 2 },
      );
      const run = await runNodeEngine(settings, { durationSeconds: 2.5, onProgress: (p) => progress.push(p) });
      assert.equal(run.workers.length, 2);
      assert.deepEqual(
        run.workers.map((w) => w.users),
        [3, 3],
      );
      const { overall, endpoints } = run.recorder;
      assert.ok(
        run.workers.every((w) => w.requests > 0),
        'both workers sent requests',
      );
      assert.equal(overall.requests, sum(run.workers.map((w) => w.requests)));
      assert.equal(overall.errors, sum(run.workers.map((w) => w.errors)));
      assert.equal(overall.histogram.totalCount, sum(run.workers.map((w) => w.latencyCount)));
      assert.equal(overall.requests, endpoints.token.requests + endpoints.refresh.requests);
      assert.equal(sum(run.recorder.windows.map((w) => w.requests)), overall.requests);
      assert.equal(sum(run.recorder.series().map((p) => p.requests)), overall.requests);
      const checks = sum(Object.values(run.checks).map((c) => c.passes + c.fails));
      assert.equal(checks, sum(run.workers.map((w) => w.checks)));
      assert.equal(run.uniqueness.checked, sum(run.workers.map((w) => w.tokensChecked)));
      // The server answered every recorded request, and at most the abandoned ones besides.
      const answered = sum(Object.values(server.stats.answered));
      assert.ok(answered >= overall.requests && answered <= overall.requests + run.abandoned, `${answered} answered`);
      const grants = server.stats.answered['/v1/token'] ?? 0;
      assert.ok(grants >= endpoints.token.requests && grants <= endpoints.token.requests + run.abandoned);
      // Every pair sent is checked, but for abandoned answers and the answered part of a race cut off by the
      // end: the pairs this server (no reuse detection) gives to a chain's final probe included (issue 10).
      assert.ok(run.rotation.violations.family_survived_replay > 0, 'probes answered with a pair');
      const unread = run.abandoned + settings.connections * settings.flows.raceWidth;
      const { checked } = run.uniqueness;
      assert.ok(
        checked <= 2 * server.stats.pairs && checked >= 2 * (server.stats.pairs - unread),
        `${checked} checked, ${server.stats.pairs} pairs, ${unread} unread`,
      );
      assert.equal(overall.errors, 0);
      assert.ok(run.rotation.rotations > 0 && run.rotation.replays > 0 && run.rotation.races > 0);
      assert.deepEqual({ ...run.rotation.violations, family_survived_replay: 0 }, emptyCounters().violations);
      assert.equal(run.model.kind, 'closed');
      assert.ok(progress.length >= 1 && progress.length <= 4, `${progress.length} progress reports`);
      assert.ok(
        progress.every(
          (p, i) => p.requests > 0 && p.totalSeconds === 2.5 && (i === 0 || p.requests >= progress[i - 1]!.requests),
        ),
      );
      // The live line counts what a MUST is judged on: families that survived a replay (LOAD-07, a SHOULD) are
      // not shown as rotation violations.
      assert.equal(progress.at(-1)?.violations, 0, 'no MUST violation, though families survived replays');
    });
  });

  it('catches a token issued twice even when the two answers went to different workers', async () => {
    await withFake({ reissueEvery: 7 }, async (url, server) => {
      const settings = settingsFor(url, { TOKEN_SUITE_LOAD_MIX: 'password:1' }, { connections: 8, workers: 2 });
      const run = await runNodeEngine(settings, { durationSeconds: 2 });
      const collisions = run.rotation.violations.token_collision;
      const { reissued } = server.stats;
      assert.ok(reissued > 50, `${reissued} tokens re-issued`);
      // Every re-issue is caught, but for an answer the run ended before it was read (abandoned).
      assert.ok(
        collisions <= reissued && collisions >= reissued - run.abandoned,
        `${collisions} of ${reissued} caught`,
      );
    });
  });

  const hostile: [Hostility, RegExp][] = [
    ['silent', /no answer within 300 ms/],
    ['half-answer', /no answer within 300 ms/],
    ['endless-headers', /malformed answer: headers longer than/],
    ['huge-length', /malformed answer: a body of 100000000 bytes is over the cap/],
    ['endless-chunks', /malformed answer: a chunked body over the cap/],
    ['garbage', /malformed answer: not an HTTP\/1.x status line/],
    ['close', /closed without an answer|ECONNRESET/],
    ['extra-bytes', /malformed answer: bytes after the end of an answer/],
  ];
  for (const [hostility, reason] of hostile)
    it(`records every request to a server that answers with ${hostility} as failed, and ends on time`, async () => {
      const server = await startHostile(hostility);
      try {
        const settings = settingsFor(
          server.url,
          { TOKEN_SUITE_LOAD_MIX: 'password:1' },
          { connections: 2, workers: 1, timeoutMs: 300 },
        );
        const run = await runNodeEngine(settings, { durationSeconds: 1.5 });
        assert.ok(run.durationSeconds < 1.5 * 3, `ran ${run.durationSeconds} s`);
        const { overall } = run.recorder;
        assert.ok(
          overall.requests > 0 && overall.errors === overall.requests,
          `${overall.errors} of ${overall.requests} failed`,
        );
        assert.ok(
          Object.keys(run.failures).some((r) => reason.test(r)),
          Object.keys(run.failures).join(' | '),
        );
      } finally {
        await server.stop();
      }
    });

  it("fails with the worker's reason, and ends, when a worker cannot run", async () => {
    const settings = settingsFor('ftp://127.0.0.1:21', {}, { connections: 4, workers: 2 });
    await assert.rejects(
      runNodeEngine(settings, { durationSeconds: 1 }),
      /a load worker failed: the load engine speaks http:\/\/ and https:\/\/ only \(got ftp:\)/,
    );
  });
});
