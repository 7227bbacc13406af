// --engine k6: the mix bundle, built for this run into <report-dir>/k6 (never a stale dist/), checked on
// the user's k6 (version >= 0.49, `k6 inspect` initialises it), then run with the suite's collector
// beside it. The result is a LoadReport like the Node engine's, judged on what k6 and the collector counted
// even when k6 failed mid-run (the failure, with k6's own stderr lines, comes beside it).
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LayerContext } from '../../verdict/types.ts';
import { k6LoadReport, type K6Summary } from './report.ts';
import type { LoadReport } from '../report/load-report.ts';
import { buildK6 } from './build.ts';
import { checkBundle, checkVersion } from './check.ts';
import { bundleFormat, k6Env, k6RunArgs, type K6Version } from './invocation.ts';
import { Collector, type CollectorView } from './collector.ts';
import { k6Errors, k6Reason, runK6 } from './process.ts';
import type { LoadSettings } from '../settings.ts';
import { k6Tls } from './tls.ts';
import { ContentionSampler } from '../measure/contention-sampler.ts';
import { windowMsFor } from '../measure/recorder.ts';
import { targetProcesses } from '../measure/target-process.ts';
import { k6Rate } from './scripts/lib/rate.ts';

export { findK6 } from './process.ts';

type Context = Pick<LayerContext, 'durationSeconds' | 'reportDir' | 'signal' | 'log'>;

export interface K6Plan {
  k6: string;
  /** k6's version line, and the version it names. */
  version: string;
  parsedVersion: K6Version;
  bundle: string;
  dir: string;
  vars: Record<string, string>;
  env: NodeJS.ProcessEnv;
  /** A fixed number of VUs (rate 0): throughput over the run can be compared (LOAD-06). */
  steady: boolean;
  /** Removes what the plan wrote outside the report directory (TLS material). */
  clear: () => void;
}

export interface K6Result {
  report: LoadReport;
  summary: K6Summary;
  collector: CollectorView;
  /** k6 did not finish the run cleanly: why, and k6's own lines. What it counted is still judged. */
  failure: K6Failure | null;
  /** Iterations that ended on a script exception, with k6's lines: evidence for LOAD-01. */
  exceptions: string[];
}

export interface K6Failure {
  message: string;
  lines: string[];
}

const NAME = 'mix';
const THREW = 'a flow ran to its end (no script exception)';

/** Builds the bundle into <report-dir>/k6 and checks that this k6 runs it; throws K6Unusable otherwise. */
export async function prepareK6(k6: string, settings: LoadSettings, context: Context): Promise<K6Plan> {
  const { line: version, version: parsedVersion } = await checkVersion(k6);
  const dir = join(context.reportDir, 'k6');
  mkdirSync(dir, { recursive: true });
  for (const file of ['summary.json', 'junit.xml', 'k6.log']) rmSync(join(dir, `${NAME}-${file}`), { force: true });
  const [bundle] = await buildK6(dir, [NAME], bundleFormat(parsedVersion));
  const tls = k6Tls(settings.tls);
  const plan: K6Plan = {
    k6,
    version,
    parsedVersion,
    bundle: bundle as string,
    dir,
    vars: { ...varsFor(settings, context, dir), ...tls.vars },
    // Credentials reach k6 through its environment (k6 reads system env vars), never its command line.
    env: {
      ...process.env,
      ...tls.env,
      TOKEN_SUITE_CLIENT_ID: settings.flows.users[0]?.clientId,
      TOKEN_SUITE_USERNAME: settings.flows.users[0]?.username,
      TOKEN_SUITE_PASSWORD: settings.flows.users[0]?.password,
      K6_NO_USAGE_REPORT: 'true',
    },
    steady: settings.rate === 0,
    clear: tls.clear,
  };
  try {
    await checkBundle(k6, plan.bundle, plan.vars, plan.env);
  } catch (error) {
    plan.clear();
    throw error;
  }
  return plan;
}

function varsFor(settings: LoadSettings, context: Context, dir: string): Record<string, string> {
  const { flows } = settings;
  return {
    BASE_URL: flows.baseUrl,
    PROFILE: settings.rate > 0 ? 'load' : 'throughput',
    TOKEN_SUITE_LOAD_DURATION: `${context.durationSeconds}s`,
    TOKEN_SUITE_LOAD_VUS: String(settings.connections),
    TOKEN_SUITE_LOAD_SUMMARY_DIR: dir,
    TOKEN_SUITE_LOAD_P95_TOKEN_MS: String(settings.thresholds.p95TokenMs),
    TOKEN_SUITE_LOAD_P95_REFRESH_MS: String(settings.thresholds.p95RefreshMs),
    TOKEN_SUITE_LOAD_MAX_ERROR_RATE: String(settings.thresholds.maxErrorRate),
    TOKEN_SUITE_ROTATION_GRACE_SECONDS: String(flows.graceSeconds),
    TOKEN_SUITE_LOAD_TIMEOUT_MS: String(settings.timeoutMs),
    // --rate: flows started per second (open model): k6's arrival rate of iterations, one flow each.
    ...(settings.rate > 0 ? { TOKEN_SUITE_LOAD_RATE: String(k6Rate(settings.rate)) } : {}),
  };
}

/** k6's end-of-test summary file as handleSummary wrote it; null when missing or not JSON. */
export function readSummary<T = K6Summary>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** The prepared plan for one step of a capacity search: the open model at `settings.rate` for `seconds`. */
export function stepPlan(plan: K6Plan, settings: LoadSettings, seconds: number): K6Plan {
  const vars = {
    ...plan.vars,
    PROFILE: 'load',
    TOKEN_SUITE_LOAD_DURATION: `${seconds}s`,
    TOKEN_SUITE_LOAD_VUS: String(settings.connections),
    TOKEN_SUITE_LOAD_RATE: String(k6Rate(settings.rate)),
  };
  // The search clears the plan once, at its end.
  return { ...plan, vars, steady: false, clear: () => undefined };
}

export async function runK6Engine(plan: K6Plan, settings: LoadSettings, context: Context): Promise<K6Result> {
  const collector = new Collector();
  const url = await collector.listen();
  const log = join(plan.dir, `${NAME}-k6.log`);
  try {
    let k6Pid: number | undefined;
    // k6 and a server on this machine (the target, not a neighbour) count as the run's own.
    const target = targetProcesses(settings.flows.baseUrl);
    const contention = new ContentionSampler(
      windowMsFor(context.durationSeconds),
      () => (k6Pid ? [k6Pid] : []),
      target,
    );
    contention.start();
    const exit = await runK6(
      plan.k6,
      k6RunArgs({
        version: plan.parsedVersion,
        bundle: plan.bundle,
        vars: { ...plan.vars, TOKEN_SUITE_K6_COLLECTOR_URL: url },
      }),
      {
        env: k6Env(plan.env),
        signal: context.signal,
        onStderr: (line) => appendFileSync(log, `${line}\n`),
        onSpawn: (pid) => (k6Pid = pid),
      },
    ).finally(() => contention.stop());
    const summaryFile = join(plan.dir, `${NAME}-summary.json`);
    // 0: thresholds met; 99: some failed (the server's doing, judged below); 105: stopped by our Ctrl-C.
    const finished = exit.code === 0 || exit.code === 99 || (context.signal.aborted && exit.code === 105);
    // A script exception ended an iteration early: what it counted before stands, the exception is evidence.
    const exceptions = k6Errors(exit.stderr).filter((line) => /\bsource=stacktrace\b/.test(line));
    const summary = readSummary(summaryFile);
    const why = !finished
      ? `k6 exited with ${exit.code ?? exit.signal}: ${k6Reason(exit)}`
      : !summary
        ? `k6 exited with ${exit.code} and wrote no summary (${summaryFile})`
        : null;
    const failure = why ? { message: why, lines: k6Errors(exit.stderr).slice(-5) } : null;
    const view = collector.figures();
    const report = k6LoadReport(
      {
        summary: summary ?? { metrics: {} },
        samples: collector.samples(),
        collector: view,
        steady: plan.steady,
        stoppedEarly: context.signal.aborted,
        contention: contention.series,
        plannedSeconds: context.durationSeconds,
      },
      settings,
    );
    if (exceptions.length > 0) report.checks[THREW] = { passes: 0, fails: exceptions.length };
    return { report, summary: summary ?? { metrics: {} }, collector: view, failure, exceptions };
  } finally {
    plan.clear();
    await collector.close();
  }
}
