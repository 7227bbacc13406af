// npm run bench:baseline -- [--trials 6] [--duration 10] [--engine node|k6] [--write]: how often the baseline
// comparison (verify --baseline, compare) calls a regression. Each trial runs `token-suite verify --only load`
// five times, one after the other, with a busy loop (`node -e "for(;;){}"`) beside them all: twice against the
// reference server (an A/A pair: any regression is a false alarm); then against the reference server with a
// service time of BASE_MS per answer, and the same made 1.5× and 2× slower (testing/slowed-server.ts), each
// slower one compared with it. Prints the false-alarm rate of the A/A pairs and the detection rates; --write puts
// the table in docs/baseline.md. The service time keeps a slowdown of the server visible on a machine so busy
// that its scheduler, not the server, sets most of each latency.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareRuns } from '../baseline/compare.ts';
import { readSummaryFile } from '../baseline/read.ts';
import { runCli } from '../testing/cli.ts';
import { freePort, startSlowed } from '../testing/slowed-server.ts';
import { writeSection } from './doc-sections.ts';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '6' },
    duration: { type: 'string', default: '10' },
    engine: { type: 'string', default: 'node' },
    write: { type: 'boolean', default: false },
  },
});
const trials = Number(values.trials);
const tolerances = { latency: 25, throughput: 20, errorRate: 0 };
const dir = mkdtempSync(join(tmpdir(), 'bench-baseline-'));
const BASE_MS = 100;
const port = await freePort();
const busy = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });

async function run(factor: number, baseMs: number, name: string): Promise<string> {
  const server = await startSlowed(factor, { baseMs, port });
  try {
    const reportDir = join(dir, name);
    const args = ['verify', '--only', 'load', '--quiet', '--base-url', server.url, '--report-dir', reportDir];
    const result = await runCli([...args, '--duration', values.duration, '--engine', values.engine]);
    if (result.code !== 0 && result.code !== 3) throw new Error(`${name}: exit ${result.code}: ${result.stderr}`);
    return join(reportDir, 'summary.json');
  } finally {
    await server.stop();
  }
}

/** The BASE-* that failed, with the figures that failed them. */
function regressions(oldFile: string, newFile: string): string[] {
  const comparison = compareRuns(readSummaryFile(oldFile), readSummaryFile(newFile), oldFile, tolerances);
  return comparison.endpoints.flatMap((e) =>
    e.figures.filter((f) => f.judgement === 'regression').map((f) => `${e.endpoint} ${f.figure}`),
  );
}

const tally = { aa: 0, x15: 0, x2: 0 };
const started = performance.now();
try {
  for (let i = 0; i < trials; i += 1) {
    const a = await run(1, 0, `${i}-a`);
    const b = await run(1, 0, `${i}-b`);
    const base = await run(1, BASE_MS, `${i}-base`);
    const slow15 = await run(1.5, BASE_MS, `${i}-x1.5`);
    const slow2 = await run(2, BASE_MS, `${i}-x2`);
    const found = { aa: regressions(a, b), x15: regressions(base, slow15), x2: regressions(base, slow2) };
    for (const key of ['aa', 'x15', 'x2'] as const) if (found[key].length > 0) tally[key] += 1;
    const shown = (list: string[]) => list.join(', ') || 'none';
    console.log(`trial ${i + 1}/${trials}: A/A ${shown(found.aa)}; 1.5× ${shown(found.x15)}; 2× ${shown(found.x2)}`);
  }
} finally {
  busy.kill();
}
const rate = (n: number) => `${n} of ${trials} (${Math.round((100 * n) / trials)}%)`;
const minutes = ((performance.now() - started) / 60_000).toFixed(1);
const command = `npm run bench:baseline -- --trials ${trials} --duration ${values.duration} --engine ${values.engine}`;
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`;
const table = [
  `Measured by \`${command}\` on ${machine}, load average ${loadavg()[0]?.toFixed(1)} at the end, a busy loop ` +
    `beside every run, default tolerances (p50/p95 +25%, throughput -20%, error rate +0 pp); ${minutes} min:`,
  '',
  '| pair | runs called a regression |',
  '| --- | --- |',
  `| A/A: the reference server twice (false alarms) | ${rate(tally.aa)} |`,
  `| with ${BASE_MS} ms of service time, then 1.5× slower (detections) | ${rate(tally.x15)} |`,
  `| with ${BASE_MS} ms of service time, then 2× slower (detections) | ${rate(tally.x2)} |`,
].join('\n');
console.log(`\n${table}`);
if (values.write) writeSection('baseline-bench', table);
