// Hostile targets (issue: verify always ends bounded, with its reports): each run must end within its
// bound, below the memory bound, with three valid reports and no secret in any output. The bounds catch a
// hang or a leak (at least 3x what a normal run takes); they are not performance targets.
import assert from 'node:assert/strict';
import { DOCUMENTED_CREDENTIALS } from '../schemas/documented-api.ts';
import { startBase64TokenProxy } from '../testing/base64-token-proxy.ts';
import { peakMiB, runCli, type CliRun } from '../testing/cli.ts';
import { startHostile, type Hostility } from '../testing/hostile-servers.ts';
import { assertNoSecret, assertReportsWritten } from '../testing/report-checks.ts';
import { readSummary, tempDir } from '../testing/reports.ts';

/** A normal conformance run of this kind takes under 20 s and about 165 MiB (peak RSS) on a busy 2-core machine. */
const WALL_BOUND_MS = 60_000;
const MEMORY_BOUND_MIB = 500;

async function verifyHostile(url: string, env: NodeJS.ProcessEnv = {}): Promise<{ run: CliRun; dir: string }> {
  const dir = tempDir();
  const args = ['verify', '--only', 'conformance', '--base-url', url, '--report-dir', dir, '--timeout', '1000'];
  const run = await runCli(args, env, { measured: true, timeoutMs: 3 * WALL_BOUND_MS });
  assert.ok(run.ms < WALL_BOUND_MS, `took ${Math.round(run.ms)} ms`);
  assert.ok(peakMiB(run) < MEMORY_BOUND_MIB, `peak ${Math.round(peakMiB(run))} MiB`);
  assertReportsWritten(dir);
  return { run, dir };
}

describe('hostile targets: verify ends bounded, with valid reports and no secret', function () {
  this.timeout(4 * WALL_BOUND_MS);

  const cases: [Hostility, number[], RegExp][] = [
    ['endless-raw', [0, 1, 3], /bogus chunked encoding/],
    ['drip-raw', [0, 1, 3], /Content-Length larger than the body/],
    ['gzip-bomb', [1], /more than \d+ bytes, cut/],
    ['endless-body', [1], /more than \d+ bytes, cut/],
    ['close-mid-body', [1], /closed without an answer|aborted|ECONNRESET/i],
    ['reset-mid-answer', [1], /closed without an answer|aborted|ECONNRESET/i],
    ['redirect', [1], /307/],
  ];
  for (const [kind, codes, evidence] of cases) {
    it(`${kind}: exit ${codes.join(' or ')}, the evidence says what happened`, async () => {
      const server = await startHostile(kind);
      try {
        const { run, dir } = await verifyHostile(server.url);
        assert.ok(codes.includes(run.code ?? -1), `exit ${run.code}: ${run.stderr.slice(-400)}`);
        assert.match(JSON.stringify(readSummary(dir).requirements), evidence);
        assertNoSecret(dir, run.stdout + run.stderr, [DOCUMENTED_CREDENTIALS.password]);
      } finally {
        await server.stop();
      }
    });
  }

  it('a short password (Q7!) echoed in every error is never printed, in any encoding', async () => {
    const seed = { clients: [DOCUMENTED_CREDENTIALS.clientId], users: [{ username: 'short', password: 'Q7!' }] };
    const server = await startHostile('echo-password', { seed });
    try {
      const { run, dir } = await verifyHostile(server.url, {
        TOKEN_SUITE_USERNAME: 'short',
        TOKEN_SUITE_PASSWORD: 'Q7!',
      });
      assert.equal(run.code, 1, run.stderr.slice(-400));
      assertNoSecret(dir, run.stdout + run.stderr, ['Q7!', 'Q7%21']);
    } finally {
      await server.stop();
    }
  });

  for (const password of ['pass', 'null', '2026']) {
    it(`a correct server whose password is '${password}': exit 0, reports valid`, async () => {
      const seed = { clients: [DOCUMENTED_CREDENTIALS.clientId], users: [{ username: 'plain', password }] };
      const server = await startHostile('echo-password', { seed });
      try {
        const { run } = await verifyHostile(server.url, {
          TOKEN_SUITE_USERNAME: 'plain',
          TOKEN_SUITE_PASSWORD: password,
        });
        assert.ok([0, 1].includes(run.code ?? -1), run.stderr.slice(-400));
      } finally {
        await server.stop();
      }
    });
  }

  it('tokens in standard base64 (+ and /) reflected in errors are never printed whole', async () => {
    const proxy = await startBase64TokenProxy();
    try {
      const { run, dir } = await verifyHostile(proxy.url);
      assert.ok(proxy.issued.size > 50, `${proxy.issued.size} tokens issued`);
      assertNoSecret(dir, run.stdout + run.stderr, proxy.issued);
    } finally {
      await proxy.stop();
    }
  });
});
