// The rotation requirements (LOAD-03, LOAD-04, LOAD-07) under real load, with each engine (k6 found on the
// PATH; its half skipped with the enabling line without one): a declared rotation grace is judged by the
// time since rotation, and only answered replays count.
// - the alt server with a 2 s grace (a correct, time-based grace): passes, with replays outside the window;
// - a server that accepts every replay, and the alt server with a 1-hour grace, both declared as 2 s:
//   LOAD-03 fails on replays of tokens rotated out long ago (before issue 10 the grace excused them), and
//   the 1-hour grace fails LOAD-04 too: its raced tokens still work long after the declared window;
// - a server whose replays get no HTTP answer: LOAD-03 is inconclusive, its replays counted as unanswered;
//   its races fail LOAD-04 when the server held a racer past --timeout (no loser), and are inconclusive
//   when the connection was reset (proves nothing either way).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withAlt } from '../testing/alt-server.ts';
import { createFakeServer, listenFake, type FakeFlaws } from '../testing/fake-token-server.ts';
import { k6OrSkip } from '../testing/k6.ts';
import { contextFor } from '../testing/load-context.ts';
import type { LayerOutcome, RequirementResult } from '../verdict/types.ts';
import { loadLayer } from './layer.ts';
import type { LoadReport } from './report/load-report.ts';
import { MIN_ROTATION_EVIDENCE } from './report/minimums.ts';

const reportDir = mkdtempSync(join(tmpdir(), 'rotation-evidence-'));
const byId = (outcome: LayerOutcome, id: string) => outcome.requirements.find((r) => r.id === id) as RequirementResult;
const shown = (r: RequirementResult) => `${r.id} ${r.status}: ${r.evidence.join('; ')}`;
const loadOf = (outcome: LayerOutcome) => outcome.load as unknown as LoadReport;

interface Run {
  engine: 'node' | 'k6';
  graceSeconds: number;
  durationSeconds: number;
  timeoutMs?: number;
  /** The CLI's default bound (60 s) lets a passing run go on for its minimums on a crowded machine. */
  maxDurationSeconds?: number;
}

function runLoad(url: string, run: Run): Promise<LayerOutcome> {
  const base = contextFor(url);
  const target = { ...base.target, rotationGraceSeconds: run.graceSeconds, timeoutMs: run.timeoutMs ?? 5000 };
  return loadLayer.run(
    contextFor(url, {
      engine: run.engine,
      durationSeconds: run.durationSeconds,
      target,
      reportDir,
      ...(run.maxDurationSeconds === undefined ? {} : { maxDurationSeconds: run.maxDurationSeconds }),
    }),
  );
}

async function onFake<T>(flaws: FakeFlaws, body: (url: string) => Promise<T>): Promise<T> {
  const server = createFakeServer(flaws);
  try {
    return await body(await listenFake(server));
  } finally {
    server.close();
    server.closeAllConnections();
  }
}

for (const engine of ['node', 'k6'] as const) {
  describe(`rotation requirements under load: answered evidence, grace by time (${engine} engine)`, function () {
    this.timeout(120_000);
    before(function () {
      if (engine === 'k6') k6OrSkip(this);
    });

    it('the alt server with a 2 s grace passes LOAD-03/04/07, with replays outside the window', async () => {
      const outcome = await withAlt({ rotationGraceSeconds: 2 }, (url) =>
        // As the CLI runs it (--max-duration 60): 5 s meets the minimums on a quiet machine; beside other
        // files, or a neighbour, the run goes on until it has them rather than end inconclusive.
        runLoad(url, { engine, graceSeconds: 2, durationSeconds: 5, maxDurationSeconds: 60 }),
      );
      for (const id of ['LOAD-03', 'LOAD-04', 'LOAD-07'])
        assert.equal(byId(outcome, id).status, 'pass', shown(byId(outcome, id)));
      const r = loadOf(outcome).rotation;
      assert.ok(r.replays_outside_grace >= MIN_ROTATION_EVIDENCE, shown(byId(outcome, 'LOAD-03')));
      assert.ok(r.replays_in_grace > 0 && r.family_probes_outside_grace >= MIN_ROTATION_EVIDENCE);
      assert.match(
        byId(outcome, 'LOAD-03').evidence.join(' '),
        /: [1-9]\d* outside the 2 s grace window .*: 0 replays accepted/,
      );
      assert.match(byId(outcome, 'LOAD-07').evidence.join(' '), /[1-9]\d* after a replay outside the 2 s grace window/);
    });

    it('a server that accepts every replay fails LOAD-03 although it declares a 2 s grace', async () => {
      const outcome = await onFake({ acceptReplays: true }, (url) =>
        runLoad(url, { engine, graceSeconds: 2, durationSeconds: 4 }),
      );
      const load03 = byId(outcome, 'LOAD-03');
      assert.equal(load03.status, 'fail', shown(load03));
      assert.match(load03.evidence.join(' '), /outside the 2 s grace window .*: [1-9]\d* replays accepted/);
      assert.equal(byId(outcome, 'LOAD-07').status, 'warn', shown(byId(outcome, 'LOAD-07')));
    });

    it('the alt server with a 1-hour grace declared as 2 s fails LOAD-03 and warns on LOAD-07', async () => {
      const outcome = await withAlt({ rotationGraceSeconds: 3600 }, (url) =>
        runLoad(url, { engine, graceSeconds: 2, durationSeconds: 4 }),
      );
      assert.equal(byId(outcome, 'LOAD-03').status, 'fail', shown(byId(outcome, 'LOAD-03')));
      assert.equal(byId(outcome, 'LOAD-07').status, 'warn', shown(byId(outcome, 'LOAD-07')));
      // Its races have several winners inside the declared window, allowed only when each raced token is
      // rejected once the window has passed: here they still work an hour later (issue 20).
      const load04 = byId(outcome, 'LOAD-04');
      assert.equal(load04.status, 'fail', shown(load04));
      assert.match(load04.evidence.join(' '), /[1-9]\d* raced tokens replayed outside the window, [1-9]\d* accepted/);
    });

    // The Node engine gives up on a held request after --timeout; k6 (60 s by default) is shown a reset.
    const fault = engine === 'node' ? 'hang' : 'reset';
    const racers = fault === 'hang' ? 'held racers fail LOAD-04' : 'reset racers leave LOAD-04 inconclusive';
    it(`a server whose replays get no answer (${fault}): LOAD-03 inconclusive, ${racers}`, async () => {
      const outcome = await onFake({ replayFault: fault }, (url) =>
        runLoad(url, { engine, graceSeconds: 0, durationSeconds: 2, timeoutMs: 300 }),
      );
      for (const id of ['LOAD-03', 'LOAD-07'])
        assert.equal(byId(outcome, id).status, 'inconclusive', shown(byId(outcome, id)));
      // A race's losers are replays too. One the server held past --timeout is no loser: it fails the race
      // (issue 20); one whose connection was reset proves nothing either way (load/flows/race.ts).
      const load04 = byId(outcome, 'LOAD-04');
      if (fault === 'hang') {
        assert.equal(load04.status, 'fail', shown(load04));
        assert.match(load04.evidence.join(' '), /[1-9]\d* races in which a racer got neither a valid pair nor a 4xx/);
      } else {
        assert.equal(load04.status, 'inconclusive', shown(load04));
        assert.match(load04.evidence.join(' '), /[1-9]\d* races in which a racer got no HTTP answer/);
      }
      const r = loadOf(outcome).rotation;
      assert.ok(r.replays_unanswered > 0, JSON.stringify(r));
      assert.equal(r.replays, 0);
      assert.equal(r.family_probes, 0, 'no family counted: its replay got no answer');
      assert.match(byId(outcome, 'LOAD-03').evidence.join(' '), /[1-9]\d* replays got no HTTP answer/);
    });
  });
}
