// --engine k6 end to end with a real k6 (found on the PATH; skipped with the enabling line without one):
// `verify --engine k6` passes on the reference server (exit 0, LOAD-06 included: judged on time, so with
// nothing beside it), and auto prefers a k6 that runs. The fallback when k6 cannot run and the collector's
// cross-VU collisions, judged on behaviour alone: engine-behaviour.slow.test.ts. Stand-in k6 cases that need
// no real load: engine.test.ts.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { close, createTokenServer, listen } from '../../servers/reference/index.ts';
import { runCli } from '../../testing/cli.ts';
import { k6OrSkip } from '../../testing/k6.ts';
import { contextFor } from '../../testing/load-context.ts';
import { passedButLoad06, readSummary } from '../../testing/reports.ts';
import type { LayerContext, RequirementResult } from '../../verdict/types.ts';
import { loadLayer } from '../layer.ts';
import type { LoadReport } from '../report/load-report.ts';

const byId = (requirements: RequirementResult[], id: string) => requirements.find((r) => r.id === id)!;

describe('k6 engine, end to end', function () {
  this.timeout(180_000);
  let server: Server;
  let url: string;
  let reportDir: string;
  before(async () => {
    server = createTokenServer({ scryptCost: 1024 });
    url = await listen(server);
    reportDir = mkdtempSync(join(tmpdir(), 'token-suite-k6-engine-'));
  });
  after(async () => {
    rmSync(reportDir, { recursive: true, force: true });
    await close(server);
  });

  const context = (engine: LayerContext['engine'], lines: string[] = [], notes: string[] = []) =>
    contextFor(url, {
      engine,
      reportDir,
      durationSeconds: 3,
      log: (line) => lines.push(line),
      note: (line) => notes.push(line),
    });

  describe('on a real k6', () => {
    before(function () {
      k6OrSkip(this);
    });

    it('`verify --engine k6` (all layers) passes on the reference server, with the k6 bundle it built', async () => {
      const dir = mkdtempSync(join(reportDir, 'cli-'));
      const run = await runCli([
        'verify',
        '--base-url',
        url,
        '--engine',
        'k6',
        '--duration',
        '5',
        '--connections',
        '2',
        '--report-dir',
        dir,
      ]);
      const summary = readSummary(dir);
      // Exit 0; or 3 with LOAD-06 alone inconclusive, inside a 5 s run's noise on a shared machine (seen in a
      // rehearsal: last third's p95 x1.59 within the noise bar). Every other requirement passes.
      assert.ok(passedButLoad06(run.code, summary), `${run.stdout}\n${run.stderr}`.slice(-4000));
      assert.equal(summary.load?.engine, 'k6');
      // The one note every run makes: how many failed logins it sent, on which usernames.
      assert.deepEqual(
        summary.notes.filter((n) => !/failed logins on the configured username/.test(n)),
        [],
      );
      assert.match(byId(summary.requirements, 'LOAD-05').evidence.join(' '), /compared across all VUs/);
      assert.ok(existsSync(join(dir, 'k6', 'mix.js')), 'the bundle that ran is built into the report dir');
      assert.match(run.stdout, /k6 v0\.49\.0 \(go/);
    });

    it('auto prefers a k6 that runs; the run fills the same load report as the Node engine', async () => {
      const notes: string[] = [];
      const outcome = await loadLayer.run(context('auto', [], notes));
      const load = outcome.load as unknown as LoadReport;
      assert.equal(load.engine, 'k6');
      assert.deepEqual(notes, []);
      assert.ok(load.requests > 0 && load.endpoints.token.requests > 0 && load.endpoints.refresh.requests > 0);
      assert.ok(load.rotation.rotations > 0 && load.rotation.replays > 0 && load.rotation.races > 0);
      assert.ok(load.series.length >= 2 && load.degradation !== null, JSON.stringify(load.series));
      // Rotation and correctness; the timing requirements (LOAD-02, LOAD-06) are judged on the longer CLI run
      // above and in the kill matrix: a 2-second run on a shared 2-core machine says little about timing.
      const judged = outcome.requirements.filter((r) => !['LOAD-02', 'LOAD-06'].includes(r.id));
      assert.deepEqual(
        judged.filter((r) => r.status !== 'pass').map((r) => `${r.id} ${r.status}: ${r.evidence.join('; ')}`),
        [],
      );
    });
  });
});
