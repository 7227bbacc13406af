// `token-suite verify --only load` against a slow server (every answer held 150 ms), with each engine (k6
// found on the PATH; its half skipped with the enabling line without one). A 4 s load meets the
// requirements' minimums only by chance (exit 0 or 3 from one run to the next, issue 23):
// - without an extension (--max-duration 0): exit 3, the requirements short of a minimum saying how long a
//   run at the measured rates needs, and the console "run with --duration N";
// - with the default bound: the load goes on (Node) or runs once more (k6) until the minimums are met:
//   exit 0, summary.json's load.extension and the console saying when and why.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../testing/cli.ts';
import { k6OrSkip } from '../testing/k6.ts';
import { passedButLoad06, readSummary } from '../testing/reports.ts';
import { startSlowed, type Slowed } from '../testing/slowed-server.ts';
import type { Summary } from '../verdict/summary.ts';
import type { RequirementResult } from '../verdict/types.ts';
import type { LoadReport } from './report/load-report.ts';

const SLOW_MS = 150;

interface Outcome {
  code: number | null;
  stdout: string;
  summary: Summary;
  load: LoadReport;
  requirements: RequirementResult[];
}

async function verify(url: string, args: string[]): Promise<Outcome> {
  const reportDir = mkdtempSync(join(tmpdir(), 'minimums-'));
  const run = await runCli(
    ['verify', '--only', 'load', '--base-url', url, '--report-dir', reportDir, '--duration', '4', ...args],
    {},
    { timeoutMs: 240_000 },
  );
  const summary = readSummary(reportDir);
  const load = summary.load as unknown as LoadReport;
  return { code: run.code, stdout: run.stdout, summary, load, requirements: summary.requirements };
}

const shown = (o: Outcome) => `exit ${o.code}\n${o.stdout}`;

for (const engine of ['node', 'k6'] as const) {
  describe(`verify --only load against a ${SLOW_MS} ms server (${engine} engine)`, function () {
    this.timeout(300_000);
    let server: Slowed;
    before(async function () {
      if (engine === 'k6') k6OrSkip(this);
      server = await startSlowed(1, { baseMs: SLOW_MS });
    });
    after(() => server?.stop());

    it('--duration 4 --max-duration 0: exit 3, saying how long a run needs', async () => {
      const o = await verify(server.url, ['--engine', engine, '--max-duration', '0']);
      assert.equal(o.code, 3, shown(o));
      assert.equal(o.load.extension?.extended ?? false, false);
      const short = o.requirements.filter((r) => r.status === 'inconclusive');
      assert.ok(short.length > 0, shown(o));
      for (const r of short.filter((q) => o.load.minimums?.short.some((s) => s.requirement === q.id)))
        assert.match(r.evidence.join('\n'), /a run needs ~\d+ s: run with --duration \d+/, shown(o));
      assert.match(o.stdout, /minimums not met: at the rates measured a run needs ~\d+ s: run with --duration \d+/);
    });

    it('--duration 4 with the default bound: extended until the minimums are met, exit 0', async () => {
      const o = await verify(server.url, ['--engine', engine]);
      // Exit 3 only for LOAD-06 on a busy machine (a neighbour arrived, noise), never for want of evidence.
      assert.ok(passedButLoad06(o.code, o.summary), shown(o));
      const e = o.load.extension;
      assert.deepEqual([e?.extended, e?.ended, e?.bound_s], [true, 'met', 60], shown(o));
      assert.ok((e?.short_at_duration.length ?? 0) > 0);
      assert.ok(o.load.duration_s > 4, shown(o));
      assert.deepEqual(o.load.minimums?.short, []);
      assert.match(o.stdout, engine === 'node' ? /load: extended from 4 s to [\d.]+ s/ : /k6 runs once more/, shown(o));
    });
  });
}
