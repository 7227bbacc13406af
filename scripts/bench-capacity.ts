// npm run bench:capacity -- [--answers 40] [--engines node,k6] [--step-seconds 6] [--write]: the capacity search
// (`verify --only load --find-capacity`, run as a user runs it) against a server of known capacity
// (testing/capacity-servers.ts in its own process: at most N answers a second, the rest queued) with each
// engine, printing the capacity found beside the true one; then against the reference server (`token-suite
// serve --scrypt-cost 1024`, its own process), whose capacity on this machine nobody knows. The ramp is sized
// from the true capacity: from a third of it by a sixth, so a step lands within 15% of it; the same ramp for
// both engines. `--write` puts the table into docs/benchmark.md (between <!-- bench-capacity:start/end -->).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findK6 } from '../load/k6/process.ts';
import { writeSection } from './doc-sections.ts';

const { values } = parseArgs({
  options: {
    answers: { type: 'string', default: '40' },
    engines: { type: 'string', default: 'node,k6' },
    'step-seconds': { type: 'string', default: '6' },
    write: { type: 'boolean', default: false },
  },
});
const loadAtStart = loadavg()[0] as number;
const answers = Number(values.answers);
const engines = values.engines.split(',').filter((e) => e === 'node' || (e === 'k6' && findK6()));
const stepSeconds = values['step-seconds'];
/** About 5 requests per flow of the default mix, for sizing the ramp; the figures use the measured ratio. */
const REQUESTS_PER_FLOW = 5;

interface Capacity {
  capacity_flows_per_s: number | null;
  capacity_rps: number | null;
  summary: string;
  steps: { rate: number; held: boolean; achieved_rps: number; achieved_flows_per_s: number | null }[];
}

/** Requests per flow as measured over the steps (answers per second over flows per second). */
function perFlow(found: Capacity): number {
  const ratios = found.steps
    .filter((s) => s.achieved_flows_per_s)
    .map((s) => s.achieved_rps / (s.achieved_flows_per_s ?? 1));
  return ratios.reduce((a, b) => a + b, 0) / Math.max(1, ratios.length);
}

/** A child that prints its URL on its first line. */
function startChild(command: string, args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const url = /https?:\/\/[\d.:]+/.exec(chunk.toString())?.[0];
      if (url) resolve({ url, child });
    });
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)));
  });
}

function search(url: string, engine: string, ramp: { start: number; step: number; max: number }): Promise<Capacity> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-capacity-'));
  const args = ['bin/token-suite.js', 'verify', '--only', 'load', '--engine', engine, '--base-url', url];
  args.push('--find-capacity', '--capacity-start', String(ramp.start), '--capacity-step', String(ramp.step));
  args.push('--capacity-max', String(ramp.max), '--capacity-step-seconds', stepSeconds, '--report-dir', dir);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      try {
        const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as {
          load?: { capacity?: Capacity };
        };
        if (!summary.load?.capacity) throw new Error(`no capacity in ${dir}/summary.json (exit ${code})`);
        resolve(summary.load.capacity);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
}

const round = (n: number) => Math.round(n * 100) / 100;
const rows: string[] = [];
const trueFlows = answers / REQUESTS_PER_FLOW; // for sizing the ramp only
const ramp = { start: round(trueFlows / 3), step: round(trueFlows / 6), max: round(trueFlows * 2) };
const known = await startChild(process.execPath, ['--import', 'tsx', 'testing/capacity-servers.ts', String(answers)]);
try {
  for (const engine of engines) {
    const started = performance.now();
    // The same ramp for both engines (k6 runs rates to the hundredth too).
    const found = await search(known.url, engine, ramp).catch((error: Error) => error);
    const seconds = Math.round((performance.now() - started) / 1000);
    if (found instanceof Error) {
      rows.push(
        `| known capacity, ${answers} answers/s | ${engine} | could not run: ${found.message} | | | ${seconds} s |`,
      );
      continue;
    }
    // Compared in requests/s: the server's capacity is in answers; a flow is about 5 of them (measured).
    const ratio = perFlow(found);
    const flows = found.capacity_flows_per_s;
    const offered = flows === null ? null : round(flows * ratio);
    const error = offered === null ? 'none found' : `${Math.round(((offered - answers) / answers) * 100)}%`;
    rows.push(
      `| known capacity, ${answers} answers/s | ${engine} | ${flows ?? '–'} flows/s × ${round(ratio)} requests/flow ` +
        `= ${offered ?? '–'} req/s | ${answers} req/s (${round(answers / ratio)} flows/s) | ${error} | ` +
        `${found.steps.length} steps, ${seconds} s |`,
    );
    console.error(found.summary);
  }
} finally {
  known.child.kill('SIGTERM');
}
const reference = await startChild(process.execPath, [
  'bin/token-suite.js',
  'serve',
  '--port',
  '0',
  '--scrypt-cost',
  '1024',
]);
try {
  for (const engine of engines) {
    const started = performance.now();
    const found = await search(reference.url, engine, { start: 2, step: 4, max: 60 }).catch((error: Error) => error);
    const seconds = Math.round((performance.now() - started) / 1000);
    if (found instanceof Error) {
      rows.push(`| reference server | ${engine} | could not run: ${found.message} | | | ${seconds} s |`);
      continue;
    }
    rows.push(
      `| reference server (serve --scrypt-cost 1024) | ${engine} | ${found.capacity_flows_per_s ?? '–'} flows/s ` +
        `(${found.capacity_rps ?? '–'} req/s answered) | unknown | | ${found.steps.length} steps, ${seconds} s |`,
    );
    console.error(found.summary);
  }
} finally {
  reference.child.kill('SIGTERM');
}
const table = [
  '| server | engine | capacity found | true capacity | error | search |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows,
];
const note =
  `${stepSeconds} s steps; ${cpus().length} cores, load average (1 min) ${loadAtStart.toFixed(1)} at the start, ` +
  `${(loadavg()[0] as number).toFixed(1)} at the end (the machine is shared).`;
console.log(`${table.join('\n')}\n\n${note}`);
if (values.write) {
  writeSection('bench-capacity', `${table.join('\n')}\n\n${note}`);
  console.log('\nwrote the bench-capacity section of docs/benchmark.md');
}
