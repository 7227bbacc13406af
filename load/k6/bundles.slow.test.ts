// The k6 bundles on a real k6 (found on the PATH; skipped with the enabling line without one): each
// initialises and passes every threshold against the reference server; the rotation thresholds fail,
// naming the broken invariant, against servers that accept replays and that let concurrent refreshes win.
// The ES-module bundles `npm run build` writes are inspected and run by hand as a user would; the threshold
// runs use the format the engine gives this k6 (CommonJS before v0.53, whose Babel takes 6 s per ES module
// start: the same source, so the same logic, in a third of the time). (Static checks: bundles.test.ts.)
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, type Served } from '../../testing/cli.ts';
import { k6, k6OrSkip, shown } from '../../testing/k6.ts';
import { buildK6 } from './build.ts';
import { checkVersion } from './check.ts';
import { bundleFormat } from './invocation.ts';
import { failedThresholds, type SummaryData } from './scripts/lib/summary-data.ts';

const NAMES = ['password', 'refresh-chain', 'race', 'mix'];

describe('k6 bundles on a real k6', function () {
  this.timeout(180_000);
  let out: string;
  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'token-suite-bundles-'));
    await buildK6(out);
  });
  after(() => rmSync(out, { recursive: true, force: true }));
  /** The ES-module bundle, as `npm run build` writes it. */
  const bundle = (name: string) => join(out, `${name}.js`);
  /** The bundle in the format the engine runs on this k6. */
  const engineBundle = (name: string) => join(out, 'engine', `${name}.js`);

  describe('on a real k6', () => {
    let k6Path: string;
    const servers: Record<string, Served> = {};
    before(async function () {
      k6Path = k6OrSkip(this);
      const { version } = await checkVersion(k6Path);
      await buildK6(join(out, 'engine'), NAMES, bundleFormat(version));
      for (const impl of ['reference', 'replay-accepted', 'refresh-race'])
        servers[impl] = await startServe(['--impl', impl, '--scrypt-cost', '1024']);
    });
    after(async () => {
      for (const served of Object.values(servers)) await served.stop();
    });

    const run = async (name: string, impl: string, vars: Record<string, string> = {}) => {
      const dir = mkdtempSync(join(out, `${name}-${impl}-`));
      const exit = await k6(k6Path, ['run', '--quiet', engineBundle(name)], {
        BASE_URL: servers[impl]!.url,
        TOKEN_SUITE_LOAD_SUMMARY_DIR: dir,
        ...vars,
      });
      const file = join(dir, `${name}-summary.json`);
      assert.ok(existsSync(file), `no summary: ${shown(exit)}`);
      const data = JSON.parse(readFileSync(file, 'utf8')) as SummaryData & { token_suite: { collisionScope: string } };
      return { exit, data, failed: failedThresholds(data) };
    };

    for (const name of NAMES) {
      it(
        `\`k6 inspect\` initialises ${name}, ` +
          'and `k6 run` passes every threshold and check on the reference server',
        async () => {
          const inspect = await k6(k6Path, ['inspect', bundle(name)]);
          assert.equal(inspect.code, 0, shown(inspect));
          const { exit, data, failed } = await run(name, 'reference', { TOKEN_SUITE_LOAD_ITERATIONS: '4' });
          assert.equal(exit.code, 0, shown(exit));
          assert.deepEqual(failed, []);
          assert.ok((data.metrics.http_reqs?.values.count ?? 0) > 0, 'requests were sent');
          for (const check of data.root_group?.checks ?? []) assert.equal(check.fails, 0, check.name);
          assert.equal(data.token_suite.collisionScope, 'per-vu');
          assert.match(exit.stdout, /token collisions: checked within each VU only/);
        },
      );
    }

    it('refresh-chain fails rotation_replay_accepted (exit 99) on a server that accepts replayed tokens', async () => {
      const { exit, failed } = await run('refresh-chain', 'replay-accepted');
      assert.equal(exit.code, 99, shown(exit));
      assert.ok(failed.includes('rotation_replay_accepted: count==0'), failed.join(', '));
      assert.ok(failed.includes('checks: rate>=0.99'), 'the replay check failed too');
    });

    it(
      'refresh-chain with a declared 1 s grace still fails rotation_replay_accepted there: ' +
        'on replays of tokens rotated out over 1 s before',
      async () => {
        const grace = {
          TOKEN_SUITE_ROTATION_GRACE_SECONDS: '1',
          PROFILE: 'throughput',
          TOKEN_SUITE_LOAD_DURATION: '3s',
        };
        const { exit, data, failed } = await run('refresh-chain', 'replay-accepted', grace);
        assert.equal(exit.code, 99, shown(exit));
        assert.ok(failed.includes('rotation_replay_accepted: count==0'), failed.join(', '));
        const count = (metric: string) => data.metrics[metric]?.values.count ?? 0;
        assert.ok(count('rotation_replays_outside_grace') > 0 && count('rotation_replays_in_grace') > 0, shown(exit));
        assert.equal(count('rotation_replay_accepted'), count('rotation_replays_outside_grace'));
      },
    );

    it('race fails rotation_race_double_win (exit 99) when concurrent refreshes of one token both win', async () => {
      const { exit, failed } = await run('race', 'refresh-race');
      assert.equal(exit.code, 99, shown(exit));
      assert.ok(failed.includes('rotation_race_double_win: count==0'), failed.join(', '));
    });

    it('race also fails rotation_race_double_win on the replay-accepting server (every racer wins there)', async () => {
      const { exit, failed } = await run('race', 'replay-accepted');
      assert.equal(exit.code, 99, shown(exit));
      assert.ok(failed.includes('rotation_race_double_win: count==0'), failed.join(', '));
    });

    it(
      '`k6 run mix.js` writes files named per run into reports/k6, never the current directory, ' +
        'and a console summary',
      async () => {
        const cwd = mkdtempSync(join(out, 'cwd-'));
        mkdirSync(join(cwd, 'reports', 'k6'), { recursive: true });
        const { readdirSync } = await import('node:fs');
        const runs = [];
        for (let i = 0; i < 2; i += 1) {
          runs.push(await k6(k6Path, ['run', '--quiet', bundle('mix')], { BASE_URL: servers.reference!.url }, cwd));
          if (i === 0) await new Promise((resolve) => setTimeout(resolve, 1100)); // a run's name has its second
        }
        for (const exit of runs) assert.equal(exit.code, 0, shown(exit));
        const files = readdirSync(join(cwd, 'reports', 'k6')).sort();
        const named = /^mix-\d{8}T\d{6}Z-(summary\.json|junit\.xml)$/;
        assert.equal(files.length, 4, `two runs, two files each: ${files.join(', ')}`);
        for (const file of files) assert.match(file, named);
        assert.deepEqual(readdirSync(cwd), ['reports'], 'nothing written into the current directory');
        assert.match(runs[0]!.stdout, /summary files: reports\/k6\/mix-\d{8}T\d{6}Z-summary\.json/);
        // The console summary k6's own would have given: requests and their rate, latency per endpoint.
        assert.match(runs[0]!.stdout, /\d+ requests \([\d.]+\/s\), \d+ iterations/);
        assert.match(runs[0]!.stdout, /token +med [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms, max/);
        assert.match(runs[0]!.stdout, /refresh +med [\d.]+ ms, p95/);
      },
    );
  });
});
