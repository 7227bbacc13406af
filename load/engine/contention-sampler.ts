// How busy the machine was with other work, window by window: the CPU every process used (/proc/stat) minus
// what this process (the engine, its workers, an embedded server) and the suite's own children (k6) used, in
// cores. LOAD-06 reads it to tell "the server got slower" from "the machine got busier": a slowdown that
// comes with other processes taking more CPU is not judged against the server. Linux only (null elsewhere).
import { readFileSync } from 'node:fs';
import { machineTicks, type MachineTicks } from './cpu-meters.ts';

const TICKS_PER_SECOND = 100;

function childCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

interface Reading {
  at: number;
  machine: MachineTicks;
  ours: number;
}

export class ContentionSampler {
  /** Cores used by other processes in each window; null where it could not be read. */
  readonly others: (number | null)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private last: Reading | null = null;

  constructor(
    readonly windowMs: number,
    private readonly children: () => number[] = () => [],
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

  private read(): Reading | null {
    const machine = machineTicks();
    if (!machine) return null;
    const own = process.cpuUsage();
    const children = this.children().reduce((sum, pid) => sum + childCpuSeconds(pid), 0);
    return { at: performance.now(), machine, ours: (own.user + own.system) / 1e6 + children };
  }

  private sample(): void {
    const now = this.read();
    const before = this.last;
    this.last = now;
    if (!now || !before) return void this.others.push(null);
    const seconds = (now.at - before.at) / 1000;
    const busy = (now.machine.busy - before.machine.busy) / TICKS_PER_SECOND;
    this.others.push(Math.max(0, Math.round(((busy - (now.ours - before.ours)) / seconds) * 100) / 100));
  }
}
