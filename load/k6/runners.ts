// verify --engine k6 --runners N: a local rehearsal of a k6-operator run with `parallelism: N`. N real k6
// processes, each with the execution segment the operator would give its pod (invocation.ts), report to one
// collector (collect/), which judges the run once, as `token-suite collect` judges an operator run. A runner
// whose k6 dies, fails or hits a script exception leaves its share unjudged: every requirement that would
// pass is inconclusive, naming it (collect/judge.ts).
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LayerContext, LayerOutcome } from '../../verdict/types.ts';
import type { LoadSettings } from '../settings.ts';
import { judgeMerge } from './collect/judge.ts';
import { RunMerge } from './collect/merge.ts';
import { CollectServer } from './collect/server.ts';
import { segmentsOf } from './collect/wire.ts';
import type { K6Plan } from './engine.ts';
import { k6Env, k6RunArgs } from './invocation.ts';
import { k6Errors, k6Reason, runK6, type K6Exit } from './process.ts';

type Context = Pick<LayerContext, 'durationSeconds' | 'signal' | 'log'>;

/** How long after the planned duration the collector waits for a runner's end before judging without it. */
const GRACE_SECONDS = 120;

export async function runnersOutcome(plan: K6Plan, settings: LoadSettings, context: Context): Promise<LayerOutcome> {
  const count = settings.runners;
  const ids = segmentsOf(count);
  const runId = randomUUID();
  const merge = new RunMerge({ runId, runners: ids, uniqueCapacity: settings.uniqueCapacity });
  const server = new CollectServer({
    merge,
    host: '127.0.0.1',
    port: 0,
    deadlineMs: (context.durationSeconds + GRACE_SECONDS) * 1000,
    log: (line) => context.log(`  ${line}`),
    signal: context.signal,
  });
  const url = await server.listen();
  context.log(
    `  ${plan.version} (${plan.k6}), ${count} runners (execution segments ${ids.join(', ')}), ` +
      `${plan.vars.PROFILE} profile, ${settings.connections} VUs in all, ${context.durationSeconds} s against ` +
      settings.flows.baseUrl,
  );
  try {
    const runs = ids.map((id, index) => runOne(plan, { id, index, count, url, runId }, context));
    void Promise.all(runs).then(() => server.end('all ended'));
    const exits = await Promise.all(runs);
    await server.ended;
    exits.forEach((exit, index) => note(merge, ids[index] as string, exit));
    const { requirements, load } = judgeMerge(merge, settings, context.signal.aborted, context.durationSeconds);
    return { requirements, load: load as unknown as Record<string, unknown> };
  } finally {
    plan.clear();
    await server.close();
  }
}

interface Runner {
  id: string;
  index: number;
  count: number;
  url: string;
  runId: string;
}

function runOne(plan: K6Plan, runner: Runner, context: Context): Promise<K6Exit> {
  const dir = join(plan.dir, `runner-${runner.index + 1}`);
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'mix-k6.log');
  const args = k6RunArgs({
    version: plan.parsedVersion,
    bundle: plan.bundle,
    vars: { ...plan.vars, TOKEN_SUITE_LOAD_SUMMARY_DIR: dir, TOKEN_SUITE_K6_COLLECTOR_URL: runner.url },
    segment: { index: runner.index, count: runner.count },
  });
  return runK6(plan.k6, args, {
    env: k6Env({ ...plan.env, TOKEN_SUITE_RUN_ID: runner.runId }),
    signal: context.signal,
    onStderr: (line) => appendFileSync(log, `${line}\n`),
  }).catch((error: Error) => ({
    code: null,
    signal: null,
    stdout: '',
    stderr: [`k6 did not start: ${error.message}`],
  }));
}

/** What the runner's k6 process did, for the judge: how it ended, and a fault when it failed. */
function note(merge: RunMerge, id: string, exit: K6Exit): void {
  const runner = merge.runners.get(id);
  if (!runner) return;
  runner.exit = exit.signal ? `was ended by ${exit.signal}` : `exited with ${exit.code}`;
  // 0: thresholds met; 99: some failed (judged by the collector from the evidence); else k6 failed.
  const exceptions = k6Errors(exit.stderr).filter((line) => /\bsource=stacktrace\b/.test(line));
  if (exit.code !== 0 && exit.code !== 99 && !exit.signal)
    runner.fault = `its k6 exited with ${exit.code}: ${k6Reason(exit)}`;
  else if (exceptions.length > 0)
    runner.fault = `${exceptions.length} iteration(s) stopped on a script exception, so their checks did not run`;
}
