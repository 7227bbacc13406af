// npm run bench:load06 -- [--runs 20] [--duration 10] [--busy] [--engine node|k6] [--write]: runs the load
// layer N times against the reference server (scrypt cost 1024, as the embedded server) and counts how
// often LOAD-06 fails (false alarms: the server does not degrade) or is inconclusive; then once each
// against servers that do degrade (json-snapshot-store, 250 ms slower after 500 requests, +50% halfway),
// which must fail every time; and a few times against the reference server while two busy loops join for the
// last third (a neighbour arriving mid-run), which must never fail. --busy runs a busy loop beside it (a
// second core-hungry job, as on a shared runner). --write puts the table into docs/load.md.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadLayer } from '../load/layer.ts';
import { createMutantServer } from '../servers/mutants/index.ts';
import { close, createTokenServer, listen } from '../servers/reference/index.ts';
import { contextFor } from '../testing/load-context.ts';
import { startDegrading } from '../testing/degrading-servers.ts';
import type { RequirementResult } from '../verdict/types.ts';
import { writeSection } from './doc-sections.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    duration: { type: 'string', default: '10' },
    engine: { type: 'string', default: 'node' },
    busy: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const duration = Number(values.duration);
const engine = values.engine === 'k6' ? 'k6' : 'node';

async function load06(url: string, rate = 0): Promise<RequirementResult> {
  const reportDir = mkdtempSync(join(tmpdir(), 'load06-'));
  const context = contextFor(url, { engine, durationSeconds: duration, reportDir, load: { rate } });
  const outcome = await loadLayer.run(context);
  return outcome.requirements.find((r) => r.id === 'LOAD-06')!;
}

async function against<T>(
  start: () => Promise<{ url: string; stop: () => Promise<void> }>,
  run: (url: string) => Promise<T>,
) {
  const server = await start();
  try {
    return await run(server.url);
  } finally {
    await server.stop();
  }
}

const served = (factory: () => ReturnType<typeof createTokenServer>) => async () => {
  const server = factory();
  return { url: await listen(server), stop: () => close(server) };
};

/** A core-hungry neighbour: `node -e "for(;;){}"`. */
const busyLoop = () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });

/** Runs `run` with two busy loops started `seconds` after it began (stopped when it ends). */
async function withNeighbourFrom<T>(seconds: number, run: () => Promise<T>): Promise<T> {
  const loops: ReturnType<typeof spawn>[] = [];
  const timer = setTimeout(() => {
    for (let i = 0; i < 2; i += 1) loops.push(busyLoop());
  }, seconds * 1000);
  try {
    return await run();
  } finally {
    clearTimeout(timer);
    for (const loop of loops) loop.kill();
  }
}

const busy = values.busy ? busyLoop() : null;
const line = (r: RequirementResult) =>
  `${r.status.padEnd(12)} ${r.evidence.filter((e) => /^(p95|p50|the rest|MISSING|FAILED)/.test(e)).join(' | ')}`;
try {
  const counts = { pass: 0, fail: 0, warn: 0, inconclusive: 0 };
  for (let i = 1; i <= runs; i += 1) {
    const r = await against(
      served(() => createTokenServer({ scryptCost: 1024 })),
      load06,
    );
    counts[r.status] += 1;
    console.log(`reference ${String(i).padStart(2)}: ${line(r)}`);
  }
  const joined = { pass: 0, fail: 0, warn: 0, inconclusive: 0 };
  const joinedRuns = Math.min(runs, 5);
  for (let i = 1; i <= joinedRuns; i += 1) {
    const r = await against(
      served(() => createTokenServer({ scryptCost: 1024 })),
      (url) => withNeighbourFrom((duration * 2) / 3, () => load06(url)),
    );
    joined[r.status] += 1;
    console.log(`reference, a neighbour joins ${String(i).padStart(2)}: ${line(r)}`);
  }
  const degrading: [string, () => Promise<{ url: string; stop: () => Promise<void> }>][] = [
    ['json-snapshot-store', served(() => createMutantServer('json-snapshot-store', { scryptCost: 1024 }))],
    ['250 ms slower after 500 requests (open model, 20 flows/s)', () => startDegrading({ kind: 'step' })],
    ['+50% halfway', () => startDegrading({ kind: 'halfway', baseMs: 100, afterMs: (duration * 1000) / 2 })],
  ];
  const caught: string[] = [];
  for (const [name, start] of degrading) {
    const r = await against(start, (url) => load06(url, name.includes('open model') ? 20 : 0));
    caught.push(`${name}: ${r.status}`);
    console.log(`${name}: ${line(r)}`);
  }
  const machine = `${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end`;
  const neighbour = values.busy ? 'a busy loop (`node -e "for(;;){}"`) beside it' : 'no extra load';
  const table = [
    '| LOAD-06 against | runs | fail | inconclusive | pass |',
    '| --- | --- | --- | --- | --- |',
    `| reference server (does not degrade) | ${runs} | **${counts.fail}** | ${counts.inconclusive} | ${counts.pass} |`,
    `| reference server, two busy loops join for the last third | ${joinedRuns} ` +
      `| **${joined.fail}** | ${joined.inconclusive} | ${joined.pass} |`,
    ...caught.map(
      (c) => `| ${c.split(': ')[0]} | 1 | ${c.endsWith('fail') ? '**caught**' : `**${c.split(': ')[1]}**`} | | |`,
    ),
    '',
    `${engine} engine, ${duration} s per run, ${neighbour}; ${machine}.`,
  ].join('\n');
  console.log(`\n${table}`);
  if (values.write) writeSection(values.busy ? 'load06-busy' : 'load06-calm', table);
} finally {
  busy?.kill();
}
