// The k6 engine judged on behaviour, nothing on time (so it runs beside other untimed files). Through the
// spawned CLI: a k6 too old for the suite makes auto fall back to the Node engine with a note in
// summary.json, and --engine k6 exit 2. With a real k6 (found on the PATH; skipped with the enabling line
// without one): the suite's collector finds token collisions across VUs that each VU's own ledger (all a
// standalone `k6 run` has) cannot see. The passing run end to end: engine.slow.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../testing/cli.ts';
import { createFakeServer, listenFake } from '../../testing/fake-token-server.ts';
import { k6, k6OrSkip, fakeK6, shown } from '../../testing/k6.ts';
import { contextFor } from '../../testing/load-context.ts';
import { readSummary } from '../../testing/reports.ts';
import type { RequirementResult } from '../../verdict/types.ts';
import { failedThresholds, type SummaryData } from './scripts/lib/summary-data.ts';
import { loadLayer } from '../layer.ts';
import { buildK6 } from './build.ts';

const byId = (requirements: RequirementResult[], id: string) => requirements.find((r) => r.id === id)!;
const OLD_K6 = 'echo "k6 v0.48.0 (go1.21.5, linux/amd64)"';

describe('k6 engine: fallback and collisions across VUs', function () {
  this.timeout(180_000);
  let reportDir: string;
  const path = process.env.PATH;
  before(() => {
    reportDir = mkdtempSync(join(tmpdir(), 'token-suite-k6-engine-'));
  });
  after(() => {
    process.env.PATH = path;
    rmSync(reportDir, { recursive: true, force: true });
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
