// The built k6 bundles, executed by the harness over real HTTP: they pass against the reference
// server and their rotation thresholds fail against servers with rotation bugs.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Server } from 'node:http';
import { buildK6, k6Entries } from '../engine/k6-build.ts';
import { close, createTokenServer, listen } from '../../server/index.ts';
import { createFakeServer, listenFake, type FakeFlaws } from '../../testing/fake-token-server.ts';
import { runBundle, type HarnessResult } from './run-bundle.ts';
import { importedModules, syntaxNewerThanEs2017 } from './syntax.ts';

const quiet = { stdout: () => undefined };

describe('k6 bundles (executed by the harness)', function () {
  let out: string;
  let bundles: string[];
  let reference: Server;
  let referenceUrl: string;

  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'token-suite-bundles-'));
    bundles = await buildK6(out);
    reference = createTokenServer();
    referenceUrl = await listen(reference);
  });
  after(async () => {
    await close(reference);
    rmSync(out, { recursive: true, force: true });
  });

  const bundle = (name: string) => join(out, `${name}.js`);
  const run = (name: string, baseUrl: string, env: Record<string, string> = {}): Promise<HarnessResult> =>
    runBundle(bundle(name), {
      ...quiet,
      cwd: out,
      env: { BASE_URL: baseUrl, TOKEN_SUITE_LOAD_SUMMARY_DIR: out, ...env },
    });

  async function withFake(flaws: FakeFlaws, body: (url: string) => Promise<void>): Promise<void> {
    const server = createFakeServer(flaws);
    try {
      await body(await listenFake(server));
    } finally {
      server.close();
      server.closeAllConnections();
    }
  }

  it('builds one bundle per load/k6/*.load.ts entry', () => {
    assert.deepEqual(
      bundles.map((b) => basename(b)).sort(),
      k6Entries()
        .map((e) => basename(e).replace('.load.ts', '.js'))
        .sort(),
    );
  });

  it('emits bundles that import only k6 modules and use no syntax newer than ES2017 (k6 v0.49+)', () => {
    for (const file of bundles) {
      const source = readFileSync(file, 'utf8');
      assert.deepEqual(
        importedModules(source).filter((m) => m !== 'k6' && !m.startsWith('k6/')),
        [],
        file,
      );
      assert.deepEqual(syntaxNewerThanEs2017(source), [], file);
      assert.doesNotMatch(source, /new Function|\beval\(|https?:\/\/jslib/, file);
    }
  });

  for (const name of ['refresh-chain', 'race', 'password', 'mix']) {
    it(`passes every threshold and check of ${name} against the reference server`, async () => {
      const result = await run(name, referenceUrl, name === 'mix' ? { TOKEN_SUITE_LOAD_ITERATIONS: '6' } : {});
      assert.deepEqual(result.failedThresholds, []);
      assert.deepEqual(result.errors, []);
      assert.ok(result.data.metrics.http_reqs!.values.count! > 0, 'requests were sent');
      for (const check of result.data.root_group.checks) assert.equal(check.fails, 0, check.name);
    });
  }

  it('fails the replay and family thresholds of refresh-chain when the server accepts replayed refresh tokens', async () => {
    await withFake({ acceptReplays: true }, async (url) => {
      const result = await run('refresh-chain', url);
      assert.equal(result.exitCode, 99);
      assert.ok(
        result.failedThresholds.includes('rotation_replay_accepted: count==0'),
        result.failedThresholds.join(', '),
      );
      assert.ok(result.failedThresholds.includes('rotation_family_survived_replay: count==0'));
    });
  });

  it('fails the double-win threshold of race when two concurrent refreshes of one token both win', async () => {
    await withFake({ raceWindowMs: 30 }, async (url) => {
      const result = await run('race', url);
      assert.equal(result.exitCode, 99);
      assert.ok(
        result.failedThresholds.includes('rotation_race_double_win: count==0'),
        result.failedThresholds.join(', '),
      );
    });
  });

  it('writes the summary as JSON and JUnit, the JUnit naming each failed threshold', async () => {
    await withFake({ acceptReplays: true }, async (url) => {
      await run('refresh-chain', url);
      const summary = JSON.parse(readFileSync(join(out, 'refresh-chain-summary.json'), 'utf8')) as {
        token_suite: { scenario: string };
      };
      assert.equal(summary.token_suite.scenario, 'refresh-chain');
      assert.match(
        readFileSync(join(out, 'refresh-chain-junit.xml'), 'utf8'),
        /<failure message="rotation_replay_accepted count==0 not met"\/>/,
      );
    });
  });
});
