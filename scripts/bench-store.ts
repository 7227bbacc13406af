// npm run bench:store: figures, not timed tests, for docs/reference-server.md's "under pressure" paragraph.
// Measured on the RefreshStore the reference server uses, with its default caps, in one process on one machine:
//  1. heap bytes per held token, with the store at its global cap (1,000,000 tokens, 10 users at their caps);
//  2. the longest event-loop block while purging 1,000,000 expired tokens (timestamps between event-loop
//     turns, and perf_hooks.monitorEventLoopDelay's maximum);
//  3. grants and refreshes per second below the caps, at a user's own cap, and at the global cap.
// `npm run bench:store -- --write` also writes the table into docs/reference-server.md.
import { cpus, loadavg, totalmem } from 'node:os';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULTS } from '../servers/reference/defaults.ts';
import { RefreshStore, type StoreLimits } from '../servers/reference/refresh-store.ts';
import { writeSection } from './doc-sections.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const LIMITS: StoreLimits = {
  ttlMs: DEFAULTS.refreshTtlSeconds * 1000,
  historyLimit: DEFAULTS.historyLimit,
  maxTokens: DEFAULTS.maxTokens,
  maxTokensPerUser: DEFAULTS.maxTokensPerUser,
  retryAfterSeconds: DEFAULTS.purgeIntervalMs / 1000,
  purgeSliceMs: DEFAULTS.purgeSliceMs,
};
const CAP = LIMITS.maxTokens;
const SAMPLE = 100_000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
let clock = 0;
const newStore = () => new RefreshStore(LIMITS, () => clock);

function heapUsed(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

/** Operations per second of `op`, run `times` times. */
function rate(times: number, op: (i: number) => void): number {
  const started = performance.now();
  for (let i = 0; i < times; i += 1) op(i);
  return (times / (performance.now() - started)) * 1000;
}

/** Fills a store to the global cap: `users` users with CAP / users grants each. */
function fill(store: RefreshStore, users: number): string[] {
  const newest: string[] = [];
  for (let u = 0; u < users; u += 1)
    for (let i = 0; i < CAP / users; i += 1) newest[u] = store.issue('bench', `user-${u}`);
  return newest;
}

interface Block {
  /** The longest gap between two event-loop turns: in wall time, and in CPU time (a busy machine's scheduler
   * adds wall time that is not ours; CPU time is the whole process's, GC helper threads included). */
  wallMs: number;
  cpuMs: number;
  /** The longest GC pause, and perf_hooks.monitorEventLoopDelay's maximum. */
  gcMs: number;
  delayMs: number;
  turns: number;
  ms: number;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** How long `work` holds up the event loop at a stretch. */
async function longestBlock(work: () => Promise<number>): Promise<Block> {
  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ entryTypes: ['gc'] });
  const monitor = monitorEventLoopDelay({ resolution: 1 });
  monitor.enable();
  const gaps: { wall: number; cpu: number }[] = [];
  let running = true;
  const turns = (async () => {
    let [wall, cpu] = [performance.now(), cpuMs()];
    while (running) {
      await nextTurn();
      const [nowWall, nowCpu] = [performance.now(), cpuMs()];
      gaps.push({ wall: nowWall - wall, cpu: nowCpu - cpu });
      [wall, cpu] = [nowWall, nowCpu];
    }
  })();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  running = false;
  await turns;
  await nextTurn(); // lets the observer deliver its last entries
  monitor.disable();
  observer.disconnect();
  return {
    wallMs: Math.max(...gaps.map((g) => g.wall)),
    cpuMs: Math.max(...gaps.map((g) => g.cpu)),
    gcMs: Math.max(0, ...pauses),
    delayMs: monitor.max / 1e6,
    turns: gaps.length,
    ms,
  };
}

const atOwnCaps = newStore();
const before = heapUsed();
fill(atOwnCaps, CAP / LIMITS.maxTokensPerUser);
const bytesPerToken = (heapUsed() - before) / atOwnCaps.size;
const grantsAtOwnCap = rate(SAMPLE, () => atOwnCaps.issue('bench', 'user-0'));
clock += LIMITS.ttlMs;
const held = atOwnCaps.size;
const purge = await longestBlock(() => atOwnCaps.purgeExpired());
if (atOwnCaps.size !== 0) throw new Error(`the purge left ${atOwnCaps.size} of ${held} expired tokens`);

const empty = newStore();
const grantsBelowCaps = rate(SAMPLE, (i) => empty.issue('bench', `fresh-${i % 1000}`));
let chains = Array.from({ length: 1000 }, (_, i) => empty.issue('bench', `chain-${i}`));
const rotate = (store: RefreshStore, i: number) => {
  const rotation = store.rotate(chains[i % chains.length]!);
  if (rotation.outcome !== 'rotated') throw new Error(`a rotation failed: ${rotation.outcome}`);
  chains[i % chains.length] = rotation.refreshToken;
};
const refreshesBelowCaps = rate(SAMPLE, (i) => rotate(empty, i));

const full = newStore(); // at the global cap, every user below their own cap: 20 users of 50,000
chains = fill(full, 20);
const refreshesAtCap = rate(SAMPLE, (i) => rotate(full, i));
const refusedAtCap = rate(SAMPLE, () => {
  try {
    full.issue('bench', 'late-comer');
  } catch {
    return;
  }
  throw new Error('a grant was accepted at the global cap');
});
if (full.size > CAP) throw new Error(`the store grew past its cap: ${full.size}`);

const rows: [string, string][] = [
  [`heap per held token (${fmt(held)} tokens, the global cap)`, `**${fmt(bytesPerToken)} bytes**`],
  [
    `longest event-loop block while purging ${fmt(held)} expired tokens`,
    `**${purge.cpuMs.toFixed(1)} ms** CPU time, ${purge.wallMs.toFixed(1)} ms wall (loop-delay max ` +
      `${purge.delayMs.toFixed(1)} ms, longest GC pause ${purge.gcMs.toFixed(1)} ms); ${fmt(purge.ms)} ms in all, ` +
      `${fmt(purge.turns)} event-loop turns in between`,
  ],
  ['grants/s, store below its caps', fmt(grantsBelowCaps)],
  [
    `grants/s, a user at their own cap (${fmt(LIMITS.maxTokensPerUser)}): each forgets their oldest`,
    fmt(grantsAtOwnCap),
  ],
  ['grants refused/s at the global cap (503 + Retry-After)', fmt(refusedAtCap)],
  ['refreshes/s, store below its caps', fmt(refreshesBelowCaps)],
  [`refreshes/s, store at the global cap (${fmt(CAP)})`, fmt(refreshesAtCap)],
];
const machine =
  `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ` +
  `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = [
  '| figure (`npm run bench:store`, one run) | value |',
  '| --- | --- |',
  ...rows.map(([figure, value]) => `| ${figure} | ${value} |`),
  '',
  `${machine}, load average ${loadavg()[0]!.toFixed(1)} (wall times include waiting for a core); ` +
    'store operations in-process, without HTTP or scrypt.',
].join('\n');
console.log(table);
if (process.argv.includes('--write')) writeSection('bench-store', table);
