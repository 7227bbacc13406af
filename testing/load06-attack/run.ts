// npx tsx testing/load06-attack/run.ts --scenario NAME [--runs 2] [--duration 10] [--engine node|k6]
// LOAD-06 attack scenarios (docs/load06-attack.md: what they found, before and after the fixes). Servers
// run in processes of their own; they stand in for real servers and neighbours only in their CPU and
// process shape (see each server's header).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadLayer } from '../../load/layer.ts';
import { killTree } from '../forking-server.ts';
import { contextFor } from '../load-context.ts';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string' },
    runs: { type: 'string', default: '2' },
    duration: { type: 'string', default: '10' },
    engine: { type: 'string', default: 'node' },
    rate: { type: 'string' },
  },
});
const duration = Number(values.duration);
const engine = values.engine === 'k6' ? 'k6' : 'node';
const HERE = new URL('.', import.meta.url).pathname;

const kill = (child: ChildProcess) => killTree(child.pid!);

async function proc(script: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  return { child, url: chunk.toString().trim() };
}

type Neighbour = () => ChildProcess;
const busy =
  (nice = 0): Neighbour =>
  () =>
    spawn('nice', ['-n', String(nice), process.execPath, '-e', 'for(;;){}'], { stdio: 'ignore' });
/** A periodic burst: `onMs` of busy CPU every `everyMs` (a monitoring agent, a cron job's tick). */
const burst =
  (onMs: number, everyMs: number, nice = 0): Neighbour =>
  () =>
    spawn(
      'nice',
      [
        '-n',
        String(nice),
        process.execPath,
        '-e',
        `setInterval(() => { const end = Date.now() + ${onMs}; while (Date.now() < end); }, ${everyMs})`,
      ],
      { stdio: 'ignore' },
    );
/** A memory-bandwidth hog: one thread copying 256 MiB buffers back and forth (evicts every cache). */
const memHog: Neighbour = () =>
  spawn(
    process.execPath,
    ['-e', 'const a = Buffer.alloc(256 << 20, 1), b = Buffer.alloc(256 << 20); for (;;) { a.copy(b); b.copy(a); }'],
    { stdio: 'ignore' },
  );
const fsyncer: Neighbour = () =>
  spawn(process.execPath, ['--import', 'tsx', join(HERE, 'fsync-neighbour.ts')], { stdio: 'ignore' });

interface Scenario {
  server: 'reference' | 'fsync' | 'snapshot';
  proxy?: boolean;
  rate?: number;
  neighbours?: Neighbour[];
  /** When the neighbours join, as a share of the run. */
  from?: number;
  /** Neighbours there from the start that leave at `from` (a swap: the machine's wanted cores stay level). */
  leaving?: Neighbour[];
}
const SCENARIOS: Record<string, Scenario> = {
  'fsync-server-alone': { server: 'fsync' },
  'fsync-server-disk-neighbour': { server: 'fsync', neighbours: [fsyncer, fsyncer], from: 2 / 3 },
  'reference-hiprio-neighbour': { server: 'reference', neighbours: [busy(-15)], from: 2 / 3 },
  'reference-hiprio-2-neighbours': { server: 'reference', neighbours: [busy(-15), busy(-15)], from: 2 / 3 },
  'snapshot-alone': { server: 'snapshot' },
  'snapshot-behind-proxy': { server: 'snapshot', proxy: true },
  'snapshot-mild-neighbour': { server: 'snapshot', neighbours: [busy(10)], from: 2 / 3 },
  'snapshot-open-mild-neighbour': { server: 'snapshot', rate: 40, neighbours: [busy(10)], from: 2 / 3 },
  'snapshot-open-alone': { server: 'snapshot', rate: 40 },
  'snapshot-proxy-open': { server: 'snapshot', proxy: true, rate: 40 },
  'snapshot-proxy-open-mild-neighbour': {
    server: 'snapshot',
    proxy: true,
    rate: 40,
    neighbours: [busy(10)],
    from: 2 / 3,
  },
  // A low-priority batch job (nice 19) hands over to an ordinary one (nice 0) at 2/3: same cores wanted.
  'reference-swap-nice19-to-nice0': { server: 'reference', leaving: [busy(19)], neighbours: [busy(0)], from: 2 / 3 },
  'reference-swap-2x-nice19-to-nice0': {
    server: 'reference',
    leaving: [busy(19), busy(19)],
    neighbours: [busy(0), busy(0)],
    from: 2 / 3,
  },
  'reference-open-swap-2x-nice19-to-nice0': {
    server: 'reference',
    rate: 100,
    leaving: [busy(19), busy(19)],
    neighbours: [busy(0), busy(0)],
    from: 2 / 3,
  },
  'reference-open-2-neighbours': { server: 'reference', rate: 100, neighbours: [busy(0), busy(0)], from: 2 / 3 },
  // The same hand-over, to a job of high priority (nice -15): it takes its core whatever the run wants.
  'reference-swap-nice19-to-hiprio': { server: 'reference', leaving: [busy(19)], neighbours: [busy(-15)], from: 2 / 3 },
  'reference-open-swap-nice19-to-hiprio': {
    server: 'reference',
    rate: 100,
    leaving: [busy(19)],
    neighbours: [busy(-15)],
    from: 2 / 3,
  },
  'reference-bursts-hiprio': {
    server: 'reference',
    neighbours: [burst(40, 250, -15), burst(40, 250, -15)],
    from: 2 / 3,
  },
  'reference-bursts-hiprio-short': {
    server: 'reference',
    neighbours: [burst(20, 250, -15), burst(20, 250, -15)],
    from: 2 / 3,
  },
  'reference-open-bursts-hiprio': {
    server: 'reference',
    rate: 40,
    neighbours: [burst(30, 250, -15), burst(30, 250, -15)],
    from: 2 / 3,
  },
  'reference-open-mild-neighbour': { server: 'reference', rate: 40, neighbours: [busy(10)], from: 2 / 3 },
  'reference-open-memhog': { server: 'reference', rate: 40, neighbours: [memHog], from: 2 / 3 },
  'reference-open-swap-2x-nice19-to-hiprio': {
    server: 'reference',
    rate: 30,
    leaving: [busy(19), busy(19)],
    neighbours: [busy(-15), busy(-15)],
    from: 2 / 3,
  },
  // A neighbour there in the first third that leaves: the first third slowed by it (docs/load06-attack.md).
  'snapshot-left': { server: 'snapshot', leaving: [busy(0), busy(0)], from: 1 / 3 },
  'reference-left': { server: 'reference', leaving: [busy(0), busy(0)], from: 1 / 3 },
  'snapshot-1-neighbour': { server: 'snapshot', neighbours: [busy(0)], from: 2 / 3 },
};

const scenario = SCENARIOS[values.scenario ?? ''];
if (!scenario) throw new Error(`--scenario one of ${Object.keys(SCENARIOS).join(', ')}`);

for (let i = 1; i <= Number(values.runs); i += 1) {
  const server = await proc('server-proc.ts', [scenario.server]);
  const proxy = scenario.proxy ? await proc('proxy-proc.ts', [server.url]) : null;
  const url = proxy?.url ?? server.url;
  const started: ChildProcess[] = [];
  const early = (scenario.leaving ?? []).map((n) => n());
  const timer = setTimeout(
    () => {
      early.forEach(kill);
      (scenario.neighbours ?? []).forEach((n) => started.push(n()));
    },
    (scenario.from ?? 1) * duration * 1000,
  );
  try {
    const reportDir = mkdtempSync(join(tmpdir(), 'attack06-'));
    const context = contextFor(url, {
      engine,
      durationSeconds: duration,
      reportDir,
      load: { rate: values.rate ? Number(values.rate) : (scenario.rate ?? 0) },
    });
    const outcome = await loadLayer.run(context);
    const r = outcome.requirements.find((q) => q.id === 'LOAD-06')!;
    console.log(`\n== ${values.scenario} ${engine} run ${i}: ${r.status}`);
    for (const e of r.evidence) console.log(`   ${e}`);
  } finally {
    clearTimeout(timer);
    started.forEach(kill);
    early.forEach(kill);
    if (proxy) kill(proxy.child);
    kill(server.child);
  }
}
process.exit(0);
