// npm run bench: figures, not timed tests. Against the deliberately cheap responder (scripts/bench/responder.ts:
// fresh documented-format pairs at almost no cost, so the client is the limit), password grants only:
//  1. throughput and client CPU per 1,000 requests of the Node engine (every check on) against wrk's,
//     medians of >= 3 ABBA rounds (wrk, engine, engine, wrk);
//  2. the same for k6 when it is on the PATH: the suite's own `password` bundle with every check, as many VUs
//     as the engine has connections, for as long (scripts/bench/k6.ts; a plain script, labelled as the
//     fallback, only when this k6 cannot load the bundle); a k6 run whose checks were not made or failed
//     gives no figure;
//  3. the engine with 1 and with 2 worker threads (1, 2, 2, 1).
// The responder runs on this machine, so the engine gets the cores it leaves: cores - 1 workers (at least 1),
// as verify leaves cores to its embedded server.
// `-- --write` puts the figures into docs/benchmark.md (between <!-- bench:start/end -->).
// TOKEN_SUITE_BENCH_DURATION (s, default 5), TOKEN_SUITE_BENCH_CONNECTIONS (32), TOKEN_SUITE_BENCH_ROUNDS (3).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { findK6 } from '../load/k6/engine.ts';
import { prepareK6Bench, type K6Bench, type K6Figures } from './bench/k6.ts';
import { writeSection } from './doc-sections.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const duration = Number(process.env.TOKEN_SUITE_BENCH_DURATION ?? 5);
const connections = Number(process.env.TOKEN_SUITE_BENCH_CONNECTIONS ?? 32);
const rounds = Math.max(3, Number(process.env.TOKEN_SUITE_BENCH_ROUNDS ?? 3));
interface Figures {
  requests: number;
  rps: number;
  cpuSeconds: number;
}
const per1000 = (f: Figures) => (f.cpuSeconds / f.requests) * 1000;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

function version(command: string, args: string[]): string | null {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) return null;
  return `${result.stdout}${result.stderr}`.trim().split('\n')[0] ?? command;
}

function ensureWrk(): string {
  const known = version('wrk', ['--version']);
  if (known) return `wrk ${/\d+\.\d+\.\d+/.exec(known)?.[0] ?? '?'}`;
  if (process.getuid?.() !== 0) throw new Error('wrk is not installed (apt-get install -y wrk)');
  console.error('installing wrk (apt-get install -y wrk)…');
  execFileSync('apt-get', ['update'], { stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', 'wrk'], { stdio: 'ignore' });
  return ensureWrk();
}

function startResponder(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/responder.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve({ url: chunk.toString().trim(), child }));
    child.once('exit', (code) => reject(new Error(`the bench responder exited (${code})`)));
  });
}

/** A command under bash, whose `times` gives the CPU time of its children (the client). */
function timed(command: string): { out: string; cpuSeconds: number } {
  const out = execFileSync('bash', ['-c', `${command} && times`], { cwd: root, maxBuffer: 1 << 26 }).toString();
  const [user, system] = (out.trim().split('\n').pop() ?? '').split(' ').map((t) => {
    const m = /(\d+)m([\d.]+)s/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  });
  return { out, cpuSeconds: (user ?? 0) + (system ?? 0) };
}

function runWrk(url: string, seconds = duration): Figures {
  const { out, cpuSeconds } = timed(
    `wrk -t1 -c${connections} -d${seconds}s -s scripts/bench/password.lua "${url}/v1/token"`,
  );
  const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  if (non2xx > 0) throw new Error(`wrk saw ${non2xx} non-2xx answers from the responder`);
  return { requests, rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]), cpuSeconds };
}

const benchWorkers = String(Math.max(1, cpus().length - 1));

function runEngine(url: string, workers = benchWorkers): Figures & { workers: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench-engine.ts', url, String(duration), String(connections)],
    { cwd: root, env: { ...process.env, TOKEN_SUITE_LOAD_WORKERS: workers } },
  ).toString();
  const figures = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Figures & {
    workers: number;
    errors: number;
    failedChecks: number;
    collisions: number;
  };
  if (figures.errors || figures.failedChecks || figures.collisions)
    throw new Error(`the engine saw errors against the responder: ${out.trim()}`);
  return figures;
}

const loadAtStart = loadavg()[0] as number;
const wrkVersion = ensureWrk();
const k6 = findK6();
const { url, child } = await startResponder();
const runs: {
  wrk: Figures[];
  engine: (Figures & { workers: number })[];
  k6: K6Figures[];
  one: Figures[];
  two: Figures[];
} = { wrk: [], engine: [], k6: [], one: [], two: [] };
let k6Run: K6Bench | null = null;
/** Why a k6 run gave no figure (its checks not made or failed, k6 failed): the row then says so. */
const k6Failures: string[] = [];
try {
  runWrk(url, 1); // warm-up: JIT of the responder, connections
  // The engine's password grants (bench-engine.ts): documented token format, the example user.
  const env = { ...process.env, TOKEN_SUITE_TOKEN_FORMAT: 'documented' };
  k6Run = k6 ? await prepareK6Bench({ k6, url, root, vus: connections, seconds: duration, env }) : null;
  for (let round = 1; round <= rounds; round += 1) {
    console.error(`round ${round}/${rounds}: wrk, engine, engine, wrk${k6Run ? ', k6' : ''}`);
    runs.wrk.push(runWrk(url));
    runs.engine.push(runEngine(url), runEngine(url));
    runs.wrk.push(runWrk(url));
    if (k6Run)
      await k6Run.run().then(
        (figures) => runs.k6.push(figures),
        (error: Error) => {
          console.error(`k6: ${error.message}`);
          k6Failures.push(error.message);
        },
      );
  }
  console.error('workers: 1, 2, 2, 1');
  runs.one.push(runEngine(url, '1'));
  runs.two.push(runEngine(url, '2'), runEngine(url, '2'));
  runs.one.push(runEngine(url, '1'));
} finally {
  child.kill('SIGTERM');
}

type Summary = { rps: number; cpuPer1000: number };
const summary = (list: Figures[]): Summary => ({
  rps: median(list.map((f) => f.rps)),
  cpuPer1000: median(list.map(per1000)),
});
const [wrk, engine, k6s, one, two] = [runs.wrk, runs.engine, runs.k6, runs.one, runs.two].map(summary) as [
  Summary,
  Summary,
  Summary,
  Summary,
  Summary,
];
const k6Version = k6 ? version(k6, ['version']) : null;
const machine =
  `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
  `Node ${process.version}, ${wrkVersion}${k6Version ? `, ${k6Version}` : ''}`;
const loadAtEnd = loadavg()[0] as number;
const figures = {
  machine,
  load_average_1min: { start: loadAtStart, end: loadAtEnd },
  duration_s: duration,
  connections,
  rounds,
  engine_workers: runs.engine[0]?.workers,
  wrk,
  engine,
  throughput_ratio: engine.rps / wrk.rps,
  cpu_ratio: engine.cpuPer1000 / wrk.cpuPer1000,
  k6_failures: k6Failures,
  k6:
    runs.k6.length && !k6Failures.length
      ? {
          ...k6s,
          throughput_ratio: k6s.rps / wrk.rps,
          cpu_ratio: k6s.cpuPer1000 / wrk.cpuPer1000,
          script: k6Run?.label,
          fallback: k6Run?.fallback,
          vus: connections,
          checks_per_run: runs.k6.map((r) => r.checks),
          collector_cpu_per_1000_ms: median(runs.k6.map((r) => (r.collectorCpuSeconds / r.requests) * 1e6)),
          whole_process_cpu_per_1000_ms: median(runs.k6.map((r) => (r.wholeCpuSeconds / r.requests) * 1e6)),
        }
      : null,
  workers: { one, two },
  raw: runs,
};
mkdirSync(`${root}/reports`, { recursive: true });
writeFileSync(`${root}/reports/bench.json`, JSON.stringify(figures, null, 2));

const n0 = (n: number) => Math.round(n).toLocaleString('en-US');
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const f3 = (n: number) => n.toFixed(3);
const verdict = (ratio: number, goal: number, floor: number, higherIsBetter: boolean) =>
  (higherIsBetter ? ratio >= goal : ratio <= goal)
    ? 'goal met'
    : (higherIsBetter ? ratio >= 1 / floor : ratio <= floor)
      ? `goal not met, above the ${floor}× floor`
      : `below the ${floor}× floor`;
const engineWorkers = `${figures.engine_workers} worker${figures.engine_workers === 1 ? '' : 's'}`;
const engineThroughput =
  `${n0(engine.rps)} req/s (**${f3(figures.throughput_ratio)}×** wrk; ` +
  `goal ≥ 0.9: ${verdict(figures.throughput_ratio, 0.9, 2.5, true)})`;
const engineCpu =
  `${f1(engine.cpuPer1000 * 1000)} ms (**${f3(figures.cpu_ratio)}×** wrk; ` +
  `goal ≤ 1.5: ${verdict(figures.cpu_ratio, 1.5, 2.5, false)})`;
const table = [
  '| client | throughput | client CPU per 1,000 requests |',
  '| --- | --- | --- |',
  `| wrk (checks nothing) | ${n0(wrk.rps)} req/s | ${f1(wrk.cpuPer1000 * 1000)} ms |`,
  `| Node engine, ${engineWorkers} (cores − 1: the responder shares the machine), every check ` +
    `| ${engineThroughput} | ${engineCpu} |`,
  ...(k6Run && k6Failures.length
    ? [
        `| k6, ${k6Run.label}, ${connections} VUs | no figure: ${k6Failures.length} of ${rounds} runs ` +
          `measured nothing comparable (${k6Failures[0]}) | no figure |`,
      ]
    : []),
  ...(figures.k6
    ? [
        `| k6, ${k6Run?.label ?? ''}, ${connections} VUs | ${n0(k6s.rps)} req/s ` +
          `(${f2(figures.k6.throughput_ratio)}× wrk) ` +
          `| ${f1(k6s.cpuPer1000 * 1000)} ms (${f2(figures.k6.cpu_ratio)}× wrk)` +
          (k6Run?.fallback
            ? ' |'
            : `; ${f1(figures.k6.whole_process_cpu_per_1000_ms)} ms with k6's start-up and VU init |`),
      ]
    : []),
  `| Node engine, 1 worker / 2 workers | ${n0(one.rps)} / ${n0(two.rps)} req/s ` +
    `| ${f1(one.cpuPer1000 * 1000)} / ${f1(two.cpuPer1000 * 1000)} ms |`,
];
const note = [
  `${machine}; load average (1 min) ${loadAtStart.toFixed(1)} at the start, ` +
    `${loadAtEnd.toFixed(1)} at the end (the machine is shared).`,
  `Cheap responder (\`scripts/bench/responder.ts\`), password grants, ${connections} connections, ` +
    `${duration} s per run; medians`,
  `of ${rounds} ABBA rounds (wrk, engine, engine, wrk)${figures.k6 ? ', k6 once per round' : ''}. ` +
    'Client CPU: user + system time of the',
  'client process (the engine: from the start of the load to its end, worker boot excluded; k6 the same, from',
  "its first iteration's end to its exit, plus the suite's collector that checks tokens across VUs, in the",
  'bench process; the whole k6 process, as for wrk, beside it). Each k6 run must show its checks made and',
  'passed, its thresholds met, no token repeated and no collector batch lost, or it gives no figure. On 2 cores shared',
  'with the responder (and with other work on the machine) a second worker cannot add throughput: see',
  'below for how the engine scales.',
].join('\n');
console.log(table.join('\n'));
console.log(`\n${note}`);
if (process.argv.includes('--write')) {
  writeSection('bench', `${table.join('\n')}\n\n${note}`);
  console.log('\nwrote the bench section of docs/benchmark.md');
}
