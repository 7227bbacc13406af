// Coordinated omission: a server that stalls 1 s every 4 s. The open model (flow starts on a schedule,
// the first request timed from its scheduled start) must show a p99 near the stall; the closed model
// (each user waits for its answer before it sends again) hides it, because the stalled users stop sending.
import assert from 'node:assert/strict';
import { createFakeServer, listenFake } from '../../testing/fake-token-server.ts';
import { latencyOf, Recorder } from '../measure/recorder.ts';
import { nodeLoadReport } from '../report/load-report.ts';
import { runNodeEngine } from './engine.ts';
import { createSharedDigestSet } from './shared-digest-set.ts';
import { createEvidenceBoard } from './evidence-board.ts';
import { WorkerRun } from './worker-run.ts';
import { engineSettings as settingsFor } from '../../testing/engine-settings.ts';

const STALL_MS = 1000;

describe('Node engine: open model with corrected latency', function () {
  this.timeout(120_000);

  it('shows a 1 s stall every 4 s in p99 (within 20%), where the closed model hides it', async () => {
    const server = createFakeServer({ stall: { everyMs: 4 * STALL_MS, forMs: STALL_MS } });
    try {
      const url = await listenFake(server);
      const env = { TOKEN_SUITE_LOAD_MIX: 'password:1' };
      const open = settingsFor(url, { ...env, TOKEN_SUITE_LOAD_RATE: '40' }, { connections: 64 });
      const openRun = await runNodeEngine(open, { durationSeconds: 8 });
      const closed = settingsFor(url, env, { connections: 8 });
      const closedRun = await runNodeEngine(closed, { durationSeconds: 8 });

      const openReport = nodeLoadReport(openRun, open);
      const p99 = openReport.endpoints.token.latency_ms.p99;
      assert.ok(Math.abs(p99 - STALL_MS) <= 0.2 * STALL_MS, `open model p99 ${p99} ms`);
      assert.equal(openReport.model?.kind, 'open');
      assert.match(openReport.model?.description ?? '', /40 flow starts\/s .* timed from its scheduled start/);
      assert.equal(openRun.model.starts.dropped, 0);
      assert.ok(openRun.model.starts.scheduled >= 300 && openRun.model.starts.scheduled <= 321);

      const closedReport = nodeLoadReport(closedRun, closed);
      const hidden = closedReport.endpoints.token.latency_ms.p99;
      assert.ok(hidden < STALL_MS / 2, `closed model p99 ${hidden} ms`);
      assert.equal(closedReport.model?.kind, 'closed');
      assert.match(closedReport.model?.description ?? '', /stalls are under-sampled/);
    } finally {
      server.close();
      server.closeAllConnections();
    }
  });

  it('times a start the client itself delayed from when it was due: a 500 ms client stall shows in p99', async () => {
    const server = createFakeServer();
    try {
      const settings = settingsFor(await listenFake(server), { TOKEN_SUITE_LOAD_MIX: 'password:1' });
      const run = new WorkerRun({
        index: 0,
        users: 8,
        rate: 40,
        phase: 0,
        durationSeconds: 3,
        windowMs: 250,
        timeoutMs: 2000,
        flows: settings.flows,
        tls: {},
        tokens: createSharedDigestSet(10_000),
        evidence: createEvidenceBoard(1, 3, 250),
        progress: new SharedArrayBuffer(16),
      });
      await run.warm();
      // The client's own thread blocks for 500 ms a second into the run: ~20 starts fall due meanwhile.
      const block = setTimeout(() => {
        const until = performance.now() + 500;
        while (performance.now() < until);
      }, 1000);
      const result = await run.run(performance.now()).finally(() => clearTimeout(block));
      const recorder = new Recorder(0);
      recorder.merge(result.recorder);
      const latency = latencyOf(recorder.endpoints.token.histogram);
      const { late, queued } = result.starts;
      assert.ok(late >= 5 && late + queued >= 15, `${late} starts late, ${queued} waited for a user`);
      assert.ok(result.starts.max_lag_ms >= 450, `started up to ${result.starts.max_lag_ms} ms late`);
      // The server answers in about a millisecond: only the wait from the scheduled start makes p99 large.
      assert.ok(latency.p99 >= 400, `p99 ${latency.p99} ms`);
    } finally {
      server.close();
      server.closeAllConnections();
    }
  });
});
