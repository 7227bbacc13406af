// The k6 row of `npm run bench`: the suite's own `password` bundle, run as `verify --engine k6` runs it (the
// command line of load/k6/invocation.ts, the suite's collector beside it for token uniqueness across VUs),
// profile `throughput` with as many VUs as the engine has connections, for as long. Every check the Node
// engine makes is made: the pair's schema and the documented token format (the flow's check), every token
// new (each VU's ledger, and across VUs the collector). Client CPU, as the engine's is measured: from the
// start of the load (the collector's first batch: k6 initialises every VU before the load starts) to k6's
// end, k6's user + system time (/proc/<pid>/stat at the start, bash `times` at the end) plus the collector's
// (this process's CPU over the same span: it does nothing else then). The whole process's CPU, start-up
// and VU init included, as wrk's is measured, is kept beside it.
// A k6 that cannot load the bundle gets the plain script (scripts/bench/k6-password.js), labelled as the
// fallback it is. Either way the run must show its checks done and passed, or it gives no figure.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildK6 } from '../../load/k6/build.ts';
import { checkBundle, checkVersion } from '../../load/k6/check.ts';
import { Collector } from '../../load/k6/collector.ts';
import { readSummary } from '../../load/k6/engine.ts';
import { k6Env, k6RunArgs, type K6Version } from '../../load/k6/invocation.ts';
import type { SummaryData } from '../../load/k6/scripts/lib/summary-data.ts';
import { failedThresholds } from '../../load/k6/scripts/lib/summary-data.ts';

export interface K6Figures {
  requests: number;
  rps: number;
  /** k6's CPU and the collector's from the start of the load (the fallback: k6's whole process). */
  cpuSeconds: number;
  k6CpuSeconds: number;
  collectorCpuSeconds: number;
  /** k6's whole process, start-up and VU init included, and the collector's. */
  wholeCpuSeconds: number;
  /** Checks made and failed, from k6's summary. */
  checks: number;
  failedChecks: number;
}

export interface K6Bench {
  /** The table's label of the k6 row. */
  label: string;
  /** True: the plain script, because this k6 cannot load the bundle. */
  fallback: boolean;
  run: () => Promise<K6Figures>;
}

export interface K6Options {
  k6: string;
  url: string;
  root: string;
  vus: number;
  seconds: number;
  /** The engine's password-grant settings: documented token format, the example user's credentials. */
  env: NodeJS.ProcessEnv;
}

const BUNDLE_LABEL = "the suite's `password` bundle with its collector, as `verify --engine k6` runs it: every check";
const FALLBACK_LABEL =
  'FALLBACK, a plain script (status check only: this k6 could not load the bundle, so not like for like)';

/** The bundle when this k6 initialises it (k6 inspect), else the labelled fallback. */
export async function prepareK6Bench(options: K6Options): Promise<K6Bench> {
  const { version: parsed } = await checkVersion(options.k6);
  const dir = mkdtempSync(join(tmpdir(), 'bench-k6-'));
  const [bundle] = await buildK6(dir, ['password']);
  const vars = {
    BASE_URL: options.url,
    PROFILE: 'throughput',
    TOKEN_SUITE_LOAD_VUS: String(options.vus),
    TOKEN_SUITE_LOAD_DURATION: `${options.seconds}s`,
    TOKEN_SUITE_LOAD_SUMMARY_DIR: dir,
    // verify's default --timeout: a request held past it fails, and the graceful stop is that plus 1 s.
    TOKEN_SUITE_LOAD_TIMEOUT_MS: '5000',
  };
  const env = { ...options.env, K6_NO_USAGE_REPORT: 'true' };
  const loads = await checkBundle(options.k6, bundle as string, vars, env).then(
    () => null,
    (error: Error) => error.message,
  );
  if (loads === null)
    return {
      label: BUNDLE_LABEL,
      fallback: false,
      run: () => runBundle(options, parsed, bundle as string, vars, dir),
    };
  console.error(`k6 cannot load the bundle, so the k6 row is the plain-script fallback: ${loads}`);
  return { label: FALLBACK_LABEL, fallback: true, run: () => runPlain(options, parsed, dir) };
}

async function runBundle(
  options: K6Options,
  version: K6Version,
  bundle: string,
  vars: Record<string, string>,
  dir: string,
): Promise<K6Figures> {
  const collector = new Collector();
  const collectorUrl = await collector.listen();
  const summaryFile = join(dir, 'password-summary.json');
  rmSync(summaryFile, { force: true });
  let atStart: { k6: number; own: NodeJS.CpuUsage } | null = null;
  let watch: NodeJS.Timeout | undefined;
  try {
    const before = process.cpuUsage();
    const args = k6RunArgs({ version, bundle, vars: { ...vars, TOKEN_SUITE_K6_COLLECTOR_URL: collectorUrl } });
    const exit = await timedK6(options, args, join(dir, 'k6.log'), (pid) => {
      // The load has started when the first iteration's batch arrives: k6's CPU and this process's then.
      watch = setInterval(() => {
        if (collector.figures().batches === 0) return;
        clearInterval(watch);
        const k6 = processCpu(pid);
        if (k6 !== null) atStart = { k6, own: process.cpuUsage() };
      }, 10);
    });
    clearInterval(watch);
    const start = atStart as { k6: number; own: NodeJS.CpuUsage } | null;
    const ownSeconds = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1e6;
    };
    const collectorCpuSeconds = ownSeconds(start?.own ?? before);
    const wholeCollector = ownSeconds(before);
    const summary = readSummary<SummaryData>(summaryFile);
    const view = collector.figures();
    const judged = judgeK6Run(exit.code, summary, {
      answers: view.answers,
      collisions: view.collisions,
      batchesReceived: view.batches,
      malformed: view.malformed,
    });
    if (typeof judged === 'string') throw new Error(`${judged} (k6's output: ${join(dir, 'k6.log')})`);
    if (!start) throw new Error("k6's CPU at the start of the load could not be read (/proc): no figure");
    const k6CpuSeconds = exit.cpuSeconds - start.k6;
    return {
      ...judged,
      cpuSeconds: k6CpuSeconds + collectorCpuSeconds,
      k6CpuSeconds,
      collectorCpuSeconds,
      wholeCpuSeconds: exit.cpuSeconds + wholeCollector,
    };
  } finally {
    clearInterval(watch);
    await collector.close();
  }
}

async function runPlain(options: K6Options, version: K6Version, dir: string): Promise<K6Figures> {
  const summaryFile = join(dir, 'plain-summary.json');
  rmSync(summaryFile, { force: true });
  const script = join(options.root, 'scripts', 'bench', 'k6-password.js');
  const vars = { BASE_URL: options.url, BENCH_SUMMARY_FILE: summaryFile };
  const args = k6RunArgs({ version, bundle: script, vars });
  // The plain script has no profile: the engine's VUs and duration on the command line.
  args.splice(1, 0, '--vus', String(options.vus), '--duration', `${options.seconds}s`);
  const exit = await timedK6(options, args, join(dir, 'k6.log'));
  const judged = judgeK6Run(exit.code, readSummary<SummaryData>(summaryFile), null);
  if (typeof judged === 'string') throw new Error(`${judged} (k6's output: ${join(dir, 'k6.log')})`);
  const cpu = { cpuSeconds: exit.cpuSeconds, k6CpuSeconds: exit.cpuSeconds, wholeCpuSeconds: exit.cpuSeconds };
  return { ...judged, ...cpu, collectorCpuSeconds: 0 };
}

/** What the collector saw of the run (null: no collector, the plain script). */
export interface CollectorSeen {
  answers: number;
  collisions: number;
  batchesReceived: number;
  malformed: number;
}

/**
 * The figures of a finished k6 run, or why it measured nothing that can be compared: k6 failed, no summary,
 * no checks made or some failed, a threshold other than latency failed (errors, rotation counters), a token
 * repeated, the collector lost batches.
 */
export function judgeK6Run(
  code: number | null,
  summary: SummaryData | null,
  collector: CollectorSeen | null,
): Pick<K6Figures, 'requests' | 'rps' | 'checks' | 'failedChecks'> | string {
  if (code !== 0 && code !== 99) return `k6 exited with ${code}: no figure`;
  if (!summary) return 'k6 wrote no summary, so its checks cannot be seen: no figure';
  const checks = summary.root_group?.checks ?? [];
  const passes = checks.reduce((n, c) => n + c.passes, 0);
  const fails = checks.reduce((n, c) => n + c.fails, 0);
  if (passes + fails === 0) return 'k6 made no checks: it measured nothing, no figure';
  if (fails > 0) return `k6's checks failed ${fails} times of ${passes + fails}: no figure`;
  // Latency thresholds are the server's and the machine's, not whether the checks were done: the engine's run
  // is not judged on its latency either (bench-engine.ts: errors, failed checks, collisions).
  const failed = failedThresholds(summary).filter((t) => !t.startsWith('http_req_duration'));
  if (failed.length > 0) return `k6's thresholds failed (${failed.join('; ')}): no figure`;
  const seconds = (summary.state?.testRunDurationMs ?? 0) / 1000;
  if (!(seconds > 0)) return "k6's summary has no run duration: no figure";
  const count = (metric: string) => summary.metrics[metric]?.values.count ?? 0;
  if (!collector) {
    const requests = count('http_reqs');
    return { requests, rps: requests / seconds, checks: passes, failedChecks: 0 };
  }
  if (collector.collisions > 0) return `the collector saw ${collector.collisions} repeated tokens: no figure`;
  const sent = count('collector_batches');
  const lost = count('collector_batches_failed') + collector.malformed;
  if (lost > 0 || collector.batchesReceived !== sent)
    return (
      `the collector received ${collector.batchesReceived} of ${sent + lost} batches, so uniqueness across ` +
      'VUs was not checked for every token: no figure'
    );
  if (collector.answers === 0) return 'no API request was answered: no figure';
  // API requests only (the collector's own posts are not the benchmark's requests).
  return { requests: collector.answers, rps: collector.answers / seconds, checks: passes, failedChecks: 0 };
}

/**
 * k6 under bash, whose `times` gives the CPU time of its children (k6, start-up included, as wrk's is).
 * Async, so the collector in this process answers the VUs while k6 runs.
 */
function timedK6(
  options: K6Options,
  args: string[],
  log: string,
  onPid?: (pid: number) => void,
): Promise<{ code: number | null; cpuSeconds: number }> {
  // k6 in the background so its pid can be printed first; `wait` reaps it, so `times` counts it.
  const script = '"$@" >"$BENCH_K6_LOG" 2>&1 & pid=$!; echo "$pid"; wait "$pid"; code=$?; times; exit $code';
  const child = spawn('bash', ['-c', script, 'bash', options.k6, ...args], {
    cwd: options.root,
    env: { ...k6Env(options.env), BENCH_K6_LOG: log },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const out: Buffer[] = [];
  let told = false;
  child.stdout.on('data', (chunk: Buffer) => {
    out.push(chunk);
    const pid = Number(/^(\d+)\n/.exec(Buffer.concat(out).toString())?.[1]);
    if (!told && pid > 0) {
      told = true;
      onPid?.(pid);
    }
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, cpuSeconds: childrenCpu(Buffer.concat(out).toString()) }));
  });
}

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** A running process's user + system CPU seconds (/proc/<pid>/stat); null when it cannot be read. */
function processCpu(pid: number): number | null {
  try {
    // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th of them.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** bash `times`: its second line is the children's user and system time ("0m1.234s 0m0.567s"). */
export function childrenCpu(timesOutput: string): number {
  const line = timesOutput.trim().split('\n').pop() ?? '';
  return line
    .split(' ')
    .map((t) => /(\d+)m([\d.]+)s/.exec(t))
    .reduce((sum, m) => sum + (m ? Number(m[1]) * 60 + Number(m[2]) : 0), 0);
}
