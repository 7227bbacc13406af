// --engine k6 end to end (split from load/k6/engine.test.ts, which keeps the stand-in k6 cases that need
// no real load). Through the spawned CLI: a k6 too old for the suite makes auto fall back to the Node engine
// with a note in summary.json, and --engine k6 exit 2. With a real k6 (found on the PATH; skipped with the
// enabling line without one): `verify --engine k6` passes on the reference server, and the suite's
// collector finds token collisions across VUs that each VU's own ledger (all a standalone `k6 run` has)
// cannot see.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { close, createTokenServer, listen } from '../../servers/reference/index.ts';
import { runCli } from '../../testing/cli.ts';
import { createFakeServer, listenFake } from '../../testing/fake-token-server.ts';
import { k6, k6OrSkip, fakeK6, shown } from '../../testing/k6.ts';
import { contextFor } from '../../testing/load-context.ts';
import { readSummary } from '../../testing/reports.ts';
import type { LayerContext, RequirementResult } from '../../verdict/types.ts';
import { failedThresholds, type SummaryData } from './scripts/lib/summary-data.ts';
import { loadLayer } from '../layer.ts';
import type { LoadReport } from '../report/load-report.ts';
import { buildK6 } from './build.ts';

const byId = (requirements: RequirementResult[], id: string) => requirements.find((r) => r.id === id)!;
const OLD_K6 = 'echo "k6 v0.48.0 (go1.21.5, linux/amd64)"';

describe('k6 engine, end to end', function () {
  this.timeout(180_000);
  let server: Server;
  let url: string;
  let reportDir: string;
  const path = process.env.PATH;
  before(async () => {
    server = createTokenServer({ scryptCost: 1024 });
    url = await listen(server);
    reportDir = mkdtempSync(join(tmpdir(), 'token-suite-k6-engine-'));
  });
  after(async () => {
    process.env.PATH = path;
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

  describe('a k6 that cannot run (stand-in k6)', () => {
    it('through the CLI: auto writes the note into summary.json; --engine k6 exits 2 with the reason', async () => {
      const dir = mkdtempSync(join(reportDir, 'fallback-'));
      const env = { PATH: `${fakeK6({ version: OLD_K6 })}:${path}` };
      const auto = await runCli(['verify', '--only', 'load', '--duration', '2', '--report-dir', dir], env);
      const summary = readSummary(dir);
      assert.equal(summary.load?.engine, 'node', auto.stdout);
      assert.match(summary.notes.join('\n'), /k6 v0\.48\.0 .*older than k6 v0\.49\.0.*Node engine ran/);
      assert.match(auto.stdout, /warning: load: k6 on the PATH/);
      const k6Run = await runCli(['verify', '--only', 'load', '--engine', 'k6', '--report-dir', dir], env);
      assert.equal(k6Run.code, 2, k6Run.stderr);
      assert.match(k6Run.stderr, /--engine k6: k6 v0\.48\.0 .*older than k6 v0\.49\.0/);
      assert.doesNotMatch(k6Run.stderr, /SUITE-01|\bat .*\.ts:\d+/);
      // Found before the first layer runs: conformance never starts, so nothing it judged is thrown away.
      const layered = await runCli(
        ['verify', '--only', 'conformance,load', '--engine', 'k6', '--report-dir', dir],
        env,
      );
      assert.equal(layered.code, 2, layered.stderr);
      assert.doesNotMatch(layered.stdout, /^conformance:/m);
      assert.match(layered.stderr, /--engine k6: k6 v0\.48\.0/);
    });
  });

  describe('on a real k6', () => {
    let k6Path: string;
    before(function () {
      k6Path = k6OrSkip(this);
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
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`.slice(-4000));
      const summary = readSummary(dir);
      assert.equal(summary.verdict, 'pass');
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

    it('finds tokens issued to two VUs (unseen by each VU and by a standalone k6 run) via the collector', async () => {
      const fake = createFakeServer({ sameTokensPerUser: true });
      const fakeUrl = await listenFake(fake);
      const users = { TOKEN_SUITE_LOAD_USERS: 'ann:a,bob:b', TOKEN_SUITE_LOAD_MIX: 'password:1' };
      Object.assign(process.env, users);
      try {
        const outcome = await loadLayer.run(
          contextFor(fakeUrl, { engine: 'k6', reportDir, durationSeconds: 2, load: { connections: 2 } }),
        );
        const unique = byId(outcome.requirements, 'LOAD-05');
        assert.equal(unique.status, 'fail', unique.evidence.join('; '));
        assert.match(unique.evidence.join(' '), /[1-9]\d* collisions.*from 2 VUs compared across all VUs/s);
        // The same bundle, standalone: each VU's own ledger sees no collision, and the summary says why.
        const [bundle] = await buildK6(mkdtempSync(join(reportDir, 'standalone-')), ['mix']);
        const dir = mkdtempSync(join(reportDir, 'summary-'));
        const exit = await k6(k6Path, ['run', '--quiet', bundle!], {
          ...users,
          BASE_URL: fakeUrl,
          TOKEN_SUITE_LOAD_SUMMARY_DIR: dir,
          TOKEN_SUITE_LOAD_VUS: '2',
        });
        const data = JSON.parse(readFileSync(join(dir, 'mix-summary.json'), 'utf8')) as SummaryData;
        assert.ok(!failedThresholds(data).includes('rotation_token_collision: count==0'), shown(exit));
        assert.match(exit.stdout, /token collisions: checked within each VU only/);
      } finally {
        delete process.env.TOKEN_SUITE_LOAD_USERS;
        delete process.env.TOKEN_SUITE_LOAD_MIX;
        fake.close();
        fake.closeAllConnections();
      }
    });
  });
});
