// How much CPU the rest of the machine wanted, window by window, for LOAD-06 to tell "the server got slower"
// from "a neighbour arrived". Wanted = used + waited for: the CPU time of every process but the run's own
// (the suite's, its embedded server's, its k6's), from /proc/stat less our processes' time, plus the time
// their threads waited to run (/proc/<pid>/task/<tid>/schedstat). CPU time charged to no process of ours
// (interrupts, loopback networking in softirq) counts as theirs: a steady offset, not a rise. A neighbour
// there all along wants the same whether or not it gets it: when our own work slows and leaves it room, it
// uses more and waits less. A neighbour that arrives wants more. (Linux's CPU pressure cannot tell: the
// run's own processes crowd two cores by themselves.) Where other processes are hidden (/proc mounted
// hidepid) only their CPU time counts, which also rises when they take the room we leave: a slowdown is
// then more often inconclusive, never blamed on the wrong side. null where /proc is missing.
import { readdirSync } from 'node:fs';
import { machineTicks, processTicks, read, ticksToSeconds } from './cpu-meters.ts';

interface Reading {
  at: number;
  machineBusy: number | null;
  /** CPU ticks of the run's own processes, by pid. */
  own: Map<number, number>;
  /** Nanoseconds other processes' threads waited to run, by "pid/tid". */
  waited: Map<string, number>;
}

function list(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** Run-queue wait (ns) of every thread of every visible process not in `own`. */
function othersWaited(own: Set<number>): Map<string, number> {
  const waited = new Map<string, number>();
  for (const pid of list('/proc')) {
    if (!/^\d+$/.test(pid) || own.has(Number(pid))) continue;
    for (const tid of list(`/proc/${pid}/task`)) {
      const wait = Number(read(`/proc/${pid}/task/${tid}/schedstat`)?.split(' ')[1]);
      if (Number.isFinite(wait)) waited.set(`${pid}/${tid}`, wait);
    }
  }
  return waited;
}

export class ContentionSampler {
  /** Cores the machine's other processes wanted (used + waited for) in each window; null where unreadable. */
  readonly others: (number | null)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private last: Reading | null = null;

  /** `ownPids`: the run's child processes (k6) and a local target's server, counted as ours, not as others'. */
  constructor(
    readonly windowMs: number,
    private readonly ownPids: () => number[] = () => [],
  ) {}

  start(): void {
    this.last = this.read();
    this.timer = setInterval(() => this.sample(), this.windowMs);
    this.timer.unref();
  }

  stop(): (number | null)[] {
    clearInterval(this.timer);
    return this.others;
  }

  private read(): Reading {
    const pids = [process.pid, ...this.ownPids()];
    const own = new Map<number, number>();
    for (const pid of pids) {
      const ticks = processTicks(pid);
      if (ticks !== null) own.set(pid, ticks);
    }
    const waited = othersWaited(new Set(pids));
    return { at: performance.now(), machineBusy: machineTicks()?.busy ?? null, own, waited };
  }

  private sample(): void {
    const [before, now] = [this.last, this.read()];
    this.last = now;
    this.others.push(before ? wantedCores(before, now) : null);
  }
}

/** Others' CPU time (machine less ours) and run-queue wait between two readings, in cores. */
function wantedCores(before: Reading, now: Reading): number | null {
  const seconds = (now.at - before.at) / 1000;
  if (seconds <= 0 || before.machineBusy === null || now.machineBusy === null || !now.own.has(process.pid)) return null;
  let ownTicks = 0;
  for (const [pid, ticks] of now.own) ownTicks += ticks - (before.own.get(pid) ?? ticks);
  const used = ticksToSeconds(now.machineBusy - before.machineBusy - ownTicks);
  // A thread born in the window waited all its recorded wait in it; one that ended is missed (its last bit).
  let waitedNs = 0;
  for (const [task, wait] of now.waited) waitedNs += wait - (before.waited.get(task) ?? 0);
  return Math.round((Math.max(0, used) / seconds + waitedNs / 1e9 / seconds) * 1000) / 1000;
}
