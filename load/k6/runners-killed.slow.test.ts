// A k6-operator run rehearsed with real k6 (found on the PATH; skipped with the enabling line without one):
// a runner killed mid-run makes the run inconclusive (exit 3), naming the runner, never a pass, with
// `verify --runners` and with `token-suite collect` and runners started apart from it, as the k6-operator
// starts them. (Four runners catching what one k6 catches: runners.slow.test.ts.)
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { close, listen } from '../../servers/reference/index.ts';
import { createServerByName } from '../../servers/by-name.ts';
import { k6OrSkip } from '../../testing/k6.ts';
import { buildK6 } from './build.ts';
import { checkVersion } from './check.ts';
import { bundleFormat, k6Env, k6RunArgs } from './invocation.ts';
import { findK6, runK6 } from './process.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The k6 child of process `parent` whose command line holds `marker`, once one runs; throws when `parent`
 * has ended or none appears within a minute (a usage error exits before any k6 starts). */
async function childK6(parent: { pid: number; ended: () => boolean; stdout: () => string }, marker: string) {
  for (const deadline = Date.now() + 60_000; ;) {
    if (parent.ended() || Date.now() > deadline)
      throw new Error(`no k6 child '${marker}' of token-suite ${parent.pid}: ${parent.stdout()}`);
    let out = '';
    try {
      out = execFileSync('pgrep', ['-P', String(parent.pid), '-f', marker], { encoding: 'utf8' });
    } catch {
      /* none yet */
    }
    const pid = Number(out.split('\n')[0]);
    if (pid) return pid;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `token-suite <args>` in a child process; resolves with its exit code and stdout. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/main.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let ended = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exit = new Promise<{ code: number | null; stdout: string }>((resolve) =>
    child.once('close', (code) => {
      ended = true;
      resolve({ code, stdout });
    }),
  );
  return { pid: child.pid as number, exit, stdout: () => stdout, ended: () => ended };
}

/** Resolves once `what` holds; throws when `process` has ended first or a minute has passed. */
async function until(what: () => boolean, process: { ended: () => boolean; stdout: () => string }, name: string) {
  for (const deadline = Date.now() + 60_000; !what(); await new Promise((r) => setTimeout(r, 200)))
    if (process.ended() || Date.now() > deadline) throw new Error(`never ${name}: ${process.stdout()}`);
}

/** Latency is not what the killed-runner tests are about: on a busy machine a p95 must not decide them. The
 * loosest values the suite accepts (a p95 below the 5 s request timeout, a factor of at most 10). */
const LENIENT = {
  TOKEN_SUITE_LOAD_P95_TOKEN_MS: '4900',
  TOKEN_SUITE_LOAD_P95_REFRESH_MS: '4900',
  TOKEN_SUITE_LOAD_DEGRADATION_FACTOR: '10',
};

const summaryOf = (reportDir: string) => JSON.parse(readFileSync(join(reportDir, 'summary.json'), 'utf8')) as Summary;

interface Summary {
  requirements: { id: string; status: string; evidence: string[] }[];
  load: { runners: { runner: string; state: string; tokens: number }[] };
}

describe('k6 runners: one killed mid-run is never a pass', function () {
  this.timeout(900_000);
  const dir = mkdtempSync(join(tmpdir(), 'token-suite-runners-'));
  before(function () {
    k6OrSkip(this);
  });

  it('verify --runners 2 with one runner killed mid-run: exit 3, naming the runner, never a pass', async () => {
    const server = createServerByName('reference', { scryptCost: 1024 });
    const url = await listen(server);
    const reportDir = join(dir, 'killed-verify');
    try {
      const run = cli(
        ['verify', '--base-url', url, '--only', 'load', '--engine', 'k6', '--runners', '2', '--duration', '12'],
        { ...LENIENT, TOKEN_SUITE_RUN_DEADLINE: '600', TOKEN_SUITE_REPORT_DIR: reportDir },
      );
      const victim = await childK6(run, 'runner-2');
      await new Promise((resolve) => setTimeout(resolve, 5000)); // mid-run: k6 starts in about a second
      process.kill(victim, 'SIGKILL');
      assert.equal((await run.exit).code, 3, run.stdout());
      const summary = summaryOf(reportDir);
      assert.ok(summary.requirements.every((r) => r.status !== 'pass'));
      assert.ok(
        summary.requirements.some((r) => r.evidence.some((e) => e.includes('runner 1/2:1') && e.includes('SIGKILL'))),
        run.stdout(),
      );
    } finally {
      await close(server);
    }
  });

  it('collect, runners started apart: one killed mid-run is exit 3 naming it; unkilled, both finish', async () => {
    const server = createServerByName('reference', { scryptCost: 1024 });
    const url = await listen(server);
    const k6 = findK6() as string;
    const { version } = await checkVersion(k6);
    // The format the engine gives this k6, as the operator's runners get it (CommonJS before v0.53: 6 s less
    // start-up per runner on v0.49).
    const [bundle] = (await buildK6(join(dir, 'bundle'), ['mix'], bundleFormat(version))) as [string];
    try {
      for (const kill of [true, false]) {
        const reportDir = join(dir, kill ? 'collect-killed' : 'collect-whole');
        const port = String(20_000 + Math.floor(Math.random() * 20_000));
        const collector = cli(['collect', '--listen', `127.0.0.1:${port}`, '--runners', '2', '--run-id', 'rehearsal'], {
          ...LENIENT,
          TOKEN_SUITE_REPORT_DIR: reportDir,
          // The killed runner never sends its end: the collector judges at this deadline (15 s runs, a second of
          // k6 start-up, twice over for a busy machine); unkilled, both end long before it (the test's own wait is
          // that, not the bound).
          TOKEN_SUITE_COLLECT_DEADLINE: kill ? '30' : '90',
        });
        await until(() => collector.stdout().includes('collector: listening'), collector, 'listening');
        const runners = [0, 1].map((index) => {
          const summaryDir = join(dir, `collect-${kill}-${index}`);
          mkdirSync(summaryDir, { recursive: true });
          const args = k6RunArgs({
            version,
            bundle,
            vars: {
              BASE_URL: url,
              PROFILE: 'throughput',
              TOKEN_SUITE_LOAD_VUS: '4',
              TOKEN_SUITE_LOAD_DURATION: '15s',
              TOKEN_SUITE_LOAD_SUMMARY_DIR: summaryDir,
              ...LENIENT,
            },
            segment: { index, count: 2 },
          });
          const env = k6Env({
            ...process.env,
            TOKEN_SUITE_K6_COLLECTOR_URL: `http://127.0.0.1:${port}`,
            TOKEN_SUITE_RUN_ID: 'rehearsal',
          });
          return runK6(k6, args, { env, ...(kill && index === 1 ? { timeoutMs: 8000 } : {}) });
        });
        await Promise.all(runners);
        const { code, stdout } = await collector.exit;
        const summary = summaryOf(reportDir);
        const states = summary.load.runners.map((r) => `${r.runner} ${r.state}`);
        if (kill) {
          assert.equal(code, 3, stdout);
          assert.ok(summary.requirements.every((r) => r.status !== 'pass'));
          assert.match(stdout, /MISSING: runner 1\/2:1 (stopped mid-run|never reported)/);
          assert.equal(states[0], '0:1/2 finished');
          assert.match(states[1] ?? '', /^1\/2:1 (unfinished|silent)$/);
        } else {
          assert.deepEqual(states, ['0:1/2 finished', '1/2:1 finished'], stdout);
          assert.ok(!/MISSING: runner/.test(stdout), stdout);
          // Whole evidence: nothing is missing from the judgement (the merged flow counters included).
          const missing = summary.requirements.flatMap((r) => r.evidence).filter((e) => e.startsWith('MISSING'));
          assert.deepEqual(missing, []);
          assert.ok(summary.load.runners.every((r) => r.tokens > 0));
        }
      }
    } finally {
      await close(server);
    }
  });
});
