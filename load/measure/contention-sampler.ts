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
//
// And how much the contention stretched the run's own work, window by window: the CPU time its threads
// wanted over what they got, (run + wait) / run from their schedstat, over the share of time the hypervisor
// left the machine's CPUs (steal, which no thread's wait shows). A neighbour that wanted more cores and found
// them idle stretched nothing: the run's threads waited no longer. LOAD-06 holds a slowdown beyond what the
// stretch explains against the server (degradation.ts).
import { list, machineTicks, processTicks, read, ticksToSeconds, type MachineTicks } from './cpu-meters.ts';

/** What the sampler saw, window by window (null where unreadable). */
export interface ContentionSeries {
  /** Cores the machine's other processes wanted (used + waited for). */
  others: (number | null)[];
  /** How much CPU contention stretched the run's own work: 1 when its threads never waited to run. */
  stretch: (number | null)[];
}

export const noContention = (): ContentionSeries => ({ others: [], stretch: [] });

interface Reading {
  at: number;
  machine: MachineTicks | null;
  /** CPU ticks of the run's own processes, by pid. */
  own: Map<number, number>;
  /** Nanoseconds other processes' threads waited to run, by "pid/tid". */
  waited: Map<string, number>;
  /** Nanoseconds the run's own threads ran and waited to run, by "pid/tid". */
  ownThreads: Map<string, { ran: number; waited: number }>;
}

/** Each thread's schedstat (ns on the CPU, ns waiting on a run queue) of the visible processes, by "pid/tid". */
function schedstats(): Map<string, { pid: number; ran: number; waited: number }> {
  const stats = new Map<string, { pid: number; ran: number; waited: number }>();
  for (const pid of list('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    for (const tid of list(`/proc/${pid}/task`)) {
      const [ran, waited] = (read(`/proc/${pid}/task/${tid}/schedstat`) ?? '').split(' ').map(Number);
      if (Number.isFinite(ran) && Number.isFinite(waited))
        stats.set(`${pid}/${tid}`, { pid: Number(pid), ran: ran!, waited: waited! });
    }
  }
  return stats;
}

/** `roots` and every process descended from them (parents from /proc/<pid>/stat). */
export function withDescendants(roots: readonly number[]): number[] {
  const children = new Map<number, number[]>();
  for (const pid of list('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = read(`/proc/${pid}/stat`);
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
    if (Number.isFinite(ppid)) children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
  }
  const found = new Set(roots);
  for (const pid of found) for (const child of children.get(pid) ?? []) found.add(child);
  return [...found];
}

export class ContentionSampler {
  /** What it saw so far, window by window. */
  readonly series = noContention();
  private timer: NodeJS.Timeout | undefined;
  private last: Reading | null = null;

  /**
   * `ownPids`: the run's child processes (k6); `targetPids`: a local target's server, whose descendants are
   * the server too (a cluster's workers, a compaction it forks): all counted as ours, not as others'.
   */
  constructor(
    readonly windowMs: number,
    private readonly ownPids: () => number[] = () => [],
    private readonly targetPids: () => number[] = () => [],
  ) {}

  start(): void {
    this.last = this.read();
    this.timer = setInterval(() => this.sample(), this.windowMs);
    this.timer.unref();
  }

  stop(): ContentionSeries {
    clearInterval(this.timer);
    return this.series;
  }

  private read(): Reading {
    const targets = this.targetPids();
    const pids = [process.pid, ...this.ownPids(), ...(targets.length ? withDescendants(targets) : [])];
    const own = new Map<number, number>();
    for (const pid of pids) {
      const ticks = processTicks(pid);
      if (ticks !== null) own.set(pid, ticks);
    }
    const ours = new Set(pids);
    const waited = new Map<string, number>();
    const ownThreads = new Map<string, { ran: number; waited: number }>();
    for (const [task, stat] of schedstats()) {
      if (ours.has(stat.pid)) ownThreads.set(task, stat);
      else waited.set(task, stat.waited);
    }
    return { at: performance.now(), machine: machineTicks(), own, waited, ownThreads };
  }

  private sample(): void {
    const [before, now] = [this.last, this.read()];
    this.last = now;
    this.series.others.push(before ? wantedCores(before, now) : null);
    this.series.stretch.push(before ? stretchOf(before, now) : null);
  }
}

/** Others' CPU time (machine less ours) and run-queue wait between two readings, in cores. */
function wantedCores(before: Reading, now: Reading): number | null {
  const seconds = (now.at - before.at) / 1000;
  if (seconds <= 0 || !before.machine || !now.machine || !now.own.has(process.pid)) return null;
  let ownTicks = 0;
  for (const [pid, ticks] of now.own) ownTicks += ticks - (before.own.get(pid) ?? ticks);
  const used = ticksToSeconds(now.machine.busy - before.machine.busy - ownTicks);
  // A thread born in the window waited all its recorded wait in it; one that ended is missed (its last bit).
  let waitedNs = 0;
  for (const [task, wait] of now.waited) waitedNs += wait - (before.waited.get(task) ?? 0);
  return Math.round((Math.max(0, used) / seconds + waitedNs / 1e9 / seconds) * 1000) / 1000;
}

/**
 * (run + wait) / run of the run's own threads between two readings, over the share of the machine's CPU
 * time the hypervisor left it (1 - steal): how much longer CPU work took than it would have alone.
 */
function stretchOf(before: Reading, now: Reading): number | null {
  let ran = 0;
  let waited = 0;
  for (const [task, stat] of now.ownThreads) {
    const was = before.ownThreads.get(task) ?? { ran: 0, waited: 0 };
    ran += stat.ran - was.ran;
    waited += stat.waited - was.waited;
  }
  if (ran <= 0 || !before.machine || !now.machine) return null;
  const total = now.machine.total - before.machine.total;
  const steal = total > 0 ? Math.min(0.9, Math.max(0, (now.machine.steal - before.machine.steal) / total)) : 0;
  return Math.round(((ran + Math.max(0, waited)) / ran / (1 - steal)) * 1000) / 1000;
}
