// The baseline comparison end to end, through the real CLI, on a busy machine (a busy loop beside every run):
// A/A pairs of the reference server are never a regression (compare and verify --baseline); a server made
// uniformly 2× slower is, naming the endpoint and the figure (exit 1); broken files and a baseline the run would
// overwrite are exit 2, and the baseline is left as it was. The first run (the A of every A/A pair, and the
// baseline of the 2× slower server) holds each answer 50 ms, as a server with work of its own does: a
// CPU-bound A/A pair on these 2 shared cores once moved 25% from one run to the next, evenly over all 10 s,
// with no neighbour the sampler saw (a rehearsal, 2026-12-03): an offset between runs that no interval from
// one run's seconds can know (docs/baseline.md: Noise).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../testing/cli.ts';
import { freePort, startSlowed } from '../testing/slowed-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'baseline-cli-'));
const LOAD = ['--only', 'load', '--quiet', '--engine', 'node', '--duration', '10', '--connections', '32'];
const REGRESSION = /FAIL BASE-0[124]|REGRESSION/;
/** The A/A server's service time per answer (the header says why). */
const AA_SERVICE_MS = 50;

describe('verify --baseline and compare, end to end on a busy machine', function () {
  this.timeout(900_000);
  let busy: ChildProcess;
  let port: number;
  /** The first run: the A/A pairs' A, and the baseline the 2× slower server is compared with. */
  let a: Awaited<ReturnType<typeof run>>;
  before(async () => {
    busy = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
    port = await freePort();
    a = await run('a', 1);
  });
  after(() => busy.kill());

  /** One load run against the reference server (AA_SERVICE_MS per answer, made `factor`× slower). */
  async function run(name: string, factor: number, extra: string[] = []) {
    const server = await startSlowed(factor, { baseMs: AA_SERVICE_MS, port });
    try {
      const reportDir = join(dir, name);
      const result = await runCli(['verify', ...LOAD, '--base-url', server.url, '--report-dir', reportDir, ...extra]);
      return { ...result, file: join(reportDir, 'summary.json') };
    } finally {
      await server.stop();
    }
  }

  it('A/A pairs of the reference server, back to back: no regression (compare, verify --baseline)', async () => {
    assert.ok(a.code === 0 || a.code === 3, a.stdout + a.stderr);
    for (const name of ['b', 'c']) {
      const b = await run(name, 1);
      const compared = await runCli(['compare', a.file, b.file]);
      assert.ok(compared.code === 0 || compared.code === 3, compared.stdout + compared.stderr);
      assert.doesNotMatch(compared.stdout, REGRESSION);
    }
    const verified = await run('d', 1, ['--baseline', a.file]);
    assert.ok(verified.code === 0 || verified.code === 3, verified.stdout + verified.stderr);
    const summary = JSON.parse(readFileSync(verified.file, 'utf8')) as {
      requirements: { id: string; status: string }[];
    };
    assert.deepEqual(
      summary.requirements.filter((r) => r.id.startsWith('BASE-') && r.status === 'fail'),
      [],
    );
  });

  it('a server made uniformly 2× slower: exit 1 naming endpoint and figure (verify --baseline, compare)', async () => {
    const slow = await run('slow', 2, ['--baseline', a.file]);
    assert.equal(slow.code, 1, slow.stdout + slow.stderr);
    assert.match(slow.stdout, /(token|refresh) (p50|p95) latency: .* → .*: regression \(tolerance \+25%\)/);
    const compared = await runCli(['compare', a.file, slow.file]);
    assert.equal(compared.code, 1, compared.stdout + compared.stderr);
    assert.match(compared.stdout, /FAIL BASE-01 .*\n {2}(token|refresh) (p50|p95) latency: /);
  });

  it('broken files: exit 2, one sentence naming the file; a baseline the run would overwrite is refused', async () => {
    const missing = await runCli(['compare', join(dir, 'nope.json'), join(dir, 'nope2.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^token-suite: .*nope\.json: no such file/m);
    const future = join(dir, 'future.json');
    writeFileSync(future, JSON.stringify({ schemaVersion: 99, tool: { name: 'token-suite', version: '9.0.0' } }));
    const newer = await runCli(['compare', future, future]);
    assert.equal(newer.code, 2);
    assert.match(newer.stderr, /future\.json: was written by a newer token-suite \(9\.0\.0\)/);
    const reports = join(dir, 'own');
    const own = join(reports, 'summary.json');
    await runCli(['verify', '--only', 'conformance', '--quiet', '--report-dir', reports]).then(() => undefined);
    copyFileSync(own, join(dir, 'own-copy.json'));
    const refused = await runCli(['verify', '--only', 'load', '--baseline', own, '--report-dir', reports]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is this run's own summary\.json .* would overwrite/);
    assert.equal(readFileSync(own, 'utf8'), readFileSync(join(dir, 'own-copy.json'), 'utf8'), 'the baseline changed');
  });
});
