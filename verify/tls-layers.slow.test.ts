// All three layers over HTTPS with a private CA (--ca-file), with each engine (k6 found on the PATH; its half
// skipped with the enabling line without one): exit 0 (or 3 for LOAD-06 alone, a short run's noise), so this
// runs with the files judged on time, nothing beside it. The TLS settings and mistakes themselves: tls.slow.test.ts.
import assert from 'node:assert/strict';
import { runCli } from '../testing/cli.ts';
import { k6OrSkip } from '../testing/k6.ts';
import { startServer, type Running } from '../testing/reference-server.ts';
import { passedButLoad06, readSummary, tempDir } from '../testing/reports.ts';
import { makeTlsFixtures, type TlsFixtures } from '../testing/tls-fixtures.ts';

describe('HTTPS targets with a private CA: every layer', function () {
  this.timeout(120_000);
  let tls: TlsFixtures;
  let server: Running;
  before(async () => {
    tls = makeTlsFixtures();
    server = await startServer({ tls: { cert: tls.pem.serverCert, key: tls.pem.serverKey } });
  });
  after(() => server.stop());

  for (const engine of ['node', 'k6'] as const) {
    it(`--ca-file: all three layers pass with the ${engine} engine, the load over TLS`, async function () {
      if (engine === 'k6') k6OrSkip(this);
      const dir = tempDir();
      const args = ['--base-url', server.url, '--ca-file', tls.caFile, '--engine', engine, '--duration', '4'];
      const run = await runCli(['verify', ...args, '--report-dir', dir]);
      const summary = readSummary(dir);
      // Exit 0; or 3 with LOAD-06 alone inconclusive (a 4 s run's noise on a shared machine).
      assert.ok(passedButLoad06(run.code, summary), run.stdout + run.stderr);
      assert.equal(summary.load?.engine, engine);
      assert.ok(Number(summary.load?.requests) > 100, `${String(summary.load?.requests)} load requests`);
    });
  }
});
