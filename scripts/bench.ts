// npm run bench: figures, not timed tests. One run on one machine of:
//  1. the Node engine's throughput against the reference server / wrk's (same refresh-chain work),
//  2. client CPU seconds per 1,000 requests, engine vs wrk,
//  3. the reference server's refresh throughput / a bare node:http server's (same-sized JSON).
// Installs wrk with apt-get when it is missing and we are root. TOKEN_SUITE_BENCH_DURATION (s, default 5),
// TOKEN_SUITE_BENCH_CONNECTIONS (default 8).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const duration = Number(process.env.TOKEN_SUITE_BENCH_DURATION ?? 5);
const connections = Number(process.env.TOKEN_SUITE_BENCH_CONNECTIONS ?? 8);
interface Figures {
  requests: number;
  rps: number;
  cpuSeconds: number;
}

function ensureWrk(): string {
  if (spawnSync('wrk', ['--version']).error === undefined)
    return String(spawnSync('wrk', ['--version']).stdout).split('\n')[0] ?? 'wrk';
  if (process.getuid?.() !== 0) throw new Error('wrk is not installed (apt-get install -y wrk)');
  console.error('installing wrk (apt-get install -y wrk)…');
  execFileSync('apt-get', ['update'], { stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', 'wrk'], { stdio: 'ignore' });
  return ensureWrk();
}

function startServer(kind: 'reference' | 'bare'): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench-server.ts', kind], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve({ url: chunk.toString().trim(), child }));
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
}

/** wrk under bash, whose `times` gives the CPU time of its children (wrk). */
function runWrk(url: string, script: string, seconds = duration): Figures {
  const out = execFileSync(
    'bash',
    ['-c', `wrk -t1 -c${connections} -d${seconds}s -s "${script}" "${url}/v1/refresh/token" && times`],
    { cwd: root },
  ).toString();
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
  const [user, system] = (out.trim().split('\n').pop() ?? '').split(' ').map((t) => {
    const m = /(\d+)m([\d.]+)s/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  });
  return { requests, rps, cpuSeconds: (user ?? 0) + (system ?? 0) };
}

function runEngine(url: string): Figures {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench-engine.ts', url, String(duration), String(connections)],
    { cwd: root },
  ).toString();
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Figures;
}

async function against<T>(kind: 'reference' | 'bare', fn: (url: string) => T): Promise<T> {
  const { url, child } = await startServer(kind);
  try {
    runWrk(url, 'load/bench/static-refresh.lua', 1); // warm-up: JIT and connections
    return fn(url);
  } finally {
    child.kill('SIGTERM');
  }
}

const wrkVersion = ensureWrk();
const wrk = await against('reference', (url) => runWrk(url, 'load/bench/refresh-chain.lua'));
const engine = await against('reference', runEngine);
const bare = await against('bare', (url) => runWrk(url, 'load/bench/static-refresh.lua'));
const per1000 = (f: Figures) => (f.cpuSeconds / f.requests) * 1000;
const figures = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${wrkVersion}`,
  duration_s: duration,
  connections,
  engine_over_wrk_throughput: engine.rps / wrk.rps,
  cpu_s_per_1000_requests: { engine: per1000(engine), wrk: per1000(wrk) },
  reference_over_bare_refresh_throughput: wrk.rps / bare.rps,
  raw: { wrk, engine, bare },
};
mkdirSync(`${root}/reports`, { recursive: true });
writeFileSync(`${root}/reports/bench.json`, JSON.stringify(figures, null, 2));
const f2 = (n: number) => n.toFixed(2);
console.log(`machine: ${figures.machine}; ${duration} s per run, ${connections} connections`);
console.log(
  `1. Node engine / wrk throughput (reference server, refresh chains): ${f2(figures.engine_over_wrk_throughput)}  (${f2(engine.rps)} vs ${f2(wrk.rps)} req/s; goal >= 0.9)`,
);
console.log(
  `2. client CPU s per 1,000 requests: engine ${f2(figures.cpu_s_per_1000_requests.engine)}, wrk ${f2(figures.cpu_s_per_1000_requests.wrk)}  (×${f2(per1000(engine) / per1000(wrk))})`,
);
console.log(
  `3. reference / bare node:http refresh throughput: ${f2(figures.reference_over_bare_refresh_throughput)}  (${f2(wrk.rps)} vs ${f2(bare.rps)} req/s)`,
);
